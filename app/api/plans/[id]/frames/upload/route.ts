import { jsonError, route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { framesText as t } from "@/lib/i18n/frames";
import { plansText } from "@/lib/i18n/plans";
import { importEventStream, NDJSON_HEADERS } from "@/lib/frames/upload-stream";
import { saveUpload } from "@/lib/frames/upload-store";

export const dynamic = "force-dynamic";

/**
 * Upload of a frame file: the body is the file itself (streamed to disk, never held in
 * memory), `?name=` its name, `?unit=` the unit id for a one-unit list. Answers NDJSON:
 * saved → progress… → result (committed, rejected with row errors, or a column mapping to confirm).
 */
export const POST = route("frames.upload", "frames.write", async (req, { user, actor }, params) => {
  const planId = Number(params.id);
  const url = new URL(req.url);
  const name = url.searchParams.get("name") ?? "";
  const unit = url.searchParams.get("unit");
  const unitId = unit ? Number(unit) : null;
  if (!Number.isInteger(planId) || !(await db().plan.findUnique({ where: { id: planId }, select: { id: true } }))) {
    return jsonError("NOT_FOUND", plansText.notFound);
  }
  if (!req.body || name === "") return jsonError("INVALID", t.chooseFile);
  if (unitId !== null && !(Number.isInteger(unitId) && unitId > 0)) return jsonError("INVALID", t.chooseUnit);
  const upload = await saveUpload(req.body, name, { planId, userId: user.id });
  const scope = unitId === null ? ({ kind: "units-in-file" } as const) : ({ kind: "unit", unitId } as const);
  const stream = importEventStream(upload, { planId, actor, scope }, { type: "saved", token: upload.token, size: upload.size });
  return new Response(stream, { headers: NDJSON_HEADERS });
});
