import { db, type DbOrTx, type Tx } from "@/lib/db";
import type { AuditEvent as AuditEventRow } from "@/lib/generated/prisma/client";
import { checkLink, hashTemplate, type ChainBreak } from "./chain";

/** Who did it: a signed-in user, an API token, the system (seed, start-up), or nobody. */
export type Actor = { id: number | null; name: string; ip?: string | null };
export const SYSTEM_ACTOR: Actor = { id: null, name: "hệ thống" };

export type AuditInput = {
  actor: Actor;
  action: string;
  entity: string;
  entityId?: string | number | null;
  planId?: number | null;
  before?: unknown;
  after?: unknown;
  outcome?: "OK" | "DENIED";
};

/**
 * Appends one event to the audit chain. Call it inside the same db().$transaction as the
 * change it records, so that the change and its record commit or roll back together.
 */
export async function recordAudit(tx: Tx, input: AuditInput, now = new Date()): Promise<bigint> {
  const [id] = await recordAudits(tx, [input], now);
  return id!;
}

/**
 * The events as sipas_audit_append takes them: each one's canonical JSON split around its id
 * (hashTemplate). The database then, under the audit lock, numbers them after the chain's
 * end, hashes them and stores the columns read from that same JSON.
 */
export function auditTemplates(inputs: readonly AuditInput[], now = new Date()): { heads: string[]; tails: string[] } {
  // Millisecond precision: what timestamptz(3) stores and gives back.
  const at = new Date(Math.floor(now.getTime()));
  const heads: string[] = [];
  const tails: string[] = [];
  for (const input of inputs) {
    const { head, tail } = hashTemplate({
      at,
      actorId: input.actor.id,
      actorName: input.actor.name,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId == null ? null : String(input.entityId),
      planId: input.planId ?? null,
      outcome: input.outcome ?? "OK",
      // As stored: canonical JSON (chainBody) gives the text the jsonb column gives back.
      before: input.before ?? null,
      after: input.after ?? null,
      ip: input.actor.ip ?? null,
    });
    heads.push(head);
    tails.push(tail);
  }
  return { heads, tails };
}

/**
 * Appends several events of one change at once (e.g. a form's state and its answers): one
 * statement, which takes the audit lock, reads the chain's end and inserts the hashed events
 * (sipas_audit_append). Every change of the application waits for this lock, held from this
 * statement to the commit.
 */
export async function recordAudits(tx: Tx, inputs: readonly AuditInput[], now = new Date()): Promise<bigint[]> {
  if (inputs.length === 0) return [];
  const { heads, tails } = auditTemplates(inputs, now);
  const [row] = await tx.$queryRawUnsafe<{ last: string }[]>(`SELECT sipas_audit_append($1::text[], $2::text[])::text AS last`, heads, tails);
  const last = BigInt(row!.last);
  return inputs.map((_, i) => last - BigInt(inputs.length - 1 - i));
}

/** Records an event in a transaction of its own (refusals, sign-in events). */
export async function recordAuditNow(input: AuditInput): Promise<void> {
  await db().$transaction((tx) => recordAudit(tx, input));
}

export type VerifyResult = { ok: true; count: number } | { ok: false; count: number; broken: ChainBreak };

/** Walks the whole chain in id order, in pages, and names the first broken link. */
export async function verifyAuditChain(client: DbOrTx = db(), pageSize = 5000): Promise<VerifyResult> {
  let prev: { id: bigint; hash: string } | null = null;
  let count = 0;
  for (;;) {
    const after: bigint | null = prev ? prev.id : null;
    const page: AuditEventRow[] = await client.auditEvent.findMany({
      where: after === null ? {} : { id: { gt: after } },
      orderBy: { id: "asc" },
      take: pageSize,
    });
    for (const e of page) {
      const broken = checkLink(prev, { ...e, before: e.before ?? null, after: e.after ?? null });
      if (broken) return { ok: false, count, broken };
      prev = { id: e.id, hash: e.hash };
      count++;
    }
    if (page.length < pageSize) return { ok: true, count };
  }
}
