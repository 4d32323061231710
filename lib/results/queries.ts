import { db } from "@/lib/db";
import type { SnapshotMethod, SnapshotResults } from "./snapshot";

/** Reading stored snapshots. Callers check the plan scope first (service.getReadablePlan). */

export type SnapshotView = {
  id: number;
  planId: number;
  computedAt: Date;
  computedBy: string | null;
  inputsHash: string;
  method: SnapshotMethod;
  results: SnapshotResults;
  published: boolean;
  publishedAt: Date | null;
};

const SELECT = {
  id: true, planId: true, computedAt: true, computedById: true, inputsHash: true, method: true, results: true, published: true, publishedAt: true,
} as const;

async function withAuthor(row: { computedById: number | null } & Omit<SnapshotView, "computedBy" | "method" | "results"> & { method: unknown; results: unknown }): Promise<SnapshotView> {
  const { computedById, ...rest } = row;
  const author = computedById ? await db().user.findUnique({ where: { id: computedById }, select: { fullName: true } }) : null;
  return { ...rest, method: rest.method as SnapshotMethod, results: rest.results as SnapshotResults, computedBy: author?.fullName ?? null };
}

/** The given snapshot of the plan, or its latest one; null when there is none. */
export async function getSnapshot(planId: number, snapshotId?: number): Promise<SnapshotView | null> {
  const row = await db().resultSnapshot.findFirst({
    where: { planId, ...(snapshotId ? { id: snapshotId } : {}) },
    orderBy: { id: "desc" },
    select: SELECT,
  });
  return row ? withAuthor(row) : null;
}

/** The plan's published snapshot: the only one the public may see. */
export async function getPublishedSnapshot(planId: number): Promise<SnapshotView | null> {
  const row = await db().resultSnapshot.findFirst({ where: { planId, published: true }, orderBy: { id: "desc" }, select: SELECT });
  if (!row) return null;
  // The public never learns who pressed the button.
  return { ...(await withAuthor(row)), computedBy: null };
}

/** Earlier snapshots of a plan (without their figures), newest first. */
export async function findSnapshots(planId: number) {
  return db().resultSnapshot.findMany({
    where: { planId },
    orderBy: { id: "desc" },
    take: 50,
    select: { id: true, computedAt: true, inputsHash: true, published: true, publishedAt: true },
  });
}

/** Plans with published results, for the public page. */
export async function findPublishedPlans() {
  const rows = await db().resultSnapshot.findMany({
    where: { published: true },
    orderBy: [{ publishedAt: "desc" }],
    select: { planId: true, publishedAt: true, plan: { select: { year: true, title: true } } },
  });
  return rows.map((r) => ({ planId: r.planId, publishedAt: r.publishedAt, year: r.plan.year, title: r.plan.title }));
}
