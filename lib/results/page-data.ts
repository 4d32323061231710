import type { SessionUser } from "@/lib/auth/session";
import { currentInputsHash, getReadablePlan } from "./service";
import { findSnapshots, getSnapshot } from "./queries";

/**
 * What a results page needs: the plan (in the user's scope, else NOT_FOUND), the snapshot
 * asked for (or the latest), whether it is the latest, and the hash of the data as it is
 * now, to warn when the figures no longer match the data.
 */
export async function loadResultsPage(user: SessionUser, planId: number, snapshotId: number | null) {
  const plan = await getReadablePlan(user, planId);
  const [snapshot, history] = await Promise.all([getSnapshot(planId, snapshotId ?? undefined), findSnapshots(planId)]);
  let currentHash: string | null = null;
  if (snapshot) {
    try {
      currentHash = await currentInputsHash(planId);
    } catch {
      // Data that cannot be loaded is reported by "Tính lại kết quả"; the page still shows the snapshot.
      currentHash = null;
    }
  }
  const isLatest = !snapshot || history[0]?.id === snapshot.id;
  return { plan, snapshot: snapshotId && !snapshot ? null : snapshot, history, currentHash, isLatest };
}
export type ResultsPageData = Awaited<ReturnType<typeof loadResultsPage>>;
