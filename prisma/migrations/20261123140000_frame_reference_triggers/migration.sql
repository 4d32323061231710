-- Frame records are loaded a million at a time. PostgreSQL checks a foreign key with one
-- trigger call per row; for the five keys of FrameRecord and FrameRecordPersonal that was
-- 30 of the 46 seconds of a 1,000,000-row import. The same guarantees are kept here by
-- triggers that run once per statement on its transition table (one join per COPY chunk),
-- and by triggers on the referenced tables for their deletes.
-- docs/decisions/2026-11-23-frame-references.md

-- DropForeignKey
ALTER TABLE "FrameRecord" DROP CONSTRAINT "FrameRecord_fieldId_fkey";
ALTER TABLE "FrameRecord" DROP CONSTRAINT "FrameRecord_importId_fkey";
ALTER TABLE "FrameRecord" DROP CONSTRAINT "FrameRecord_planId_fkey";
ALTER TABLE "FrameRecord" DROP CONSTRAINT "FrameRecord_unitId_fkey";
ALTER TABLE "FrameRecordPersonal" DROP CONSTRAINT "FrameRecordPersonal_recordId_fkey";

-- New or changed frame records: their import exists and belongs to their plan, their unit
-- and field exist. The referenced rows are locked FOR KEY SHARE, as a foreign key check
-- does, so that a concurrent delete waits for this transaction.
-- The checks run while a million rows are being added in one transaction, so the planner's
-- statistics still describe the table as it was (often empty) and would choose to scan it
-- whole for every chunk; index lookups are always right here.
CREATE FUNCTION sipas_frame_record_refs() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
DECLARE
  bad record;
BEGIN
  PERFORM 1 FROM "FrameImport" fi WHERE fi."id" IN (SELECT DISTINCT "importId" FROM new_rows) FOR KEY SHARE;
  PERFORM 1 FROM "Unit" u WHERE u."id" IN (SELECT DISTINCT "unitId" FROM new_rows) FOR KEY SHARE;
  PERFORM 1 FROM "Field" f WHERE f."id" IN (SELECT DISTINCT "fieldId" FROM new_rows WHERE "fieldId" IS NOT NULL) FOR KEY SHARE;
  SELECT n."id", n."planId", n."importId" INTO bad FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM "FrameImport" fi WHERE fi."id" = n."importId" AND fi."planId" = n."planId") LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'FrameRecord %: import % of plan % does not exist', bad."id", bad."importId", bad."planId"
      USING ERRCODE = 'foreign_key_violation', TABLE = 'FrameRecord', CONSTRAINT = 'FrameRecord_importId_fkey';
  END IF;
  SELECT n."id", n."unitId" INTO bad FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM "Unit" u WHERE u."id" = n."unitId") LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'FrameRecord %: unit % does not exist', bad."id", bad."unitId"
      USING ERRCODE = 'foreign_key_violation', TABLE = 'FrameRecord', CONSTRAINT = 'FrameRecord_unitId_fkey';
  END IF;
  SELECT n."id", n."fieldId" INTO bad FROM new_rows n
    WHERE n."fieldId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Field" f WHERE f."id" = n."fieldId") LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'FrameRecord %: field % does not exist', bad."id", bad."fieldId"
      USING ERRCODE = 'foreign_key_violation', TABLE = 'FrameRecord', CONSTRAINT = 'FrameRecord_fieldId_fkey';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "FrameRecord_refs_insert" AFTER INSERT ON "FrameRecord"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sipas_frame_record_refs();
CREATE TRIGGER "FrameRecord_refs_update" AFTER UPDATE ON "FrameRecord"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sipas_frame_record_refs();

-- Personal data belongs to an existing frame record.
CREATE FUNCTION sipas_frame_personal_refs() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
DECLARE
  bad integer;
BEGIN
  PERFORM 1 FROM "FrameRecord" r WHERE r."id" IN (SELECT "recordId" FROM new_rows) FOR KEY SHARE;
  SELECT n."recordId" INTO bad FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM "FrameRecord" r WHERE r."id" = n."recordId") LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'FrameRecordPersonal: frame record % does not exist', bad
      USING ERRCODE = 'foreign_key_violation', TABLE = 'FrameRecordPersonal', CONSTRAINT = 'FrameRecordPersonal_recordId_fkey';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "FrameRecordPersonal_refs_insert" AFTER INSERT ON "FrameRecordPersonal"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sipas_frame_personal_refs();
CREATE TRIGGER "FrameRecordPersonal_refs_update" AFTER UPDATE ON "FrameRecordPersonal"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sipas_frame_personal_refs();

-- Ids of frame records, imports, units and fields never change (a foreign key's ON UPDATE).
CREATE FUNCTION sipas_frame_key_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."id" <> OLD."id" THEN
    RAISE EXCEPTION '%: the id of a row referenced by frame records cannot change', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "FrameRecord_id_immutable" BEFORE UPDATE OF "id" ON "FrameRecord"
  FOR EACH ROW EXECUTE FUNCTION sipas_frame_key_immutable();
CREATE TRIGGER "FrameImport_id_immutable" BEFORE UPDATE OF "id" ON "FrameImport"
  FOR EACH ROW EXECUTE FUNCTION sipas_frame_key_immutable();
CREATE TRIGGER "Unit_id_immutable" BEFORE UPDATE OF "id" ON "Unit"
  FOR EACH ROW EXECUTE FUNCTION sipas_frame_key_immutable();
CREATE TRIGGER "Field_id_immutable" BEFORE UPDATE OF "id" ON "Field"
  FOR EACH ROW EXECUTE FUNCTION sipas_frame_key_immutable();

CREATE FUNCTION sipas_frame_import_plan_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."planId" <> OLD."planId" AND EXISTS (SELECT 1 FROM "FrameRecord" r WHERE r."importId" = OLD."id") THEN
    RAISE EXCEPTION 'FrameImport %: its records belong to plan %', OLD."id", OLD."planId"
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "FrameImport_plan_immutable" BEFORE UPDATE OF "planId" ON "FrameImport"
  FOR EACH ROW EXECUTE FUNCTION sipas_frame_import_plan_immutable();

-- Deleting an import (or its plan, which deletes its imports) deletes its records
-- (ON DELETE CASCADE), and deleting records deletes their personal data.
CREATE FUNCTION sipas_frame_import_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "FrameRecord" r USING old_rows o WHERE r."importId" = o."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "FrameImport_cascade_records" AFTER DELETE ON "FrameImport"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sipas_frame_import_deleted();

CREATE FUNCTION sipas_frame_record_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "FrameRecordPersonal" p USING old_rows o WHERE p."recordId" = o."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "FrameRecord_cascade_personal" AFTER DELETE ON "FrameRecord"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sipas_frame_record_deleted();

-- A unit listed in a frame cannot be deleted (ON DELETE RESTRICT); a deleted field leaves
-- its records without a field (ON DELETE SET NULL).
CREATE FUNCTION sipas_unit_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad integer;
BEGIN
  SELECT o."id" INTO bad FROM old_rows o WHERE EXISTS (SELECT 1 FROM "FrameRecord" r WHERE r."unitId" = o."id") LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'Unit %: it is listed in a frame', bad
      USING ERRCODE = 'foreign_key_violation', TABLE = 'FrameRecord', CONSTRAINT = 'FrameRecord_unitId_fkey';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Unit_restrict_frame_records" AFTER DELETE ON "Unit"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sipas_unit_deleted();

CREATE FUNCTION sipas_field_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "FrameRecord" r SET "fieldId" = NULL FROM old_rows o WHERE r."fieldId" = o."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "Field_set_null_frame_records" AFTER DELETE ON "Field"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sipas_field_deleted();
