import { framesText as t } from "@/lib/i18n/frames";

const MAX_BYTES = 50 * 1024 * 1024;

/** Reads a JSON request body, refusing more than 50 MB before it is all in memory. */
export async function readJsonBody(req: Request): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  if (!req.body) return { ok: false, error: t.api.badJson };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_BYTES) {
      await reader.cancel();
      return { ok: false, error: t.api.tooLarge };
    }
    chunks.push(value);
  }
  try {
    return { ok: true, value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks))) };
  } catch {
    return { ok: false, error: t.api.badJson };
  }
}
