import { jsonError, route } from "@/lib/auth/guard";
import { parseQuery, refusal } from "@/lib/entry/http";
import { answerUrlBase, formsPdfStream } from "@/lib/forms/print-service";
import { ZPrintQuery } from "@/lib/forms/schemas";
import { formsText as t } from "@/lib/i18n/forms";

export const dynamic = "force-dynamic";

/** The A4 PDF of a batch of forms for the print shop (streamed page by page). */
export const GET = route("forms.pdf", "forms.write", async (req, _ctx, params) => {
  const planId = Number(params.id);
  const q = parseQuery(req, ZPrintQuery);
  if (!q.ok) return q.response;
  if (!Number.isInteger(planId) || planId < 1) return jsonError("NOT_FOUND", t.planNotFound);
  try {
    const stream = await formsPdfStream(planId, { unitId: q.data.unit, batchId: q.data.batch, state: q.data.state }, answerUrlBase(req.url));
    if (!stream) return jsonError("NOT_FOUND", t.nothingToPrint);
    const name = `phieu-khao-sat-kh${planId}${q.data.unit ? `-dv${q.data.unit}` : ""}.pdf`;
    return new Response(stream, {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" },
    });
  } catch (err) {
    return refusal(err);
  }
});
