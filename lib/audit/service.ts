import { db, type DbOrTx, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditEvent as AuditEventRow } from "@/lib/generated/prisma/client";
import { checkLink, GENESIS, hashEvent, toPlain, type ChainBreak } from "./chain";

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

// Serialises writers of the chain: held until the surrounding transaction ends.
const AUDIT_LOCK = 7270736902n;

/**
 * Appends one event to the audit chain. Call it inside the same db().$transaction as the
 * change it records, so that the change and its record commit or roll back together.
 */
export async function recordAudit(tx: Tx, input: AuditInput, now = new Date()): Promise<bigint> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true, hash: true } });
  const id = (last?.id ?? 0n) + 1n;
  const prevHash = last?.hash ?? GENESIS;
  // Millisecond precision: what timestamptz(3) stores and gives back.
  const at = new Date(Math.floor(now.getTime()));
  const event = {
    id,
    at,
    actorId: input.actor.id,
    actorName: input.actor.name,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId == null ? null : String(input.entityId),
    planId: input.planId ?? null,
    outcome: input.outcome ?? "OK",
    before: toPlain(input.before),
    after: toPlain(input.after),
    ip: input.actor.ip ?? null,
  } as const;
  const hash = hashEvent(prevHash, event);
  await tx.auditEvent.create({
    data: {
      ...event,
      before: event.before === null ? Prisma.DbNull : (event.before as Prisma.InputJsonValue),
      after: event.after === null ? Prisma.DbNull : (event.after as Prisma.InputJsonValue),
      prevHash,
      hash,
    },
  });
  return id;
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
