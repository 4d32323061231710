/**
 * A minimal POSIX ustar archive writer: one folder with a few regular files, enough to
 * hand the open-data folder over as one download that `tar -xf`, 7-Zip and Windows'
 * built-in tar open. No compression (the files are small CSV; the zip libraries the
 * platform lacks are not needed). Pure.
 */
const BLOCK = 512;
const encoder = new TextEncoder();

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, "0") + "\0";
}

function header(name: string, size: number, mtime: number, type: "0" | "5"): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const put = (text: string, at: number, max: number) => {
    const bytes = encoder.encode(text);
    if (bytes.length > max) throw new Error(`tar: "${text}" is too long`);
    h.set(bytes, at);
  };
  put(name, 0, 100);
  put(type === "5" ? "0000755\0" : "0000644\0", 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(mtime, 12), 136, 12);
  put("        ", 148, 8);
  put(type, 156, 1);
  put("ustar\0", 257, 6);
  put("00", 263, 2);
  put("sipas", 265, 32);
  put("sipas", 297, 32);
  let sum = 0;
  for (const b of h) sum += b;
  put(sum.toString(8).padStart(6, "0") + "\0 ", 148, 8);
  return h;
}

/** `folder/` and `folder/<name>` for each file, in the order given. */
export function tarFolder(folder: string, files: { name: string; content: string | Uint8Array }[], mtime: Date): Uint8Array {
  const secs = Math.floor(mtime.getTime() / 1000);
  const parts: Uint8Array[] = [header(`${folder}/`, 0, secs, "5")];
  for (const f of files) {
    const data = typeof f.content === "string" ? encoder.encode(f.content) : f.content;
    parts.push(header(`${folder}/${f.name}`, data.length, secs, "0"), data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(2 * BLOCK));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
