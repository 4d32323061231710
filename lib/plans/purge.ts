import { db } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { lockPlanFrame } from "@/lib/draws/frame-lock";
import { requirePlanAllows } from "@/lib/plans/guard";

/** How much personal data an archived plan still holds (for the plan page). */
export async function personalRecordCount(planId: number): Promise<number> {
  const [row] = await db().$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "FrameRecordPersonal" p JOIN "FrameRecord" r ON r."id" = p."recordId" WHERE r."planId" = ${planId}`;
  return Number(row?.n ?? 0n);
}

/**
 * Deletes the names, addresses and phones of an archived plan's frame (SIPAS-METHOD §9):
 * the frame records (codes, dates, salted person keys), the draw, the forms and the results
 * stay, so indices and the monitor's re-run of the draw still work (the frame checksum,
 * which covered personal data, can no longer match and verification says so). Allowed only
 * in ARCHIVED (lib/plans/lifecycle.ts, personal.purge), serialised with the frame's other
 * writers, audited with the number of records purged; a second purge finds nothing to do.
 */
export async function purgePersonalData(planId: number, actor: Actor): Promise<{ purged: number }> {
  return db().$transaction(async (tx) => {
    await lockPlanFrame(tx, planId);
    await requirePlanAllows(tx, planId, "personal.purge");
    const purged = await tx.$executeRaw`
      DELETE FROM "FrameRecordPersonal" p USING "FrameRecord" r WHERE r."id" = p."recordId" AND r."planId" = ${planId}`;
    await recordAudit(tx, { actor, action: "plan.personal_purge", entity: "Plan", entityId: planId, planId, after: { purgedRecords: purged } });
    return { purged };
  });
}
