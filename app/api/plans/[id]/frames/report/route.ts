import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { jsonError, route } from "@/lib/auth/guard";
import { framesText as t } from "@/lib/i18n/frames";
import { findReport } from "@/lib/frames/upload-store";
import { attachment } from "@/lib/draws/http";

export const dynamic = "force-dynamic";

/** The Excel list of every problem of a rejected upload (row, column, value, reason). */
export const GET = route("frames.report", "frames.write", async (req, { user }, params) => {
  const planId = Number(params.id);
  const token = new URL(req.url).searchParams.get("token") ?? "";
  const report = Number.isInteger(planId) ? await findReport(token, { planId, userId: user.id }) : null;
  if (!report) return jsonError("NOT_FOUND", t.uploadExpired);
  const stream = Readable.toWeb(createReadStream(report.path)) as ReadableStream<Uint8Array>;
  return new Response(stream, { headers: attachment(`loi-${report.fileName.replace(/\.[^.]*$/, "")}.xlsx`, "xlsx") });
});
