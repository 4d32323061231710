import { jsonError, route } from "@/lib/auth/guard";
import { drawForDownload } from "@/lib/draws/queries";
import { linesToStream, strataCsvLines } from "@/lib/draws/exports";
import { attachment } from "@/lib/draws/http";
import { samplingText as t } from "@/lib/i18n/sampling";

export const dynamic = "force-dynamic";

/** The strata of a draw with N_h, n_h, reserve and the rule (read back by `sample --rules`). */
export const GET = route("sampling.strata", "sampling.read", async (req, { user }, params) => {
  const { plan, draw } = await drawForDownload(user, Number(params.id), new URL(req.url).searchParams.get("draw"));
  if (!draw) return jsonError("NOT_FOUND", t.noDraw);
  return new Response(linesToStream(strataCsvLines(draw.allocation)), { headers: attachment(`cac-tang-kh${plan.id}-lan${draw.id}.csv`, "csv") });
});
