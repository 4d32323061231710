import { db } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { lockPlanFrame } from "@/lib/draws/frame-lock";
import { requirePlanAllows } from "@/lib/plans/guard";

/** How much personal data an archived plan still holds (for the plan page). */
export async function personalRecordCount(planId: number): Promise<number> {
  const [row] = await db().$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "FrameRecord"
     WHERE "planId" = ${planId} AND ("fullName" IS NOT NULL OR "address" IS NOT NULL OR "phone" IS NOT NULL)`;
  return Number(row?.n ?? 0n);
}

/**
 * Erases the names, addresses and phones of an archived plan's frame (SIPAS-METHOD §9):
 * the frame records (codes, dates, salted person keys), the draw, the forms and the results
 * stay, so indices and the monitor's re-run of the draw still work (the frame checksum,
 * which covered personal data, can no longer match and verification says so). Allowed only
 * in ARCHIVED (lib/plans/lifecycle.ts, personal.purge), serialised with the frame's other
 * writers, audited with the number of records purged; a second purge finds nothing to do.
 */
export async function purgePersonalData(planId: number, actor: Actor): Promise<{ purged: number }> {
  const result = await db().$transaction(async (tx) => {
    await lockPlanFrame(tx, planId);
    await requirePlanAllows(tx, planId, "personal.purge");
    const purged = await tx.$executeRaw`
      UPDATE "FrameRecord" SET "fullName" = NULL, "address" = NULL, "phone" = NULL
       WHERE "planId" = ${planId} AND ("fullName" IS NOT NULL OR "address" IS NOT NULL OR "phone" IS NOT NULL)`;
    await recordAudit(tx, { actor, action: "plan.personal_purge", entity: "Plan", entityId: planId, planId, after: { purgedRecords: purged } });
    return { purged };
  });
  // The old row versions still hold the erased values until VACUUM reclaims them: do it now
  // rather than whenever autovacuum comes by. Outside the transaction (VACUUM cannot run in one).
  if (result.purged > 0) await db().$executeRawUnsafe(`VACUUM "FrameRecord"`);
  return result;
}
