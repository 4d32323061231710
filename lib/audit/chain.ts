import { createHash } from "node:crypto";

/**
 * The audit hash chain, pure. Each event's hash = SHA-256 hex of
 * `<previous hash>\n<canonical JSON of the event>`; the first event's previous hash is
 * GENESIS. Canonical JSON sorts object keys, so PostgreSQL's jsonb key order does not matter.
 */
export const GENESIS = "0".repeat(64);

export type ChainEvent = {
  id: bigint;
  at: Date;
  actorId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  planId: number | null;
  outcome: "OK" | "DENIED";
  before: unknown;
  after: unknown;
  ip: string | null;
};

/**
 * A value as JSON storage gives it back (Dates as ISO strings, bigints as strings, undefined
 * dropped), every object's keys sorted. One JSON.stringify pass: the replacer sees each value
 * after its toJSON, turns bigints into strings and rebuilds each object with its keys in sorted
 * order exactly as the former definition — JSON.stringify(sortKeys(JSON round trip of value)) —
 * did, so the text stays byte for byte the same, and with it every hash already stored: the
 * audit chain, the results' inputs hashes, the questionnaires' hashes
 * (tests/unit/audit-chain.test.ts checks it against that definition). It runs several times
 * per save; the former went through JSON three times.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  const text = JSON.stringify(value, canonicalReplacer) as string | undefined;
  // What JSON cannot hold at the top (a function, a symbol): as before, an error.
  if (text === undefined) throw new SyntaxError("canonicalJson: not a JSON value");
  return text;
}

/** Boxed primitives (new String("x")…), which JSON.stringify unwraps after the replacer. */
const BOXED = new Set(["[object Number]", "[object String]", "[object Boolean]", "[object BigInt]"]);

function canonicalReplacer(_key: string, v: unknown): unknown {
  if (typeof v === "bigint") return v.toString();
  if (v === null || typeof v !== "object" || Array.isArray(v) || BOXED.has(Object.prototype.toString.call(v))) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = (v as Record<string, unknown>)[k];
  return out;
}

/** The hashed text of an event: canonical JSON of its fields, with `id` as given. */
function chainBody(e: Omit<ChainEvent, "id">, id: string): string {
  return canonicalJson({
    id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    planId: e.planId,
    outcome: e.outcome,
    before: e.before ?? null,
    after: e.after ?? null,
    ip: e.ip,
  });
}

export function hashEvent(prevHash: string, e: ChainEvent): string {
  return createHash("sha256").update(`${prevHash}\n${chainBody(e, e.id.toString())}`).digest("hex");
}

/**
 * hashEvent() split around the event's id, for appending in the database where the id and
 * the previous hash are decided (sipas_audit_append): the hash is SHA-256 hex of
 * `<previous hash>\n<head><id><tail>`. Canonical JSON sorts the keys: the top-level "id"
 * is the last `"id":` in the text, since only scalars (ip, outcome, planId) sort after it
 * and any nested "id" inside before/after comes before it.
 */
export function hashTemplate(e: Omit<ChainEvent, "id">): { head: string; tail: string } {
  const body = chainBody(e, "0");
  const at = body.lastIndexOf('"id":"0"') + '"id":"'.length;
  return { head: body.slice(0, at), tail: body.slice(at + 1) };
}

export type ChainBreak = { id: bigint; reason: string };

/** Checks one link; returns why it is broken, or null. */
export function checkLink(
  prev: { id: bigint; hash: string } | null,
  e: ChainEvent & { prevHash: string; hash: string },
): ChainBreak | null {
  const expectedId = prev ? prev.id + 1n : 1n;
  if (e.id !== expectedId) return { id: e.id, reason: `thiếu sự kiện: mong đợi #${expectedId}, gặp #${e.id}` };
  const expectedPrev = prev ? prev.hash : GENESIS;
  if (e.prevHash !== expectedPrev) return { id: e.id, reason: "mã băm của sự kiện trước không khớp" };
  if (hashEvent(e.prevHash, e) !== e.hash) return { id: e.id, reason: "nội dung đã bị sửa (mã băm không khớp)" };
  return null;
}
