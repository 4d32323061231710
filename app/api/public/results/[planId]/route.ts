import { publicRoute } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { resultsText as t } from "@/lib/i18n/results";
import { idParam } from "@/lib/results/display";
import { workbookResponse } from "@/lib/results/http";
import { getPublishedSnapshot } from "@/lib/results/queries";

export const dynamic = "force-dynamic";

/** Public on purpose: the Excel tables of a plan's published results, nothing unpublished. */
export const GET = publicRoute("publicResults.excel", async (_req: Request, context: { params: Promise<{ planId?: string }> }) => {
  const planId = idParam((await context.params).planId);
  const snapshot = planId ? await getPublishedSnapshot(planId) : null;
  if (!snapshot) throw notFound(t.noPublished);
  return workbookResponse(snapshot);
});
