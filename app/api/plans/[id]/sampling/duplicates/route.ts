import { route } from "@/lib/auth/guard";
import { duplicatesReportStream } from "@/lib/draws/duplicates";
import { drawForDownload } from "@/lib/draws/queries";
import { attachment } from "@/lib/draws/http";

export const dynamic = "force-dynamic";

/** Records merged as the same person (§5), with the one kept; masked unless ADMIN. */
export const GET = route("sampling.duplicates", "frames.read", async (req, { user }, params) => {
  const { plan, draw } = await drawForDownload(user, Number(params.id), null);
  const mode = (draw?.allocation as { strataMode?: "unit" | "unit-field" } | undefined)?.strataMode;
  const stream = await duplicatesReportStream(user, plan, mode);
  return new Response(stream, { headers: attachment(`ho-so-trung-kh${plan.id}.xlsx`, "xlsx") });
});
