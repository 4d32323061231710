import { jsonError, publicRoute } from "@/lib/auth/guard";
import { importApiBatch, ZApiBatch, ZIdempotencyKey } from "@/lib/frames/import-api";
import { framesText as t } from "@/lib/i18n/frames";
import { plansText } from "@/lib/i18n/plans";
import { readJsonBody } from "@/lib/frames/json-body";
import { authenticateToken } from "@/lib/tokens/service";

export const dynamic = "force-dynamic";

/**
 * The frame API for one-stop-shop systems (public on purpose: authenticated by an API
 * token that ADMIN issues and revokes at /admin/tokens, not by a session).
 *   POST /api/v1/plans/{id}/frame-records
 *   Authorization: Bearer <token>; Idempotency-Key: <key>
 *   {"mode": "append" | "replace", "records": [{"unitCode", "dossierCode", "name", "kind",
 *     "address", "phone", "fieldCode", "procedure", "resultDate"}]}
 * 201 with the import; 422 with every bad row (row = position in `records`, from 1); a
 * retry with the same key and body returns the first answer and writes nothing.
 */
export const POST = publicRoute("api.frames", async (req: Request, context: { params: Promise<{ id: string }> }) => {
  const auth = await authenticateToken(req.headers.get("authorization"));
  if (!auth.ok) return jsonError("UNAUTHENTICATED", auth.reason === "revoked" ? t.api.revoked : t.api.unauthenticated);
  const planId = Number((await context.params).id);
  if (!Number.isInteger(planId) || planId < 1) return jsonError("NOT_FOUND", plansText.notFound);
  const key = ZIdempotencyKey.safeParse(req.headers.get("idempotency-key") ?? "");
  if (!key.success) return jsonError("INVALID", t.api.needKey);
  const body = await readJsonBody(req);
  if (!body.ok) return jsonError("INVALID", body.error);
  const batch = ZApiBatch.safeParse(body.value);
  if (!batch.success) return jsonError("INVALID", t.api.badBody);
  const result = await importApiBatch({
    planId, key: key.data, batch: batch.data,
    actor: { id: null, name: `api:${auth.token.name} (#${auth.token.id})`, ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null },
  });
  return Response.json(result.body, { status: result.status, headers: result.replayed ? { "Idempotent-Replayed": "true" } : {} });
});
