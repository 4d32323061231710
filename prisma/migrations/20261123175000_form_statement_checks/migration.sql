-- Hand-written. Locking a draw creates one form per main selection, about 170,000 in one
-- COPY. PostgreSQL checked four foreign keys per form (plan, unit, stratum, selection), one
-- trigger call per row and key: two thirds of the lock's database time. The stratum and the
-- selection are checked once per statement instead, as for selections (migration
-- 20261123174000_selection_statement_checks), and deleting selections sets their forms'
-- selection to null in one statement instead of one per selection (a new draw deletes the
-- previous draft's 200,000). The plan and the unit keep their foreign keys: the Prisma
-- client reads them as relations.
-- docs/decisions/2026-11-23-selection-references.md

ALTER TABLE "Form" DROP CONSTRAINT "Form_stratumId_fkey";
ALTER TABLE "Form" DROP CONSTRAINT "Form_selectionId_fkey";

-- New forms: their stratum exists and is of the form's plan, locked FOR KEY SHARE as a
-- foreign key check does (deleting a stratum with forms is refused: sipas_stratum_deleted).
-- Their selection, when they have one, exists and is of a draw of the form's plan: checked
-- under the frame lock of the forms' plans, which every statement deleting selections takes
-- first (sipas_selection_deleted, and the deletes of draws, strata and frame records that
-- cascade to selections), not with one row lock per selection.
CREATE FUNCTION sipas_form_refs() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
DECLARE
  v_strata integer[];
  v_plan integer;
  v_n integer;
  bad record;
BEGIN
  SELECT array_agg(DISTINCT "stratumId") INTO v_strata FROM new_rows;
  IF v_strata IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM "Stratum" s WHERE s."id" = ANY (v_strata) FOR KEY SHARE;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  IF v_n <> cardinality(v_strata) THEN
    SELECT n."id", n."stratumId" INTO bad FROM new_rows n
      WHERE NOT EXISTS (SELECT 1 FROM "Stratum" s WHERE s."id" = n."stratumId") LIMIT 1;
    RAISE EXCEPTION 'Form %: stratum % does not exist', bad."id", bad."stratumId"
      USING ERRCODE = 'foreign_key_violation', TABLE = 'Form', CONSTRAINT = 'Form_stratumId_fkey';
  END IF;
  SELECT g."planId", g."stratumId" INTO bad FROM (SELECT "planId", "stratumId" FROM new_rows GROUP BY 1, 2) g
    JOIN "Stratum" s ON s."id" = g."stratumId" WHERE s."planId" <> g."planId" LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'Form: stratum % is not of plan %', bad."stratumId", bad."planId"
      USING ERRCODE = 'foreign_key_violation', TABLE = 'Form', CONSTRAINT = 'Form_stratumId_fkey';
  END IF;
  IF EXISTS (SELECT 1 FROM new_rows WHERE "selectionId" IS NOT NULL) THEN
    FOR v_plan IN SELECT DISTINCT "planId" FROM new_rows WHERE "selectionId" IS NOT NULL ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock(580231, v_plan);
    END LOOP;
    -- One probe of the selection's primary key per form, in order of selection.
    SELECT n."id", n."selectionId" INTO bad FROM (SELECT * FROM new_rows WHERE "selectionId" IS NOT NULL ORDER BY "selectionId") n
      WHERE (SELECT d."planId" FROM "Selection" s JOIN "SampleDraw" d ON d."id" = s."drawId" WHERE s."id" = n."selectionId") IS DISTINCT FROM n."planId"
      LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'Form %: selection % does not exist in its plan', bad."id", bad."selectionId"
        USING ERRCODE = 'foreign_key_violation', TABLE = 'Form', CONSTRAINT = 'Form_selectionId_fkey';
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Form_refs_insert" AFTER INSERT ON "Form"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sipas_form_refs();

-- A form whose plan, stratum or selection changes (the application never does it): the same
-- checks for that row. Row by row, so that the updates of data entry (state, version) pay
-- nothing: the trigger fires only when one of these columns is set, and changes.
CREATE FUNCTION sipas_form_refs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Stratum" s WHERE s."id" = NEW."stratumId" AND s."planId" = NEW."planId" FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'Form %: stratum % does not exist in plan %', NEW."id", NEW."stratumId", NEW."planId"
      USING ERRCODE = 'foreign_key_violation', TABLE = 'Form', CONSTRAINT = 'Form_stratumId_fkey';
  END IF;
  IF NEW."selectionId" IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(580231, NEW."planId");
    IF (SELECT d."planId" FROM "Selection" s JOIN "SampleDraw" d ON d."id" = s."drawId" WHERE s."id" = NEW."selectionId") IS DISTINCT FROM NEW."planId" THEN
      RAISE EXCEPTION 'Form %: selection % does not exist in its plan', NEW."id", NEW."selectionId"
        USING ERRCODE = 'foreign_key_violation', TABLE = 'Form', CONSTRAINT = 'Form_selectionId_fkey';
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Form_refs_update" AFTER UPDATE OF "planId", "stratumId", "selectionId" ON "Form"
  FOR EACH ROW WHEN (
    OLD."planId" IS DISTINCT FROM NEW."planId" OR OLD."stratumId" IS DISTINCT FROM NEW."stratumId"
    OR (NEW."selectionId" IS NOT NULL AND NEW."selectionId" IS DISTINCT FROM OLD."selectionId")
  ) EXECUTE FUNCTION sipas_form_refs_changed();

-- Deleting selections leaves their forms without a selection (ON DELETE SET NULL), under the
-- frame lock of the draws' plans (a draw deleted in the same statement took it already).
CREATE FUNCTION sipas_selection_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_plan integer;
BEGIN
  FOR v_plan IN SELECT DISTINCT d."planId" FROM "SampleDraw" d WHERE d."id" IN (SELECT DISTINCT "drawId" FROM old_rows) ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(580231, v_plan);
  END LOOP;
  UPDATE "Form" f SET "selectionId" = NULL FROM old_rows o WHERE f."selectionId" = o."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "Selection_forms_set_null" AFTER DELETE ON "Selection"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sipas_selection_deleted();

-- Deleting a stratum that forms refer to is refused (ON DELETE RESTRICT), then its
-- selections go (migration selection_statement_checks).
CREATE OR REPLACE FUNCTION sipas_stratum_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad integer;
BEGIN
  SELECT f."stratumId" INTO bad FROM "Form" f JOIN old_rows o ON o."id" = f."stratumId" LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'Stratum %: forms refer to it', bad
      USING ERRCODE = 'foreign_key_violation', TABLE = 'Form', CONSTRAINT = 'Form_stratumId_fkey';
  END IF;
  DELETE FROM "Selection" s USING old_rows o, "SampleDraw" d
   WHERE d."planId" = o."planId" AND s."drawId" = d."id" AND s."stratumId" = o."id";
  RETURN NULL;
END $$;

-- The plan of a stratum with forms never changes, nor the id or the draw of a selection
-- with a form (a foreign key's ON UPDATE, and the plan rule above).
CREATE OR REPLACE FUNCTION sipas_selection_key_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."id" <> OLD."id" THEN
    RAISE EXCEPTION '%: the id of a row referenced by selections cannot change', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF NEW."planId" <> OLD."planId" AND (EXISTS (
    SELECT 1 FROM "Selection" s JOIN "SampleDraw" d ON d."id" = s."drawId"
     WHERE d."planId" = OLD."planId" AND (s."drawId" = OLD."id" AND TG_TABLE_NAME = 'SampleDraw' OR s."stratumId" = OLD."id" AND TG_TABLE_NAME = 'Stratum')
  ) OR TG_TABLE_NAME = 'Stratum' AND EXISTS (SELECT 1 FROM "Form" f WHERE f."stratumId" = OLD."id")) THEN
    RAISE EXCEPTION '% %: its selections or forms belong to plan %', TG_TABLE_NAME, OLD."id", OLD."planId"
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION sipas_selection_with_form_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."id" <> OLD."id" OR NEW."drawId" <> OLD."drawId") AND EXISTS (SELECT 1 FROM "Form" f WHERE f."selectionId" = OLD."id") THEN
    RAISE EXCEPTION 'Selection %: a form refers to it', OLD."id"
      USING ERRCODE = 'foreign_key_violation', TABLE = 'Form', CONSTRAINT = 'Form_selectionId_fkey';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Selection_with_form_immutable" BEFORE UPDATE OF "id", "drawId" ON "Selection"
  FOR EACH ROW EXECUTE FUNCTION sipas_selection_with_form_immutable();
