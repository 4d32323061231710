-- Hand-written. A draw stores about 200,000 Selection rows in one COPY. PostgreSQL checked
-- their three foreign keys (draw, stratum, frame record) with one trigger call per row and
-- key, each locking the referenced row FOR KEY SHARE: most of the 7 to 13 s the draw spent
-- storing its selections, and the lock of 200,000 frame records wrote to every page of the
-- frame. The same guarantees are kept by triggers that run once per statement, as for the
-- frame tables (migration 20261123140000_frame_reference_triggers).
-- docs/decisions/2026-11-23-selection-references.md

ALTER TABLE "Selection" DROP CONSTRAINT "Selection_drawId_fkey";
ALTER TABLE "Selection" DROP CONSTRAINT "Selection_stratumId_fkey";
ALTER TABLE "Selection" DROP CONSTRAINT "Selection_frameRecordId_fkey";

-- New or changed selections: their draw and stratum exist and are of one plan, and their
-- frame record exists in that plan. Draws and strata (a few hundred per statement) are
-- locked FOR KEY SHARE, as a foreign key check does. Frame records (200,000 per draw) are
-- not locked one by one: the statement takes the frame lock of the draw's plan (the
-- advisory lock of lib/draws/frame-lock.ts, which the draw already holds), and every
-- statement deleting frame records takes the frame lock of their plans before it deletes
-- the selections of those records (sipas_frame_record_deleted_selections). Whichever comes
-- second sees what the first committed.
CREATE FUNCTION sipas_selection_refs() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
DECLARE
  v_draws integer[];
  v_strata integer[];
  v_draw integer;
  v_plan integer;
  v_n integer;
  bad record;
BEGIN
  -- An update that changes no reference (a reserve marked used) checks nothing. (Nested:
  -- old_rows exists only for an update.)
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (
      SELECT 1 FROM new_rows n JOIN old_rows o ON o."id" = n."id"
       WHERE (n."drawId", n."stratumId", n."frameRecordId") IS DISTINCT FROM (o."drawId", o."stratumId", o."frameRecordId")
    ) THEN
      RETURN NULL;
    END IF;
  END IF;
  SELECT array_agg(DISTINCT g."drawId"), array_agg(DISTINCT g."stratumId") INTO v_draws, v_strata
    FROM (SELECT "drawId", "stratumId" FROM new_rows GROUP BY 1, 2) g;
  IF v_draws IS NULL THEN
    RETURN NULL;
  END IF;
  -- Lock first, then check: a row deleted meanwhile is neither locked nor found.
  PERFORM 1 FROM "SampleDraw" d WHERE d."id" = ANY (v_draws) FOR KEY SHARE;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  IF v_n <> cardinality(v_draws) THEN
    SELECT n."id", n."drawId" INTO bad FROM new_rows n
      WHERE NOT EXISTS (SELECT 1 FROM "SampleDraw" d WHERE d."id" = n."drawId") LIMIT 1;
    RAISE EXCEPTION 'Selection %: draw % does not exist', bad."id", bad."drawId"
      USING ERRCODE = 'foreign_key_violation', TABLE = 'Selection', CONSTRAINT = 'Selection_drawId_fkey';
  END IF;
  PERFORM 1 FROM "Stratum" s WHERE s."id" = ANY (v_strata) FOR KEY SHARE;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  IF v_n <> cardinality(v_strata) THEN
    SELECT n."id", n."stratumId" INTO bad FROM new_rows n
      WHERE NOT EXISTS (SELECT 1 FROM "Stratum" s WHERE s."id" = n."stratumId") LIMIT 1;
    RAISE EXCEPTION 'Selection %: stratum % does not exist', bad."id", bad."stratumId"
      USING ERRCODE = 'foreign_key_violation', TABLE = 'Selection', CONSTRAINT = 'Selection_stratumId_fkey';
  END IF;
  SELECT g."drawId", g."stratumId" INTO bad FROM (SELECT "drawId", "stratumId" FROM new_rows GROUP BY 1, 2) g
    JOIN "SampleDraw" d ON d."id" = g."drawId" JOIN "Stratum" s ON s."id" = g."stratumId"
    WHERE s."planId" <> d."planId" LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'Selection: stratum % is not of the plan of draw %', bad."stratumId", bad."drawId"
      USING ERRCODE = 'foreign_key_violation', TABLE = 'Selection', CONSTRAINT = 'Selection_stratumId_fkey';
  END IF;
  FOR v_plan IN SELECT DISTINCT d."planId" FROM "SampleDraw" d WHERE d."id" = ANY (v_draws) ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(580231, v_plan);
  END LOOP;
  FOR v_draw, v_plan IN SELECT d."id", d."planId" FROM "SampleDraw" d WHERE d."id" = ANY (v_draws) LOOP
    -- A scalar subquery per row: one probe of the primary key each, whatever the statistics
    -- say (a join could scan every plan's frame records instead), in order of frame record
    -- (a draw writes its selections in its own order).
    SELECT n."id", n."frameRecordId" INTO bad FROM (SELECT * FROM new_rows WHERE "drawId" = v_draw ORDER BY "frameRecordId") n
      WHERE (SELECT r."planId" FROM "FrameRecord" r WHERE r."id" = n."frameRecordId") IS DISTINCT FROM v_plan LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'Selection %: frame record % does not exist in the plan of draw %', bad."id", bad."frameRecordId", v_draw
        USING ERRCODE = 'foreign_key_violation', TABLE = 'Selection', CONSTRAINT = 'Selection_frameRecordId_fkey';
    END IF;
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER "Selection_refs_insert" AFTER INSERT ON "Selection"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sipas_selection_refs();
CREATE TRIGGER "Selection_refs_update" AFTER UPDATE ON "Selection"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sipas_selection_refs();

-- Deleting a draw or a stratum deletes its selections (ON DELETE CASCADE). A stratum's
-- selections are found through the draws of its plan (the index on draw and stratum). A
-- draw's are deleted under the frame lock of its plan: what refers to a selection takes it
-- from the selection's draw, which is gone by then (migration form_statement_checks).
CREATE FUNCTION sipas_draw_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_plan integer;
BEGIN
  FOR v_plan IN SELECT DISTINCT "planId" FROM old_rows ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(580231, v_plan);
  END LOOP;
  DELETE FROM "Selection" s USING old_rows o WHERE s."drawId" = o."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "SampleDraw_cascade_selections" AFTER DELETE ON "SampleDraw"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sipas_draw_deleted();

CREATE FUNCTION sipas_stratum_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "Selection" s USING old_rows o, "SampleDraw" d
   WHERE d."planId" = o."planId" AND s."drawId" = d."id" AND s."stratumId" = o."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "Stratum_cascade_selections" AFTER DELETE ON "Stratum"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sipas_stratum_deleted();

-- Deleting frame records deletes their selections (ON DELETE CASCADE), under the frame lock
-- of their plans (see sipas_selection_refs). A plan without selections (an import supersedes
-- the draft draws before it replaces records) costs an index probe per draw.
CREATE FUNCTION sipas_frame_record_deleted_selections() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_lo integer;
  v_hi integer;
  v_plan integer;
BEGIN
  SELECT min("planId"), max("planId") INTO v_lo, v_hi FROM old_rows;
  IF v_lo IS NULL THEN
    RETURN NULL;
  END IF;
  IF v_lo = v_hi THEN
    PERFORM pg_advisory_xact_lock(580231, v_lo);
  ELSE
    FOR v_plan IN SELECT DISTINCT "planId" FROM old_rows ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock(580231, v_plan);
    END LOOP;
  END IF;
  IF EXISTS (SELECT 1 FROM "SampleDraw" d JOIN "Selection" s ON s."drawId" = d."id" WHERE d."planId" BETWEEN v_lo AND v_hi) THEN
    DELETE FROM "Selection" s USING old_rows o, "SampleDraw" d
     WHERE d."planId" = o."planId" AND s."drawId" = d."id" AND s."frameRecordId" = o."id";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "FrameRecord_cascade_selections" AFTER DELETE ON "FrameRecord"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sipas_frame_record_deleted_selections();

-- Ids of draws and strata never change (a foreign key's ON UPDATE), and neither does the
-- plan of a draw or stratum that has selections (the checks above rely on it).
CREATE FUNCTION sipas_selection_key_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."id" <> OLD."id" THEN
    RAISE EXCEPTION '%: the id of a row referenced by selections cannot change', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF NEW."planId" <> OLD."planId" AND EXISTS (
    SELECT 1 FROM "Selection" s JOIN "SampleDraw" d ON d."id" = s."drawId"
     WHERE d."planId" = OLD."planId" AND (s."drawId" = OLD."id" AND TG_TABLE_NAME = 'SampleDraw' OR s."stratumId" = OLD."id" AND TG_TABLE_NAME = 'Stratum')
  ) THEN
    RAISE EXCEPTION '% %: its selections belong to plan %', TG_TABLE_NAME, OLD."id", OLD."planId"
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "SampleDraw_key_immutable" BEFORE UPDATE OF "id", "planId" ON "SampleDraw"
  FOR EACH ROW EXECUTE FUNCTION sipas_selection_key_immutable();
CREATE TRIGGER "Stratum_key_immutable" BEFORE UPDATE OF "id", "planId" ON "Stratum"
  FOR EACH ROW EXECUTE FUNCTION sipas_selection_key_immutable();
