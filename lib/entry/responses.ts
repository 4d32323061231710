import { createHash } from "node:crypto";
import type { DbOrTx, Tx } from "@/lib/db";
import type { SurveyMode } from "@/lib/generated/prisma/enums";
import { canonicalJson } from "@/lib/audit/chain";
import { answerToCell, type TAnswerRow, type TCells } from "./answer-cells";
import type { TLoadedQuestionnaire } from "./questionnaire";

/** Reading and writing the answers of one response (shared by clerks' entry and online answers). */

export async function readCells(client: DbOrTx, responseId: number, lq: TLoadedQuestionnaire): Promise<TCells> {
  const answers = await client.answer.findMany({ where: { responseId }, select: { itemId: true, status: true, value: true, text: true } });
  const cells: TCells = {};
  for (const a of answers) {
    const item = lq.itemsById.get(a.itemId);
    if (item) cells[item.code] = answerToCell(item, a);
  }
  return cells;
}

/** A response's answers as columns (item ids, statuses, values, texts), for one INSERT … SELECT FROM unnest(…). */
export function answerColumns(rows: ReadonlyMap<string, TAnswerRow>, lq: TLoadedQuestionnaire) {
  const itemIds: number[] = [];
  const statuses: string[] = [];
  const values: (number | null)[] = [];
  const texts: (string | null)[] = [];
  for (const [code, row] of rows) {
    const itemId = lq.itemIds.get(code);
    if (itemId === undefined) throw new Error(`Questionnaire item ${code} has no database row (version ${lq.versionId})`);
    itemIds.push(itemId);
    statuses.push(row.status);
    values.push(row.value);
    texts.push(row.text);
  }
  return { itemIds, statuses, values, texts };
}

export async function createResponse(
  tx: Tx,
  input: { formId: number; round: number; mode: SurveyMode; enteredById: number | null; rows: ReadonlyMap<string, TAnswerRow>; lq: TLoadedQuestionnaire },
): Promise<number> {
  const { itemIds, statuses, values, texts } = answerColumns(input.rows, input.lq);
  // One statement: the save is the entry screen's hot path, and one INSERT of all answers
  // makes the answers_packed trigger run once per response.
  const [response] = await tx.$queryRawUnsafe<{ id: number }[]>(
    `WITH r AS (
       INSERT INTO "Response" ("formId", round, mode, "enteredById", "updatedAt")
       VALUES ($1, $2, $3::"SurveyMode", $4, now()) RETURNING id
     ), a AS (
       INSERT INTO "Answer" ("responseId", "itemId", status, value, text)
       SELECT r.id, t.* FROM r, unnest($5::int[], $6::"AnswerStatus"[], $7::smallint[], $8::text[]) AS t
     )
     SELECT id FROM r`,
    input.formId, input.round, input.mode, input.enteredById, itemIds, statuses, values, texts,
  );
  if (!response) throw new Error("INSERT … RETURNING gave no row");
  return response.id;
}

/** Overwrites the answers whose cell changed; returns the old and new cells of those items. */
export async function updateAnswers(
  tx: Tx,
  responseId: number,
  current: TCells,
  next: { rows: ReadonlyMap<string, TAnswerRow>; cells: TCells },
  lq: TLoadedQuestionnaire,
): Promise<{ before: TCells; after: TCells }> {
  const before: TCells = {};
  const after: TCells = {};
  for (const [code, row] of next.rows) {
    const cell = next.cells[code] ?? "";
    if ((current[code] ?? "") === cell) continue;
    const itemId = lq.itemIds.get(code);
    if (itemId === undefined) continue;
    before[code] = current[code] ?? "";
    after[code] = cell;
    await tx.answer.upsert({
      where: { responseId_itemId: { responseId, itemId } },
      create: { responseId, itemId, status: row.status, value: row.value, text: row.text },
      update: { status: row.status, value: row.value, text: row.text },
    });
  }
  if (Object.keys(after).length > 0) await tx.response.update({ where: { id: responseId }, data: { version: { increment: 1 } } });
  return { before, after };
}

/** SHA-256 of a request's meaningful content, to tell a retry from a different request with the same key. */
export function requestSha(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

/**
 * A stored result for an idempotency key, or null. The key row is written in the same
 * transaction as the change, after the form row was locked: a retried request waits for
 * the first one and then finds its result here.
 */
export async function replayed<T>(tx: Tx, key: string, sha: string): Promise<{ result: T } | { mismatch: true } | null> {
  const [row] = await tx.$queryRawUnsafe<{ requestSha: string; result: unknown }[]>(`SELECT "requestSha", result FROM "IdempotencyKey" WHERE key = $1`, key);
  if (!row) return null;
  return row.requestSha === sha ? { result: row.result as T } : { mismatch: true };
}

export async function remember(tx: Tx, key: string, scope: string, sha: string, result: unknown): Promise<void> {
  await tx.$executeRawUnsafe(`INSERT INTO "IdempotencyKey" (key, scope, "requestSha", result) VALUES ($1, $2, $3, $4::jsonb)`, key, scope, sha, JSON.stringify(result));
}
