import type { Actor } from "@/lib/audit/service";
import { AppError } from "@/lib/errors";
import { vi } from "@/lib/i18n/vi";
import type { ColumnKey } from "./columns";
import { importFrameFile, type FileImportOutcome, type ImportProgress } from "./import-file";
import type { WriteScope } from "./import-writer";
import { dropUploadFile, reportPathOf, type UploadMeta } from "./upload-store";

/** One line of the NDJSON the upload and import routes stream back. */
export type ImportEvent =
  | { type: "saved"; token: string; size: number }
  | ({ type: "progress" } & ImportProgress)
  | { type: "result"; token: string; outcome: FileImportOutcome }
  | { type: "error"; error: string };

/** Seconds between two progress lines at most (a browser shows them as they come). */
const PROGRESS_EVERY_MS = 400;

/**
 * Runs the import of a saved upload and streams its progress and result as NDJSON, so the
 * page can show rows read while a large file is checked. The upload stays on disk only
 * when a column mapping is still needed.
 */
export function importEventStream(
  upload: UploadMeta & { path: string },
  input: { planId: number; actor: Actor; scope: WriteScope; mapping?: Record<string, ColumnKey> },
  first?: ImportEvent,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (e: ImportEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(e)}\n`));
      if (first) send(first);
      let last = 0;
      try {
        const outcome = await importFrameFile({
          planId: input.planId,
          actor: input.actor,
          path: upload.path,
          fileName: upload.fileName,
          checksum: upload.checksum,
          scope: input.scope,
          mapping: input.mapping,
          reportPath: reportPathOf(upload.token),
          onProgress: (p) => {
            const now = Date.now();
            if (p.phase === "committing" || now - last >= PROGRESS_EVERY_MS) {
              last = now;
              send({ type: "progress", ...p });
            }
          },
        });
        if (outcome.status !== "mapping") await dropUploadFile(upload);
        send({ type: "result", token: upload.token, outcome });
      } catch (err) {
        await dropUploadFile(upload);
        if (err instanceof AppError) send({ type: "error", error: err.message });
        else {
          console.error("[frames.import]", err);
          send({ type: "error", error: vi.errors.unexpected });
        }
      }
      controller.close();
    },
  });
}

export const NDJSON_HEADERS = { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" };
