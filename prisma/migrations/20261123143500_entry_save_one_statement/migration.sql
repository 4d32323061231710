-- Hand-written: functions are outside the Prisma schema language (Prisma ignores them: no drift).

-- Appends events to the audit hash chain (lib/audit/service.ts). The application sends each
-- event as its canonical JSON split around the id (lib/audit/chain.ts hashTemplate); here,
-- under the audit lock, each event gets the next id and
--   hash = SHA-256 hex of `<previous hash>\n<head><id><tail>`,
-- the same bytes as hashEvent() in JavaScript (the database is UTF8). The columns are read
-- back from that JSON, so what is stored is what was hashed. Reading the chain's end and
-- extending it in one call keeps the lock for this call and the commit that follows only.
-- Returns the id of the last event written.
CREATE OR REPLACE FUNCTION sipas_audit_append(p_heads text[], p_tails text[]) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v_id bigint;
  v_prev text;
  v_body text;
  v_hash text;
  v_e jsonb;
BEGIN
  PERFORM pg_advisory_xact_lock(7270736902);
  SELECT id, hash INTO v_id, v_prev FROM "AuditEvent" ORDER BY id DESC LIMIT 1;
  v_id := coalesce(v_id, 0);
  v_prev := coalesce(v_prev, repeat('0', 64));
  FOR i IN 1 .. coalesce(array_length(p_heads, 1), 0) LOOP
    v_id := v_id + 1;
    v_body := p_heads[i] || v_id::text || p_tails[i];
    v_hash := encode(sha256(convert_to(v_prev || E'\n' || v_body, 'UTF8')), 'hex');
    v_e := v_body::jsonb;
    INSERT INTO "AuditEvent" (id, at, "actorId", "actorName", action, entity, "entityId", "planId", outcome, before, after, ip, "prevHash", hash)
    VALUES (v_id, (v_e->>'at')::timestamptz, (v_e->>'actorId')::integer, v_e->>'actorName', v_e->>'action', v_e->>'entity', v_e->>'entityId',
            (v_e->>'planId')::integer, (v_e->>'outcome')::"AuditOutcome", NULLIF(v_e->'before', 'null'::jsonb), NULLIF(v_e->'after', 'null'::jsonb),
            v_e->>'ip', v_prev, v_hash);
    v_prev := v_hash;
  END LOOP;
  RETURN v_id;
END
$$;

-- Replaces each hole holes[k] (a JSON token) by vals[k] (a JSON token) in s.
CREATE OR REPLACE FUNCTION sipas_fill_holes(s text, holes text[], vals text[]) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  FOR k IN 1 .. coalesce(array_length(holes, 1), 0) LOOP
    s := replace(s, holes[k], vals[k]);
  END LOOP;
  RETURN s;
END
$$;

-- The first entry of a RETURNED form in one statement (lib/entry/save.ts saveFirstFast, the
-- entry screen's hot path). Locks the form by its code and goes on only if it is RETURNED at
-- the version the screen saw, in the plan, plan state and questionnaire version the
-- application assumed, and in one of the clerk's units (p_unit_ids, NULL for any unit);
-- otherwise returns NULL having written nothing, and the application takes the general path,
-- which decides under the lock (refusals, a retried request's stored result).
-- Then writes the response (mode: the form's paper mode, else POST, as PAPER_MODES in
-- lib/forms/state-machine.ts) and all its answers, moves the form to ENTERED, remembers the
-- idempotency key and appends the audit events. The events and the stored result are the
-- application's JSON with holes for what only the locked row tells (p_holes: the form id as
-- a JSON string, the form id as a number, the response id as a string, the mode).
-- Returns the form's id.
CREATE OR REPLACE FUNCTION sipas_entry_first(
  p_code text, p_version integer, p_plan_id integer, p_plan_state "PlanState", p_questionnaire_version_id integer, p_unit_ids integer[],
  p_entered_by integer, p_item_ids integer[], p_statuses "AnswerStatus"[], p_values smallint[], p_texts text[],
  p_heads text[], p_tails text[], p_holes text[], p_key text, p_scope text, p_sha text, p_result text
) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_form integer;
  v_mode "SurveyMode";
  v_response integer;
  v_vals text[];
  v_heads text[];
  v_tails text[];
BEGIN
  SELECT f.id, CASE WHEN f.mode IN ('POST', 'DIRECT') THEN f.mode ELSE 'POST' END INTO v_form, v_mode
    FROM "Form" f JOIN "Plan" p ON p.id = f."planId"
   WHERE f.code = p_code AND f.state = 'RETURNED' AND f.version = p_version AND f."planId" = p_plan_id
     AND p.state = p_plan_state AND p."questionnaireVersionId" = p_questionnaire_version_id
     AND (p_unit_ids IS NULL OR f."unitId" = ANY (p_unit_ids))
     FOR UPDATE OF f;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  v_response := nextval('"Response_id_seq"');
  INSERT INTO "Response" (id, "formId", round, mode, "enteredById", "updatedAt") VALUES (v_response, v_form, 1, v_mode, p_entered_by, now());
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

-- sipas_pack_answers (migration answers_packed), same result, as PL/pgSQL: one indexed
-- lookup and one UPDATE by primary key per response. The SQL version joined the ids to
-- "Response" with a plan chosen afresh on every call (SQL functions keep no plans), which
-- became a hash join over the whole table: every save's trigger cost grew with the number
-- of responses (~3 ms per save at 5,000 responses, most of a save's database time).
CREATE OR REPLACE FUNCTION sipas_pack_answers(response_ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_id integer;
  v_packed text;
BEGIN
  FOR v_id IN SELECT DISTINCT unnest(response_ids) LOOP
    SELECT string_agg(
        CASE WHEN a.status = 'VALID' AND a.text IS NOT NULL
          THEN chr(256 + 64 * i."sortOrder") || a.text || chr(30)
          ELSE chr(256 + 64 * i."sortOrder" + CASE a.status
            WHEN 'VALID' THEN CASE WHEN a.value BETWEEN 1 AND 60 THEN a.value ELSE 61 END
            WHEN 'MULTIPLE' THEN 62
            ELSE 63 END)
        END, '' ORDER BY i."sortOrder")
      INTO v_packed
      FROM "Answer" a JOIN "QItem" i ON i.id = a."itemId"
     WHERE a."responseId" = v_id AND a.status <> 'BLANK' AND i.kind <> 'TEXT';
    UPDATE "Response" SET "packedAnswers" = v_packed WHERE id = v_id AND "packedAnswers" IS DISTINCT FROM v_packed;
  END LOOP;
END
$$;
