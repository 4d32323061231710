import { db } from "@/lib/db";
import { frameRecordCounts } from "./counts";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { conflict, notFound } from "@/lib/errors";
import { framesText as t } from "@/lib/i18n/frames";
import { requirePlanAllows } from "@/lib/plans/guard";
import { lockPlanFrame, supersedeDraftDraws } from "@/lib/draws/frame-lock";

/** Records per unit of the plan's frame (units with none included), for the frames page. */
export async function frameSummary(planId: number) {
  const [units, counts, imports] = await Promise.all([
    db().planUnit.findMany({ where: { planId }, select: { unit: { select: { id: true, code: true, name: true } } }, orderBy: { unit: { code: "asc" } } }),
    db().frameRecord.groupBy({ by: ["unitId"], where: { planId }, _count: { _all: true } }),
    db().frameImport.findMany({
      where: { planId }, orderBy: { id: "desc" }, take: 50,
      select: { id: true, source: true, fileName: true, checksum: true, rowCount: true, status: true, createdAt: true, idempotencyKey: true },
    }),
  ]);
  const byUnit = new Map(counts.map((c) => [c.unitId, c._count._all]));
  const byImport = await frameRecordCounts("importId", imports.map((i) => i.id));
  return {
    units: units.map(({ unit }) => ({ ...unit, records: byUnit.get(unit.id) ?? 0 })),
    total: counts.reduce((s, c) => s + c._count._all, 0),
    imports: imports.map((i) => ({ ...i, records: byImport.get(i.id) ?? 0 })),
  };
}

/** Removes one unit's list from the frame (frames.delete: only while collecting lists). */
export async function deleteUnitFrame(input: { planId: number; unitId: number }, actor: Actor): Promise<{ deleted: number }> {
  return db().$transaction(
    async (tx) => {
      await lockPlanFrame(tx, input.planId);
      const plan = await requirePlanAllows(tx, input.planId, "frames.delete");
      if (await tx.sampleDraw.count({ where: { planId: plan.id, status: "LOCKED" } })) throw conflict(t.notFrameState);
      const unit = await tx.unit.findUnique({ where: { id: input.unitId }, select: { id: true, code: true } });
      if (!unit) throw notFound(t.unitNotInPlan);
      const superseded = await supersedeDraftDraws(tx, plan.id);
      const deleted = await tx.frameRecord.deleteMany({ where: { planId: plan.id, unitId: unit.id } });
      await tx.$executeRaw`
        UPDATE "FrameImport" fi SET "status" = 'REPLACED'
         WHERE fi."planId" = ${plan.id} AND fi."status" = 'COMMITTED'
           AND NOT EXISTS (SELECT 1 FROM "FrameRecord" fr WHERE fr."importId" = fi."id")`;
      await recordAudit(tx, {
        actor, action: "frame.delete_unit", entity: "Unit", entityId: unit.id, planId: plan.id,
        after: { unitCode: unit.code, deleted: deleted.count, supersededDraws: superseded },
      });
      return { deleted: deleted.count };
    },
    { timeout: 10 * 60_000 },
  );
}
