import { jsonError, route } from "@/lib/auth/guard";
import { drawForDownload } from "@/lib/draws/queries";
import { attachment } from "@/lib/draws/http";
import { sampleListStream } from "@/lib/draws/sample-list";
import { samplingText as t } from "@/lib/i18n/sampling";

export const dynamic = "force-dynamic";

/** The sample list per unit as Excel (`?unit=` for one unit); personal data masked unless ADMIN. */
export const GET = route("sampling.list", "sampling.read", async (req, { user, actor }, params) => {
  const url = new URL(req.url);
  const { plan, draw } = await drawForDownload(user, Number(params.id), url.searchParams.get("draw"));
  if (!draw) return jsonError("NOT_FOUND", t.noDraw);
  const unit = Number(url.searchParams.get("unit") ?? "");
  const stream = await sampleListStream(user, actor, { id: draw.id, planId: plan.id }, Number.isInteger(unit) && unit > 0 ? unit : undefined);
  return new Response(stream, { headers: attachment(`danh-sach-mau-kh${plan.id}-lan${draw.id}.xlsx`, "xlsx") });
});
