import { PassThrough } from "node:stream";
import { route } from "@/lib/auth/guard";
import { todayInVietnam } from "@/lib/units/days";
import { writeUnitsWorkbook } from "@/lib/units/export";

/** The registry as .xlsx (all history). No personal data: agencies only. */
export const GET = route("units.export", "units.read", async () => {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on("end", resolve);
    sink.on("error", reject);
  });
  await writeUnitsWorkbook({ stream: sink });
  await done;
  const body = Buffer.concat(chunks);
  const name = `danh-muc-don-vi-${todayInVietnam().replaceAll("-", "")}.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
});
