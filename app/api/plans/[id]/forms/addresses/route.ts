import { jsonError, route } from "@/lib/auth/guard";
import { parseQuery, refusal } from "@/lib/entry/http";
import { addressListStream } from "@/lib/forms/addresses";
import { ZAddressQuery } from "@/lib/forms/schemas";
import { formsText as t } from "@/lib/i18n/forms";
import type { FormState } from "@/lib/generated/prisma/enums";

export const dynamic = "force-dynamic";

const SCOPES: Record<"toSend" | "sent" | "all", FormState[]> = {
  toSend: ["CREATED", "PRINTED"],
  sent: ["DISPATCHED", "DELIVERED"],
  all: ["CREATED", "PRINTED", "DISPATCHED", "DELIVERED", "RETURNED", "NOT_RETURNED", "UNDELIVERABLE", "REFUSED"],
};

/** The envelope/address list for the post office, as Excel. Personal data: ADMIN only. */
export const GET = route("forms.addresses", "personal.read", async (req, { actor }, params) => {
  const planId = Number(params.id);
  const q = parseQuery(req, ZAddressQuery);
  if (!q.ok) return q.response;
  if (!Number.isInteger(planId) || planId < 1) return jsonError("NOT_FOUND", t.planNotFound);
  try {
    const { stream } = await addressListStream(planId, { unitId: q.data.unit, batchId: q.data.batch, states: SCOPES[q.data.scope] }, actor);
    return new Response(stream, {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="danh-sach-gui-buu-dien-kh${planId}.xlsx"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (err) {
    return refusal(err);
  }
});
