import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { invalid } from "@/lib/errors";
import { framesText as t } from "@/lib/i18n/frames";

/**
 * Uploaded frame files wait on disk (never in memory) between the upload, the optional
 * column-mapping step and the import; error reports wait there until downloaded. Each
 * upload has a random token and belongs to one plan and one user. Files older than a day
 * are swept on the next upload.
 */

const DIR = join(process.env.SIPAS_UPLOAD_DIR ?? tmpdir(), "sipas-frames");
const MAX_AGE_MS = 24 * 3600_000;
const TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const MAX_UPLOAD_MB = Number(process.env.SIPAS_FRAME_MAX_MB ?? 500);

export type UploadMeta = { token: string; planId: number; userId: number; fileName: string; ext: string; checksum: string; size: number };

class TooBig extends Error {}

/** Keeps the name a person gave the file (for messages), without any path. */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.normalize("NFC").replace(/\p{Cc}/gu, "").slice(0, 200) || "danh-sach";
}

/** Streams a request body to disk, hashing it on the way; refuses files above the limit. */
export async function saveUpload(
  body: WebReadableStream<Uint8Array> | ReadableStream<Uint8Array>,
  fileName: string,
  owner: { planId: number; userId: number },
): Promise<UploadMeta & { path: string }> {
  await mkdir(DIR, { recursive: true });
  await sweep();
  const token = randomUUID();
  const name = cleanName(fileName);
  const ext = extname(name).toLowerCase();
  const path = join(DIR, `${token}${ext}`);
  const hash = createHash("sha256");
  const limit = MAX_UPLOAD_MB * 1024 * 1024;
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) return done(new TooBig());
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), meter, createWriteStream(path));
  } catch (err) {
    await rm(path, { force: true });
    if (err instanceof TooBig) throw invalid(t.tooBig(MAX_UPLOAD_MB));
    throw err;
  }
  const meta: UploadMeta = { token, ...owner, fileName: name, ext, checksum: hash.digest("hex"), size };
  await writeFile(join(DIR, `${token}.json`), JSON.stringify(meta));
  return { ...meta, path };
}

/** The saved upload for this plan and user, or null (unknown, expired, or someone else's). */
export async function findUpload(token: string, owner: { planId: number; userId: number }): Promise<(UploadMeta & { path: string }) | null> {
  if (!TOKEN.test(token)) return null;
  try {
    const meta = JSON.parse(await readFile(join(DIR, `${token}.json`), "utf8")) as UploadMeta;
    if (meta.planId !== owner.planId || meta.userId !== owner.userId) return null;
    const path = join(DIR, `${token}${meta.ext}`);
    await stat(path);
    return { ...meta, path };
  } catch {
    return null;
  }
}

/** Removes the uploaded file (kept: its meta and error report, until swept). */
export async function dropUploadFile(meta: UploadMeta): Promise<void> {
  await rm(join(DIR, `${meta.token}${meta.ext}`), { force: true });
}

export function reportPathOf(token: string): string {
  if (!TOKEN.test(token)) throw new Error("reportPathOf: bad token");
  return join(DIR, `${token}-loi.xlsx`);
}

/** The error report of an upload, if it belongs to this plan and user and exists. */
export async function findReport(token: string, owner: { planId: number; userId: number }): Promise<{ path: string; fileName: string } | null> {
  if (!TOKEN.test(token)) return null;
  try {
    const meta = JSON.parse(await readFile(join(DIR, `${token}.json`), "utf8")) as UploadMeta;
    if (meta.planId !== owner.planId || meta.userId !== owner.userId) return null;
    const path = reportPathOf(token);
    await stat(path);
    return { path, fileName: meta.fileName };
  } catch {
    return null;
  }
}

async function sweep(): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(DIR)) {
    const p = join(DIR, name);
    try {
      if (now - (await stat(p)).mtimeMs > MAX_AGE_MS) await rm(p, { force: true });
    } catch {
      // Another request swept it first.
    }
  }
}
