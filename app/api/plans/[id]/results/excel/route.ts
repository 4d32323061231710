import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { resultsText as t } from "@/lib/i18n/results";
import { idParam } from "@/lib/results/display";
import { auditDownload, workbookResponse } from "@/lib/results/http";
import { getSnapshot } from "@/lib/results/queries";
import { getReadablePlan } from "@/lib/results/service";

export const dynamic = "force-dynamic";

/** The results tables of a snapshot (?snapshot=id, else the latest) as .xlsx; plans in the reader's scope only. */
export const GET = route("results.export", "results.read", async (req, { user, actor }, params) => {
  const planId = idParam(params.id);
  if (!planId) throw notFound(t.errors.planNotFound);
  await getReadablePlan(user, planId);
  const snapshot = await getSnapshot(planId, idParam(new URL(req.url).searchParams.get("snapshot")) ?? undefined);
  if (!snapshot) throw notFound(t.errors.snapshotNotFound);
  await auditDownload(actor, planId, "excel", snapshot.inputsHash);
  return workbookResponse(snapshot);
});
