/**
 * Demo results (issue 3): a snapshot of every plan whose answers are being entered or
 * analysed, so that leadership and monitors find figures on their first visit.
 * Idempotent: a plan whose latest snapshot already matches its data gets nothing new.
 */
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/service";
import { closeBulkPool } from "@/lib/results/bulk-read";
import { computeSnapshot } from "@/lib/results/service";

export async function seedResults(log: (line: string) => void = console.log): Promise<void> {
  const plans = await db().plan.findMany({
    where: { state: { in: ["ENTRY", "ANALYSIS"] }, forms: { some: { state: { in: ["ENTERED", "VERIFIED"] } } } },
    orderBy: { year: "desc" },
    select: { id: true, year: true },
  });
  try {
    for (const p of plans) {
      const r = await computeSnapshot(p.id, SYSTEM_ACTOR);
      if (!r.unchanged) log(`Kết quả mẫu kế hoạch ${p.year}: đã tính (lần tính #${r.snapshotId}).`);
    }
  } finally {
    await closeBulkPool();
  }
}
