import type { z } from "zod";
import { jsonError, zodFieldErrors } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { vi } from "@/lib/i18n/vi";

/**
 * JSON route helpers of the entry and online-answer APIs: the body is parsed with a zod
 * schema, and an expected refusal keeps its details (e.g. "already entered, offer to open
 * it") which the screen needs.
 */
export async function parseJson<S extends z.ZodType>(req: Request, schema: S): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return { ok: false, response: jsonError("INVALID", vi.errors.invalid) };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { ok: false, response: jsonError("INVALID", vi.errors.invalid, { fieldErrors: zodFieldErrors(parsed.error) }) };
  return { ok: true, data: parsed.data };
}

export function parseQuery<S extends z.ZodType>(req: Request, schema: S): { ok: true; data: z.infer<S> } | { ok: false; response: Response } {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) return { ok: false, response: jsonError("INVALID", vi.errors.invalid, { fieldErrors: zodFieldErrors(parsed.error) }) };
  return { ok: true, data: parsed.data };
}

/**
 * A JSON answer of the entry API. `no-transform` keeps Next from gzipping it: these
 * answers are a few hundred bytes, and compressing each one cost more CPU than the save
 * itself saves in bytes (measured with bench/entry.ts). `no-store`: never cached.
 */
export function okJson(data: unknown): Response {
  return Response.json({ ok: true, data }, { headers: { "Cache-Control": "no-store, no-transform" } });
}

/** An AppError as JSON with its field errors and details; anything else goes to the guard's mapper. */
export function refusal(err: unknown): Response {
  if (err instanceof AppError) return jsonError(err.code, err.message, { fieldErrors: err.fieldErrors, details: err.details });
  throw err;
}
