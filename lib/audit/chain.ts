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

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(toPlain(value)));
}

/** What JSON storage will give back: Dates as ISO strings, undefined dropped. */
export function toPlain(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
  ) as unknown;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
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
