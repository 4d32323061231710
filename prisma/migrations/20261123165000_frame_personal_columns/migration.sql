-- Hand-written. Personal data of a frame record moves into the record's own row, and the
-- per-statement reference check becomes one pass over the statement's rows.
-- docs/decisions/2026-11-23-frame-personal-columns.md
--
-- Measured on the 2-core machine, a 1,000,000-row import spent 11 s of database time on
-- FrameRecordPersonal alone (its COPY, its primary key, its transition table and the
-- FOR KEY SHARE lock of every referenced record), and the record check probed the unit,
-- field and import indexes once per row (3 s). In the record's row the same columns cost
-- about nothing: the row is written anyway.

-- The unique index on (plan, unit, dossier code) was the largest single cost of a COPY into
-- the frame (about 40% of the database's CPU in a million-row import: a descent with
-- three-column comparisons per row, at 500 insertion points). The import checks uniqueness
-- itself, with one aggregate over the plan once all rows are in (lib/frames/import-writer.ts),
-- under the plan's frame lock that every writer of a frame holds. A plan's records are
-- written together and so lie together: a BRIN index on the plan finds them for a fraction
-- of a b-tree's upkeep (a (plan, unit) b-tree still cost half as much as the unique index).
DROP INDEX "FrameRecord_planId_unitId_dossierCode_key";
CREATE INDEX "FrameRecord_planId_idx" ON "FrameRecord" USING BRIN ("planId");

ALTER TABLE "FrameRecord" ADD COLUMN "fullName" TEXT, ADD COLUMN "address" TEXT, ADD COLUMN "phone" TEXT;

UPDATE "FrameRecord" r SET "fullName" = p."fullName", "address" = p."address", "phone" = p."phone"
  FROM "FrameRecordPersonal" p WHERE p."recordId" = r."id";

DROP TRIGGER "FrameRecord_cascade_personal" ON "FrameRecord";
DROP FUNCTION sipas_frame_record_deleted();
DROP TRIGGER "FrameRecordPersonal_refs_insert" ON "FrameRecordPersonal";
DROP TRIGGER "FrameRecordPersonal_refs_update" ON "FrameRecordPersonal";
DROP FUNCTION sipas_frame_personal_refs();
DROP TABLE "FrameRecordPersonal";

-- New or changed frame records: their import exists and belongs to their plan, their unit
-- and field exist; the referenced rows are locked FOR KEY SHARE, as a foreign key check
-- does, so that a concurrent delete waits for this transaction. One scan of the statement's
-- rows collects the distinct references (a COPY chunk of 10,000 records names one import,
-- a few hundred units and a few fields); each is then checked once, not once per row.
CREATE OR REPLACE FUNCTION sipas_frame_record_refs() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
DECLARE
  v_imports integer[];
  v_units integer[];
  v_fields integer[];
  v_n integer;
  bad record;
BEGIN
  SELECT array_agg(DISTINCT "importId"), array_agg(DISTINCT "unitId"), array_agg(DISTINCT "fieldId") FILTER (WHERE "fieldId" IS NOT NULL)
    INTO v_imports, v_units, v_fields FROM new_rows;
  IF v_imports IS NULL THEN
    RETURN NULL;
  END IF;
  -- Lock first, then check: a row deleted meanwhile is neither locked nor found.
  PERFORM 1 FROM "FrameImport" fi WHERE fi."id" = ANY (v_imports) FOR KEY SHARE;
  PERFORM 1 FROM "Unit" u WHERE u."id" = ANY (v_units) FOR KEY SHARE;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  IF v_n <> cardinality(v_units) THEN
    SELECT n."id", n."unitId" INTO bad FROM new_rows n
      WHERE NOT EXISTS (SELECT 1 FROM "Unit" u WHERE u."id" = n."unitId") LIMIT 1;
    RAISE EXCEPTION 'FrameRecord %: unit % does not exist', bad."id", bad."unitId"
      USING ERRCODE = 'foreign_key_violation', TABLE = 'FrameRecord', CONSTRAINT = 'FrameRecord_unitId_fkey';
  END IF;
  IF v_fields IS NOT NULL THEN
    PERFORM 1 FROM "Field" f WHERE f."id" = ANY (v_fields) FOR KEY SHARE;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    IF v_n <> cardinality(v_fields) THEN
      SELECT n."id", n."fieldId" INTO bad FROM new_rows n
        WHERE n."fieldId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Field" f WHERE f."id" = n."fieldId") LIMIT 1;
      RAISE EXCEPTION 'FrameRecord %: field % does not exist', bad."id", bad."fieldId"
        USING ERRCODE = 'foreign_key_violation', TABLE = 'FrameRecord', CONSTRAINT = 'FrameRecord_fieldId_fkey';
    END IF;
  END IF;
  -- Each distinct (import, plan) pair once: the import exists and is of the record's plan.
  SELECT n."importId", n."planId" INTO bad FROM (SELECT DISTINCT "importId", "planId" FROM new_rows) n
    WHERE NOT EXISTS (SELECT 1 FROM "FrameImport" fi WHERE fi."id" = n."importId" AND fi."planId" = n."planId") LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'FrameRecord: import % of plan % does not exist', bad."importId", bad."planId"
      USING ERRCODE = 'foreign_key_violation', TABLE = 'FrameRecord', CONSTRAINT = 'FrameRecord_importId_fkey';
  END IF;
  RETURN NULL;
END $$;
