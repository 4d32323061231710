import { createHash, type Hash } from "node:crypto";
import type pg from "pg";
import { cleanText, compareCodeUnits } from "@/lib/sampling/normalize";
import { frameLine } from "@/lib/sampling/checksum";
import { stratumCodeOf } from "@/lib/sampling/strata";
import type { StratumMode } from "@/lib/sampling/types";
import { copyTo, unescapeCopy } from "@/lib/db/copy";
import type { DbFrameRecord } from "./load-frame";

/**
 * The frame as the draw reads it (drawSample, verifyStoredDraw): one COPY … TO STDOUT, no
 * row objects from pg. Each record keeps what the draw itself uses as strings (codes,
 * result date, person key); its names, phone, address and procedure stay as bytes, the
 * tail of its frame-checksum line, in a few large buffers outside the JavaScript heap:
 * they are read once more only to hash the frame (frameChecksumOf), never turned into
 * strings unless a value needs cleaning. name, address, phone and procedure of the
 * records are therefore empty: use loadFrame where personal data is shown.
 */
export type DrawRecord = DbFrameRecord & {
  /** Where the line tail (dossier … procedure, COPY text, no LF) lies in DrawFrame.chunks. */
  chunk: number;
  start: number;
  end: number;
  /** TAIL_DIRTY, TAIL_CLEAN or TAIL_CHECK_NFC (see scanTail). */
  state: number;
};

export type DrawFrame = { records: DrawRecord[]; chunks: Buffer[] };

const CHUNK_BYTES = 8 << 20;

/**
 * Line tail columns, in the order of the frame checksum's line after stratum and unit
 * (lib/sampling/checksum.ts): dossier, date, kind, phone, field, name, address, procedure.
 * NULLs read as empty, as in frameLine; purged personal data reads as empty too (the
 * checksum then shows it).
 */
function frameSelect(planId: number): string {
  if (!Number.isSafeInteger(planId)) throw new Error(`bad plan id ${planId}`);
  return `SELECT r."id", r."unitId", r."fieldId", r."personKey", r."dossierCode", to_char(r."resultDate", 'YYYY-MM-DD'),
            CASE r."kind" WHEN 'ORGANISATION' THEN 'organisation' ELSE 'individual' END,
            coalesce(r."phone", ''), coalesce(f."code", ''), coalesce(r."fullName", ''), coalesce(r."address", ''), coalesce(r."procedure", '')
       FROM "FrameRecord" r LEFT JOIN "Field" f ON f."id" = r."fieldId"
      WHERE r."planId" = ${planId}`;
}

const TAB = 0x09;
const BACKSLASH = 0x5c;

/**
 * Reads the plan's whole frame for the draw. `raw` must be the connection of the
 * transaction (or snapshot) the caller reads in (lib/db/dedicated.ts).
 */
export async function loadDrawFrame(raw: pg.ClientBase, planId: number): Promise<DrawFrame> {
  const units = new Map<number, string>();
  for (const u of (await raw.query<[number, string]>({ text: `SELECT "id", "code" FROM "Unit"`, rowMode: "array" })).rows) units.set(u[0], u[1]);
  const fields = new Map<number, string>();
  for (const f of (await raw.query<[number, string]>({ text: `SELECT "id", "code" FROM "Field"`, rowMode: "array" })).rows) fields.set(f[0], f[1]);

  const records: DrawRecord[] = [];
  const dates = new Map<string, string>();
  const chunks: Buffer[] = [];
  let chunk = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  let used = 0;
  chunks.push(chunk);

  await copyTo(raw, frameSelect(planId), (row) => {
    let p = 0;
    let id = 0;
    for (let b = row[p]!; b !== TAB; b = row[++p]!) id = id * 10 + b - 48;
    p++;
    let unitId = 0;
    for (let b = row[p]!; b !== TAB; b = row[++p]!) unitId = unitId * 10 + b - 48;
    p++;
    let fieldId: number | null = null;
    if (row[p] === BACKSLASH) p += 3; // \N
    else {
      fieldId = 0;
      for (let b = row[p]!; b !== TAB; b = row[++p]!) fieldId = fieldId * 10 + b - 48;
      p++;
    }
    const keyStart = p;
    while (row[p] !== TAB) p++;
    const personKey = unescapeCopy(row.toString("latin1", keyStart, p));
    const tailStart = ++p;
    const dossierCode = field(row, p);
    p = skip(row, p);
    const date = field(row, p);
    // A few hundred distinct dates: one string each, not one per record.
    let resultDate = dates.get(date);
    if (resultDate === undefined) dates.set(date, (resultDate = date));
    p = skip(row, p);
    const kind = row[p] === 0x6f ? "organisation" : "individual";
    const tailEnd = row.length - 1; // without the LF
    const length = tailEnd - tailStart;
    if (used + length > chunk.length) {
      chunk = Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, length));
      chunks.push(chunk);
      used = 0;
    }
    const state = scanTail(row, tailStart, tailEnd, chunk, used);
    const unitCode = units.get(unitId);
    if (unitCode === undefined) throw new Error(`frame record ${id}: unknown unit ${unitId}`);
    records.push({
      id, unitCode, dossierCode, name: "", kind, address: null, phone: null,
      fieldCode: fieldId === null ? null : (fields.get(fieldId) ?? null),
      procedure: null, resultDate, personKey,
      chunk: chunks.length - 1, start: used, end: used + length, state,
    });
    used += length;
  });
  return { records, chunks };
}

/** The position after the TAB that ends the field starting at p. */
function skip(row: Buffer, p: number): number {
  while (row[p] !== TAB) p++;
  return p + 1;
}

/** The field starting at p, decoded (ASCII fast) and unescaped. */
function field(row: Buffer, p: number): string {
  const start = p;
  let ascii = true;
  let escaped = false;
  for (let b = row[p]!; b !== TAB && b !== 0x0a; b = row[++p]!) {
    if (b >= 0x80) ascii = false;
    else if (b === BACKSLASH) escaped = true;
  }
  const text = ascii ? row.toString("latin1", start, p) : row.toString("utf8", start, p);
  return escaped ? unescapeCopy(text) : text;
}

export const TAIL_DIRTY = 0;
export const TAIL_CLEAN = 1;
export const TAIL_CHECK_NFC = 2;

/**
 * Copies bytes [start, end) of a row (a line tail) to `to` at `at`, and tells whether they
 * are already what frameLine makes of them (judgeTail).
 */
export function scanTail(row: Uint8Array, start: number, end: number, to: Uint8Array, at: number): number {
  to.set(row.subarray(start, end), at);
  return judgeTail(row, start, end);
}

/**
 * What judgeTail does with each byte: 0 nothing (printable ASCII but the backslash, DEL,
 * UTF-8 continuation bytes, TAB between fields, lead bytes of U+0000–U+02FF but U+00A0's),
 * 1 a space, 2 dirty (a backslash: an escape, a control character), 3 the lead byte of
 * U+0080–U+00BF (U+00A0?), 4 any other lead byte (a character to judge).
 */
const BYTE_CLASS = (() => {
  const c = new Uint8Array(256);
  for (let b = 0; b < 0x20; b++) c[b] = b === TAB ? 0 : 2;
  c[0x20] = 1;
  c[BACKSLASH] = 2;
  c[0xc2] = 3;
  for (let b = 0xcc; b <= 0xff; b++) c[b] = 4;
  return c;
})();

/**
 * Whether bytes [start, end) (a line tail in COPY text, or the fields of one from a field
 * start) are already what frameLine makes of them: no escape (backslash), no control
 * character but the TABs between fields, no space at either end of a field or next to
 * another space, none of the wide spaces cleanText collapses (TAIL_DIRTY otherwise), and
 * NFC. Text made only of ASCII, U+0080–U+02FF and U+1E00–U+1EFF (all Vietnamese letters)
 * is NFC: those characters are all NFC_QC=Yes with combining class 0 (TAIL_CLEAN); other
 * text is checked with String#normalize later (TAIL_CHECK_NFC). A table sorts the bytes:
 * the common ones take one comparison.
 */
export function judgeTail(row: Uint8Array, start: number, end: number): number {
  let state = TAIL_CLEAN;
  for (let i = start; i < end; i++) {
    const c = BYTE_CLASS[row[i]!]!;
    if (c === 0) continue;
    if (c === 1) {
      if (i === start || i === end - 1) return TAIL_DIRTY;
      const before = row[i - 1];
      const after = row[i + 1];
      if (before === 0x20 || before === TAB || after === TAB) return TAIL_DIRTY;
    } else if (c === 2) return TAIL_DIRTY;
    else if (c === 3) {
      if (row[i + 1] === 0xa0) return TAIL_DIRTY; // U+00A0
    } else {
      const b1 = row[i + 1];
      if (row[i] === 0xe1 && b1 !== undefined && b1 >= 0xb8 && b1 <= 0xbb) continue; // U+1E00–U+1EFF
      if (isWideSpaceAt(row, i)) return TAIL_DIRTY;
      state = TAIL_CHECK_NFC;
    }
  }
  return state;
}

/** UTF-8 of U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF at i. */
function isWideSpaceAt(buf: Uint8Array, i: number): boolean {
  const b = buf[i];
  const b1 = buf[i + 1];
  const b2 = buf[i + 2];
  switch (b) {
    case 0xe1:
      return b1 === 0x9a && b2 === 0x80;
    case 0xe2:
      return b1 === 0x80 ? b2 !== undefined && ((b2 >= 0x80 && b2 <= 0x8a) || b2 === 0xa8 || b2 === 0xa9 || b2 === 0xaf) : b1 === 0x81 && b2 === 0x9f;
    case 0xe3:
      return b1 === 0x80 && b2 === 0x80;
    case 0xef:
      return b1 === 0xbb && b2 === 0xbf;
    default:
      return false;
  }
}

/** Bytes handed to the hash a megabyte at a time. */
class HashWriter {
  private buf = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  constructor(private readonly h: Hash) {}
  bytes(src: Buffer, start: number, end: number): void {
    const n = end - start;
    if (this.used + n > this.buf.length) this.drain(n);
    // Short runs (a line's head or tail) in a plain loop: Buffer#copy allocates a view per call.
    if (n < 512) for (let i = start, j = this.used; i < end; i++, j++) this.buf[j] = src[i]!;
    else src.copy(this.buf, this.used, start, end);
    this.used += n;
  }
  text(s: string): void {
    const max = s.length * 3;
    if (this.used + max > this.buf.length) this.drain(max);
    this.used += this.buf.write(s, this.used, "utf8");
  }
  byte(b: number): void {
    if (this.used === this.buf.length) this.drain(1);
    this.buf[this.used++] = b;
  }
  private drain(room: number): void {
    this.flush();
    if (room > this.buf.length) this.buf = Buffer.allocUnsafe(room);
  }
  flush(): void {
    if (this.used > 0) this.h.update(this.buf.subarray(0, this.used));
    this.used = 0;
  }
}

/** The tail of a line as frameLine would write it (after `stratum TAB unit TAB`), the slow way. */
function cleanTail(frame: DrawFrame, r: DrawRecord): string {
  const text = (frame.chunks[r.chunk] as Buffer).toString("utf8", r.start, r.end);
  return text.split("\t").map((f) => cleanText(unescapeCopy(f))).join("\t");
}

/** A record's whole frameLine, from its stored tail. */
function wholeLine(frame: DrawFrame, stratum: string, r: DrawRecord): string {
  const [dossierCode, resultDate, kind, phone, fieldCode, name, address, procedure] = cleanTailFields(frame, r);
  return frameLine(stratum, {
    unitCode: r.unitCode, dossierCode: dossierCode!, resultDate: resultDate!, kind: kind as "individual", phone: phone!,
    fieldCode: fieldCode!, name: name!, address: address!, procedure: procedure!,
  });
}

function cleanTailFields(frame: DrawFrame, r: DrawRecord): string[] {
  return (frame.chunks[r.chunk] as Buffer).toString("utf8", r.start, r.end).split("\t").map(unescapeCopy);
}

/** No character up to TAB (so TAB sorts below whatever follows a shorter code); cleanText leaves it as is. */
function isPlainCode(code: string, cleaned: boolean): boolean {
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) <= TAB) return false;
  return !cleaned || cleanText(code) === code;
}

/**
 * A stratum's records in the order of their lines when that is the order of their dossier
 * codes: one unit code, dossier codes distinct and plain (see isPlainCode). Every line is
 * then `<same head> TAB dossier TAB …` with no TAB inside a field, and lines sort as their
 * dossier codes do. Null otherwise.
 */
function byDossier<T extends DbFrameRecord>(records: readonly T[], cleaned: boolean): T[] | null {
  const unit = records[0]?.unitCode;
  for (const r of records) if (r.unitCode !== unit || !isPlainCode(r.dossierCode, cleaned)) return null;
  const sorted = records.slice().sort((a, b) => compareCodeUnits(a.dossierCode, b.dossierCode));
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.dossierCode === sorted[i - 1]!.dossierCode) return null;
  return sorted;
}

/** Per stratum: all its records, and the same by dossier code when that is their line order. */
export type FrameOrder = Map<string, { all: DrawRecord[]; sorted: DrawRecord[] | null }>;

/** The records of each stratum, sorted once for both checksums (byDossier). */
export function frameOrder(records: readonly DrawRecord[], mode: StratumMode): FrameOrder {
  const groups = new Map<string, DrawRecord[]>();
  for (const r of records) {
    const code = stratumCodeOf(r, mode);
    if (code === null) continue;
    const list = groups.get(code);
    if (list) list.push(r);
    else groups.set(code, [r]);
  }
  const out: FrameOrder = new Map();
  for (const [code, all] of groups) out.set(code, { all, sorted: byDossier(all, true) });
  return out;
}

/**
 * lib/sampling's frameChecksum (`sipas-frame-v1`, the same bytes) over a frame read by
 * loadDrawFrame: each line is cleanText(stratum) TAB cleanText(unit) TAB and the record's
 * stored tail, taken as bytes when it is already clean (the usual case: the import stores
 * clean text), rebuilt field by field through cleanText otherwise. `order` (frameOrder of
 * the same records) saves sorting again.
 */
export function frameChecksumOf(frame: DrawFrame, strata: readonly { code: string; records: readonly DrawRecord[] }[], order?: FrameOrder): string {
  const h = createHash("sha256");
  const out = new HashWriter(h);
  out.text("sipas-frame-v1\n");
  const ordered = [...strata].sort((a, b) => compareCodeUnits(`${a.code}\t`, `${b.code}\t`));
  for (const s of ordered) {
    const inOrder = keptInOrder(s.records, order?.get(s.code));
    if (!inOrder) {
      const lines = s.records.map((r) => wholeLine(frame, s.code, r));
      lines.sort();
      for (const line of lines) out.text(`${line}\n`);
      continue;
    }
    const head = Buffer.from(`${cleanText(s.code)}\t${cleanText(inOrder[0]?.unitCode ?? "")}\t`, "utf8");
    for (const r of inOrder) {
      out.bytes(head, 0, head.length);
      const buf = frame.chunks[r.chunk] as Buffer;
      let clean = r.state === TAIL_CLEAN;
      if (r.state === TAIL_CHECK_NFC) {
        const text = buf.toString("utf8", r.start, r.end);
        clean = text.normalize("NFC") === text;
      }
      if (clean) out.bytes(buf, r.start, r.end);
      else out.text(cleanTail(frame, r));
      out.byte(0x0a);
    }
  }
  out.flush();
  return h.digest("hex");
}

/** The kept records of a stratum in line order, from the sorted whole stratum when there is one. */
function keptInOrder(kept: readonly DrawRecord[], whole: { all: DrawRecord[]; sorted: DrawRecord[] | null } | undefined): DrawRecord[] | null {
  if (!whole?.sorted) return byDossier(kept, true);
  // kept ⊆ all: the same size means the same records.
  if (kept.length === whole.all.length) return whole.sorted;
  const keep = new Set(kept);
  return whole.sorted.filter((r) => keep.has(r));
}

/**
 * lib/frames/anonymised.ts's anonymisedChecksum (`sipas-frame-anon-v1`, the same bytes)
 * without sorting a million whole lines: strata in code + TAB order, then, when the
 * dossier codes of a stratum are distinct and plain, its records by dossier code (the
 * order of their lines); otherwise its lines sorted.
 */
export function anonymisedChecksumOf(order: FrameOrder): string {
  const h = createHash("sha256");
  h.update("sipas-frame-anon-v1\n");
  const codes = [...order.keys()].sort((a, b) => compareCodeUnits(`${a}\t`, `${b}\t`));
  let parts: string[] = [];
  const flush = () => {
    if (parts.length > 0) h.update(parts.join(""));
    parts = [];
  };
  for (const code of codes) {
    const { all, sorted } = order.get(code)!;
    const inOrder = sorted ?? byDossier(all, false);
    if (inOrder) {
      for (const r of inOrder) {
        parts.push(code, "\t", r.dossierCode, "\t", r.resultDate, "\t", r.personKey, "\n");
        if (parts.length >= 28_000) flush();
      }
    } else {
      const lines = all.map((r) => `${code}\t${r.dossierCode}\t${r.resultDate}\t${r.personKey}`);
      lines.sort();
      for (const line of lines) {
        parts.push(line, "\n");
        if (parts.length >= 28_000) flush();
      }
    }
  }
  flush();
  return h.digest("hex");
}
