-- What is published stays as it was published, whatever code runs against the database.
-- Hand-written: the Prisma schema language has no triggers. The application refuses these
-- changes first with a Vietnamese message (lib/questionnaires, lib/results), these are the backstop.

-- A published questionnaire version (and its aspects, elements, items, which answers point to)
-- never changes and is never deleted. Edits go into a new DRAFT version.
CREATE OR REPLACE FUNCTION sipas_published_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  vid integer;
BEGIN
  IF TG_TABLE_NAME = 'QuestionnaireVersion' THEN
    IF OLD.status = 'PUBLISHED' THEN
      RAISE EXCEPTION 'QuestionnaireVersion % is published: % refused', OLD.id, TG_OP USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  ELSE
    vid := OLD."versionId";
    IF EXISTS (SELECT 1 FROM "QuestionnaireVersion" v WHERE v.id = vid AND v.status = 'PUBLISHED') THEN
      RAISE EXCEPTION '% of published QuestionnaireVersion %: % refused', TG_TABLE_NAME, vid, TG_OP USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "QuestionnaireVersion_frozen" BEFORE UPDATE OR DELETE ON "QuestionnaireVersion"
  FOR EACH ROW EXECUTE FUNCTION sipas_published_version_frozen();
CREATE TRIGGER "QAspect_frozen" BEFORE UPDATE OR DELETE ON "QAspect"
  FOR EACH ROW EXECUTE FUNCTION sipas_published_version_frozen();
CREATE TRIGGER "QElement_frozen" BEFORE UPDATE OR DELETE ON "QElement"
  FOR EACH ROW EXECUTE FUNCTION sipas_published_version_frozen();
CREATE TRIGGER "QItem_frozen" BEFORE UPDATE OR DELETE ON "QItem"
  FOR EACH ROW EXECUTE FUNCTION sipas_published_version_frozen();

-- A plan pins a published version only: a draft could still change under its forms.
CREATE OR REPLACE FUNCTION sipas_plan_pins_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "QuestionnaireVersion" v WHERE v.id = NEW."questionnaireVersionId" AND v.status = 'PUBLISHED') THEN
    RAISE EXCEPTION 'Plan % may only use a published questionnaire version (got %)', NEW.id, NEW."questionnaireVersionId"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Plan_pins_published" BEFORE INSERT OR UPDATE OF "questionnaireVersionId" ON "Plan"
  FOR EACH ROW EXECUTE FUNCTION sipas_plan_pins_published();

-- A result snapshot is a record of what was computed: its figures never change. The only
-- change allowed is publishing it (published false to true, with its time), and a published
-- snapshot is never deleted.
CREATE OR REPLACE FUNCTION sipas_snapshot_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.published THEN
      RAISE EXCEPTION 'ResultSnapshot % is published: DELETE refused', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.published
     OR NEW."planId" IS DISTINCT FROM OLD."planId"
     OR NEW."computedAt" IS DISTINCT FROM OLD."computedAt"
     OR NEW."computedById" IS DISTINCT FROM OLD."computedById"
     OR NEW."inputsHash" IS DISTINCT FROM OLD."inputsHash"
     OR NEW.method IS DISTINCT FROM OLD.method
     OR NEW.results IS DISTINCT FROM OLD.results
     OR NOT NEW.published OR NEW."publishedAt" IS NULL THEN
    RAISE EXCEPTION 'ResultSnapshot % is immutable: only publishing it is allowed', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "ResultSnapshot_frozen" BEFORE UPDATE OR DELETE ON "ResultSnapshot"
  FOR EACH ROW EXECUTE FUNCTION sipas_snapshot_frozen();
