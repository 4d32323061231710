import { z } from "zod";
import { jsonError, route } from "@/lib/auth/guard";
import { COLUMN_KEYS } from "@/lib/frames/columns";
import { framesText as t } from "@/lib/i18n/frames";
import { vi } from "@/lib/i18n/vi";
import { importEventStream, NDJSON_HEADERS } from "@/lib/frames/upload-stream";
import { findUpload } from "@/lib/frames/upload-store";

export const dynamic = "force-dynamic";

const ZResume = z.object({
  token: z.string().min(1).max(100),
  unitId: z.number().int().positive().nullable(),
  /** Header in the file → template column. */
  mapping: z.record(z.string().max(500), z.enum(COLUMN_KEYS)).refine((m) => Object.keys(m).length <= 100),
});

/** Runs the import of an upload again with the column mapping the person confirmed (no re-upload). */
export const POST = route("frames.import", "frames.write", async (req, { user, actor }, params) => {
  const planId = Number(params.id);
  const parsed = ZResume.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return jsonError("INVALID", vi.errors.invalid);
  const upload = Number.isInteger(planId) ? await findUpload(parsed.data.token, { planId, userId: user.id }) : null;
  if (!upload) return jsonError("NOT_FOUND", t.uploadExpired);
  const unitId = parsed.data.unitId;
  const scope = unitId === null ? ({ kind: "units-in-file" } as const) : ({ kind: "unit", unitId } as const);
  return new Response(importEventStream(upload, { planId, actor, scope, mapping: parsed.data.mapping }), { headers: NDJSON_HEADERS });
});
