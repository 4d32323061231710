import { jsonError, route } from "@/lib/auth/guard";
import { drawForDownload } from "@/lib/draws/queries";
import { linesToStream, selectionCsvLines } from "@/lib/draws/exports";
import { attachment } from "@/lib/draws/http";
import { samplingText as t } from "@/lib/i18n/sampling";

export const dynamic = "force-dynamic";

/** The selected people of a draw as the command line prints them (stratum, dossier, role, order, key, π). */
export const GET = route("sampling.selections", "sampling.read", async (req, { user }, params) => {
  const { plan, draw } = await drawForDownload(user, Number(params.id), new URL(req.url).searchParams.get("draw"));
  if (!draw) return jsonError("NOT_FOUND", t.noDraw);
  return new Response(linesToStream(selectionCsvLines(draw.id)), { headers: attachment(`ket-qua-chon-mau-kh${plan.id}-lan${draw.id}.csv`, "csv") });
});
