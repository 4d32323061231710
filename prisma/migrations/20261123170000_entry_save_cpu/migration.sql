-- Hand-written: functions are outside the Prisma schema language (Prisma ignores them: no drift).
-- CPU of a first entry (bench/entry.ts, issue #5), measured with perf and EXPLAIN on the bench database.

-- One packed answer (migration answers_packed describes the encoding), shared by
-- sipas_pack_answers and sipas_entry_first. A one-expression SQL function: the planner inlines it.
CREATE OR REPLACE FUNCTION sipas_packed_answer(p_sort integer, p_status "AnswerStatus", p_value smallint, p_text text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN p_status = 'VALID' AND p_text IS NOT NULL
    THEN chr(256 + 64 * p_sort) || p_text || chr(30)
    ELSE chr(256 + 64 * p_sort + CASE p_status
      WHEN 'VALID' THEN CASE WHEN p_value BETWEEN 1 AND 60 THEN p_value ELSE 61 END
      WHEN 'MULTIPLE' THEN 62
      ELSE 63 END)
  END
$$;

-- Same result as before (migration entry_save_one_statement), the expression now shared.
CREATE OR REPLACE FUNCTION sipas_pack_answers(response_ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_id integer;
  v_packed text;
BEGIN
  FOR v_id IN SELECT DISTINCT unnest(response_ids) LOOP
    SELECT string_agg(sipas_packed_answer(i."sortOrder", a.status, a.value, a.text), '' ORDER BY i."sortOrder")
      INTO v_packed
      FROM "Answer" a JOIN "QItem" i ON i.id = a."itemId"
     WHERE a."responseId" = v_id AND a.status <> 'BLANK' AND i.kind <> 'TEXT';
    UPDATE "Response" SET "packedAnswers" = v_packed WHERE id = v_id AND "packedAnswers" IS DISTINCT FROM v_packed;
  END LOOP;
END
$$;

-- sipas_entry_first (migration entry_save_one_statement), same contract, two changes:
--
-- 1. The form is found by its code alone, then checked. The single statement that joined Plan
--    and tested code, state, version, plan and unit together let the planner pick the
--    ("planId", state) index whenever the statistics were stale (always, right after the
--    forms were created, and for good where autovacuum is off): each save then walked every
--    RETURNED form of the plan and its dead index entries, testing the code of each — most of a
--    save's database CPU at 30,000 forms, and growing with the plan. The unique index on code
--    finds the one row whatever the statistics say. The checks are the same, made on the
--    locked row (FOR UPDATE returns the latest version, as the re-check of the old WHERE did).
--
-- 2. The response is inserted with its packed answers, computed from the answers in hand.
--    The answers_packed trigger still runs on the INSERT into "Answer" and remains the
--    authority: it recomputes the value from the stored answers and writes it only if it
--    differs, which it does not — so the second version of the just-inserted Response row
--    (a heap update, its WAL and, once the page is full, new index entries) is no longer written.
CREATE OR REPLACE FUNCTION sipas_entry_first(
  p_code text, p_version integer, p_plan_id integer, p_plan_state "PlanState", p_questionnaire_version_id integer, p_unit_ids integer[],
  p_entered_by integer, p_item_ids integer[], p_statuses "AnswerStatus"[], p_values smallint[], p_texts text[],
  p_heads text[], p_tails text[], p_holes text[], p_key text, p_scope text, p_sha text, p_result text
) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_form integer;
  v_state "FormState";
  v_version integer;
  v_plan integer;
  v_unit integer;
  v_mode "SurveyMode";
  v_response integer;
  v_vals text[];
  v_heads text[];
  v_tails text[];
BEGIN
  SELECT f.id, f.state, f.version, f."planId", f."unitId", f.mode INTO v_form, v_state, v_version, v_plan, v_unit, v_mode
    FROM "Form" f WHERE f.code = p_code FOR UPDATE;
  IF NOT FOUND OR v_state <> 'RETURNED' OR v_version <> p_version OR v_plan <> p_plan_id
     OR (p_unit_ids IS NOT NULL AND NOT v_unit = ANY (p_unit_ids)) THEN
    RETURN NULL;
  END IF;
  PERFORM FROM "Plan" p WHERE p.id = p_plan_id AND p.state = p_plan_state AND p."questionnaireVersionId" = p_questionnaire_version_id;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  v_mode := CASE WHEN v_mode IN ('POST', 'DIRECT') THEN v_mode ELSE 'POST' END;
  v_response := nextval('"Response_id_seq"');
  INSERT INTO "Response" (id, "formId", round, mode, "enteredById", "updatedAt", "packedAnswers")
  VALUES (v_response, v_form, 1, v_mode, p_entered_by, now(), (
    SELECT string_agg(sipas_packed_answer(i."sortOrder", t.status, t.value, t.text), '' ORDER BY i."sortOrder")
      FROM unnest(p_item_ids, p_statuses, p_values, p_texts) AS t("itemId", status, value, text)
      JOIN "QItem" i ON i.id = t."itemId"
     WHERE t.status <> 'BLANK' AND i.kind <> 'TEXT'));
  -- One INSERT of all answers: the answers_packed trigger runs once per response.
  INSERT INTO "Answer" ("responseId", "itemId", status, value, text)
  SELECT v_response, t.* FROM unnest(p_item_ids, p_statuses, p_values, p_texts) AS t;
  UPDATE "Form" SET state = 'ENTERED', version = version + 1, "updatedAt" = now() WHERE id = v_form;
  v_vals := ARRAY['"' || v_form || '"', v_form::text, '"' || v_response || '"', '"' || v_mode || '"'];
  INSERT INTO "IdempotencyKey" (key, scope, "requestSha", result) VALUES (p_key, p_scope, p_sha, sipas_fill_holes(p_result, p_holes, v_vals)::jsonb);
  FOR i IN 1 .. array_length(p_heads, 1) LOOP
    v_heads[i] := sipas_fill_holes(p_heads[i], p_holes, v_vals);
    v_tails[i] := sipas_fill_holes(p_tails[i], p_holes, v_vals);
  END LOOP;
  -- Last: the audit lock is then held only until the commit that ends this statement.
  PERFORM sipas_audit_append(v_heads, v_tails);
  RETURN v_form;
END
$$;
