import { PassThrough } from "node:stream";
import { recordAuditNow, type Actor } from "@/lib/audit/service";
import { hashPrefix } from "./display";
import { writeResultsWorkbook } from "./excel";
import type { SnapshotView } from "./queries";

/** HTTP helpers of the results downloads. */

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function download(body: Uint8Array | string, filename: string, type: string): Response {
  // ASCII filename for old clients, the exact one (RFC 5987) for the others.
  const ascii = filename.normalize("NFD").replace(/[^\x20-\x7e]/g, "").replaceAll('"', "");
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export async function workbookResponse(snapshot: SnapshotView): Promise<Response> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on("end", resolve);
    sink.on("error", reject);
  });
  await writeResultsWorkbook(snapshot, sink);
  await done;
  const name = `ket-qua-sipas-${snapshot.results.plan.year}-${hashPrefix(snapshot.inputsHash).slice(0, 8)}.xlsx`;
  return download(Buffer.concat(chunks), name, XLSX);
}

/** Downloads of unpublished figures and data are recorded (who took what, when). */
export async function auditDownload(actor: Actor, planId: number, what: string, hash: string): Promise<void> {
  await recordAuditNow({ actor, action: "results.export", entity: "Plan", entityId: planId, planId, after: { what, inputsHash: hash } });
}
