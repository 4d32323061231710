import { db, type DbOrTx } from "@/lib/db";

/**
 * Frame records per plan, unit, field or import. FrameRecord has no Prisma relations (its
 * references are checked by triggers: docs/decisions/2026-11-23-frame-references.md), so
 * pages count by grouping on the id column instead of `_count`.
 */
export async function frameRecordCounts(by: "planId" | "unitId" | "fieldId" | "importId", ids: readonly number[], client: DbOrTx = db()): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await client.frameRecord.groupBy({ by: [by], where: { [by]: { in: [...ids] } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r[by] as number, r._count._all]));
}
