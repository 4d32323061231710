import type { Tx } from "@/lib/db";

/** Two-key advisory lock (class, plan) shared by every change of a plan's frame or draw. */
const FRAME_LOCK_CLASS = 580_231;

/**
 * Serialises imports, draws and locks of one plan until the transaction ends: two imports
 * of the same unit, an import during a draw, or a double-clicked draw run one after the
 * other and each sees what the previous one committed. Take it first in the transaction,
 * before the plan row lock, so that every path takes the two in the same order. The
 * reference triggers of selections and forms take it too, in place of row locks on the
 * frame records and selections they refer to (docs/decisions/2026-11-23-selection-references.md).
 */
export async function lockPlanFrame(tx: Tx, planId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FRAME_LOCK_CLASS}::int, ${planId}::int)`;
}

/**
 * A draft draw describes the frame it was drawn from: when the frame changes or a new
 * draw is made it is marked SUPERSEDED (its seed, checksums and allocation stay for the
 * record) and its selections are removed, with the plan's strata, which belong to the
 * current draw. Returns the number of drafts superseded.
 */
export async function supersedeDraftDraws(tx: Tx, planId: number): Promise<number> {
  const drafts = await tx.sampleDraw.findMany({ where: { planId, status: "DRAFT" }, select: { id: true } });
  const ids = drafts.map((d) => d.id);
  if (ids.length > 0) {
    await tx.selection.deleteMany({ where: { drawId: { in: ids } } });
    await tx.sampleDraw.updateMany({ where: { id: { in: ids } }, data: { status: "SUPERSEDED" } });
  }
  // Strata still holding forms belong to a locked draw and are never touched here.
  await tx.$executeRaw`
    DELETE FROM "Stratum" st
     WHERE st."planId" = ${planId}
       AND NOT EXISTS (SELECT 1 FROM "Form" f WHERE f."stratumId" = st."id")
       AND NOT EXISTS (
         SELECT 1 FROM "SampleDraw" d JOIN "Selection" s ON s."drawId" = d."id" AND s."stratumId" = st."id"
          WHERE d."planId" = ${planId} AND d."status" = 'LOCKED')`;
  return ids.length;
}
