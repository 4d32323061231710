import { PassThrough, Readable } from "node:stream";
import { route } from "@/lib/auth/guard";
import { writeTemplate } from "@/lib/frames/template";
import { attachment } from "@/lib/draws/http";

export const dynamic = "force-dynamic";

/** The frame template (.xlsx): the columns, an example row and a sheet explaining each column. */
export const GET = route("frames.template", "frames.write", async () => {
  const out = new PassThrough();
  writeTemplate({ stream: out }).catch((err: unknown) => out.destroy(err as Error));
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, { headers: attachment("mau-danh-sach-khao-sat.xlsx", "xlsx") });
});
