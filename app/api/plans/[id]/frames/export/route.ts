import { route } from "@/lib/auth/guard";
import { drawForDownload } from "@/lib/draws/queries";
import { anonymisedFrameLines, linesToStream } from "@/lib/draws/exports";
import { attachment } from "@/lib/draws/http";
import { ZPlanSettings } from "@/lib/plans/schemas";

export const dynamic = "force-dynamic";

/**
 * The frame without personal data (stratum, unit, field, dossier, result date, salted
 * person key): what a monitor needs to re-run the draw with `npm run sipas -- sample`.
 */
export const GET = route("frames.export", "frames.read", async (_req, { user }, params) => {
  const { plan, draw } = await drawForDownload(user, Number(params.id), null);
  const stored = (draw?.allocation as { strataMode?: "unit" | "unit-field" } | undefined)?.strataMode;
  const mode = stored ?? ZPlanSettings.parse(plan.settings).strata;
  return new Response(linesToStream(anonymisedFrameLines(plan.id, mode)), { headers: attachment(`danh-sach-an-danh-kh${plan.id}.csv`, "csv") });
});
