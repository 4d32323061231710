-- Response."packedAnswers": the non-blank answers of a response (free-text comments left out)
-- packed into one string, so that results read one row per form instead of ~30 answer rows.
-- Kept by statement-level triggers on "Answer", whatever writes the answers (lib/results/load.ts decodes it).
-- Hand-written: the Prisma schema language has no triggers.
--
-- Encoding, in item order (QItem.sortOrder = the item's place in the questionnaire):
--   one character chr(256 + 64 * sortOrder + code) per answer, code
--     1 to 60  VALID, the value (1 to 5 for satisfaction)     61  VALID, value missing or out of range
--     62       MULTIPLE (several boxes ticked)                63  UNREADABLE
--   or, for a VALID answer carried as text (option codes, rated options), chr(256 + 64 * sortOrder)
--   followed by the text and chr(30). Blank answers are absent. NULL means no answer at all.
CREATE OR REPLACE FUNCTION sipas_pack_answers(response_ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Response" r SET "packedAnswers" = p.packed
  FROM (
    SELECT ids.id, (
      SELECT string_agg(
        CASE WHEN a.status = 'VALID' AND a.text IS NOT NULL
          THEN chr(256 + 64 * i."sortOrder") || a.text || chr(30)
          ELSE chr(256 + 64 * i."sortOrder" + CASE a.status
            WHEN 'VALID' THEN CASE WHEN a.value BETWEEN 1 AND 60 THEN a.value ELSE 61 END
            WHEN 'MULTIPLE' THEN 62
            ELSE 63 END)
        END, '' ORDER BY i."sortOrder")
      FROM "Answer" a JOIN "QItem" i ON i.id = a."itemId"
      WHERE a."responseId" = ids.id AND a.status <> 'BLANK' AND i.kind <> 'TEXT'
    ) AS packed
    FROM (SELECT DISTINCT unnest(response_ids) AS id) ids
  ) p
  WHERE r.id = p.id AND r."packedAnswers" IS DISTINCT FROM p.packed
$$;

CREATE OR REPLACE FUNCTION sipas_answers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM sipas_pack_answers(ARRAY(SELECT "responseId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM sipas_pack_answers(ARRAY(SELECT "responseId" FROM old_rows));
  ELSE
    PERFORM sipas_pack_answers(ARRAY(SELECT "responseId" FROM new_rows UNION SELECT "responseId" FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;

-- PostgreSQL allows transition tables on single-event triggers only: one trigger per event.
CREATE TRIGGER "Answer_pack_insert" AFTER INSERT ON "Answer"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sipas_answers_changed();
CREATE TRIGGER "Answer_pack_update" AFTER UPDATE ON "Answer"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sipas_answers_changed();
CREATE TRIGGER "Answer_pack_delete" AFTER DELETE ON "Answer"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sipas_answers_changed();

-- Answers entered before this migration.
SELECT sipas_pack_answers(ARRAY(SELECT id FROM "Response"));
