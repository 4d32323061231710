import type pg from "pg";
import { copyTo, unescapeCopy } from "@/lib/db/copy";
import { cleanText, compareCodeUnits } from "@/lib/sampling/normalize";
import { isValidCode } from "@/lib/sampling/strata";
import type { StratumMode } from "@/lib/sampling/types";
import { judgeTail, TAIL_CHECK_NFC, TAIL_DIRTY } from "./draw-frame";

/**
 * The frame as the draw reads it when it can take the fast way (lib/draws/fast-draw.ts):
 * one COPY … TO STDOUT, and no object per record. Records are numbered per stratum in the
 * order they come; their fields live in typed arrays and their lines in one byte arena,
 * which holds, stratum by stratum and record after record, the exact lines of both
 * checksums:
 *
 * - the frame line: lib/sampling's frameLine (`stratum TAB unit TAB dossier TAB date TAB
 *   kind TAB phone TAB field TAB name TAB address TAB procedure`) + LF, every field as
 *   cleanText makes it: the stored bytes when they are already clean (the usual case: the
 *   import stores clean text), else the cleaned text (see judgeTail);
 * - the anonymised line: lib/frames/anonymised.ts's (`stratum TAB dossier TAB date TAB
 *   person key`) + LF.
 *
 * A frame sorted by dossier code within each stratum (as files usually are) is then hashed
 * in a few large pieces, others by gathering lines in the arena. Personal data never
 * becomes a string unless it needs cleaning, and leaves this module only inside the frame
 * checksum.
 *
 * The fast way holds only for what the import writes: every dossier code plain (printable
 * ASCII, no space, no backslash), every person key set and without escapes, dates as
 * yyyy-mm-dd, valid unit and field codes, a field on every record in unit × field mode.
 * Otherwise `usable` is false, with the reason, and the draw takes lib/sampling's own way
 * (lib/draws/draw-frame.ts, runDraw), which also gives the errors a bad frame deserves.
 */
export type FrameColumns = {
  /** Records read (all strata). */
  records: number;
  /** Every unit code of the frame (to check them against the plan's units). */
  unitCodes: Set<string>;
  /** Sorted by code (code-unit order), as lib/sampling's strata are. */
  strata: StratumColumns[];
  /** The lines; [0, STAGE) is free to gather lines in (copyWithin allocates nothing). */
  arena: Buffer;
  usable: boolean;
  /** Why the fast way does not hold (tests and the benchmark print it). */
  reason: string;
};

/** One stratum's records, by their index in the stratum (the order they came in). */
export type StratumColumns = {
  code: string;
  unitCode: string;
  /** The field of a unit × field stratum; null in unit mode. */
  fieldCode: string | null;
  count: number;
  /** FrameRecord.id */
  id: Int32Array;
  /** Result date as the number yyyymmdd (dates compare as these numbers do). */
  date: Int32Array;
  /** The first 13 hex digits of the person key (a 52-bit number): equal keys have equal prints. */
  print: Float64Array;
  dossier: string[];
  /** Where each record's frame line lies in the arena, LF included. */
  frameAt: Int32Array;
  frameEnd: Int32Array;
  /** Where its anonymised line lies, LF included; the person key ends it. */
  anonAt: Int32Array;
  anonEnd: Int32Array;
};

/**
 * The frame line's tail first (dossier … procedure, in frameLine's order), then the id,
 * unit, field and person key: each row is copied as a whole to where its frame line goes,
 * the tail falling in place (one native copy, and no view to allocate). NULLs read as
 * empty, as in frameLine, purged personal data too. The date is the column's own text
 * (yyyy-mm-dd under the ISO date style, checked per row): to_char costs a third of the query.
 */
export function frameSelect(planId: number): string {
  if (!Number.isSafeInteger(planId)) throw new Error(`bad plan id ${planId}`);
  return `SELECT r."dossierCode", r."resultDate", CASE r."kind" WHEN 'ORGANISATION' THEN 'organisation' ELSE 'individual' END,
            coalesce(r."phone", ''), coalesce(f."code", ''), coalesce(r."fullName", ''), coalesce(r."address", ''), coalesce(r."procedure", ''),
            r."id", r."unitId", r."fieldId", r."personKey"
       FROM "FrameRecord" r LEFT JOIN "Field" f ON f."id" = r."fieldId"
      WHERE r."planId" = ${planId}`;
}

const TAB = 0x09;
const LF = 0x0a;
const BACKSLASH = 0x5c;

/**
 * The arena. Each stratum writes its lines into chunks of its own, so a stratum's lines lie
 * together, in the order they came, however the strata are interleaved in the frame;
 * [0, STAGE) serves to gather lines afterwards. Lines are moved within the arena with
 * copyWithin, which allocates nothing, where Buffer#copy between buffers allocates a view
 * per call and costs several times more. The arena is reserved for the rows expected
 * (pages cost memory once written), so that it seldom grows by copying.
 */
export const STAGE = 1 << 20;
/** A stratum's chunks: the first small, each next one twice as large, up to the last size. */
const FIRST_CHUNK = 4 << 10;
const LAST_CHUNK = 256 << 10;
const ARENA = 1 << 30;

type Stratum = {
  code: string;
  unitCode: string;
  fieldCode: string | null;
  frameHead: Buffer;
  anonHead: Buffer;
  /** Where the next frame (anonymised) line goes, the end of its chunk, the size of the next chunk. */
  frameAt: number;
  frameEnd: number;
  frameChunk: number;
  anonAt: number;
  anonEnd: number;
  anonChunk: number;
  count: number;
  /** Per record: id, date, print, frame line start and end, anonymised line start and end, dossier code length. */
  meta: Float64Array;
};

const META = 8;

/** The value of a hex digit (any other byte gives some value: prints need only be equal for equal keys). */
function hexDigit(b: number): number {
  return b <= 0x39 ? b - 0x30 : (b | 0x20) - 0x57;
}

/**
 * Reads the plan's whole frame for the draw, stratum by stratum (`mode`). `raw` must be
 * the connection of the transaction (or snapshot) the caller reads in (lib/db/dedicated.ts).
 */
export async function readFrameColumns(raw: pg.ClientBase, planId: number, mode: StratumMode): Promise<FrameColumns> {
  const units = new Map<number, string>();
  for (const u of (await raw.query<[number, string]>({ text: `SELECT "id", "code" FROM "Unit"`, rowMode: "array" })).rows) units.set(u[0], u[1]);
  const fields = new Map<number, string>();
  for (const f of (await raw.query<[number, string]>({ text: `SELECT "id", "code" FROM "Field"`, rowMode: "array" })).rows) fields.set(f[0], f[1]);
  // The rows of the plan's imports: enough to size the arena (records an import replaced are counted too).
  const [[imported]] = (await raw.query<[string | null]>({ text: `SELECT sum("rowCount") FROM "FrameImport" WHERE "planId" = $1`, values: [planId], rowMode: "array" })).rows as [[string | null]];
  const reader = frameReader(units, fields, mode, Number(imported ?? 0));
  await copyTo(raw, frameSelect(planId), reader.row);
  return reader.done();
}

/**
 * Rows of frameSelect (COPY text, one at a time, each valid only during the call) into
 * columns. `units` and `fields`: every id to its code; `expected`: about how many rows
 * will come (the arena is reserved for them).
 */
export function frameReader(
  units: ReadonlyMap<number, string>,
  fields: ReadonlyMap<number, string>,
  mode: StratumMode,
  expected = 0,
): { row: (row: Buffer) => void; done: () => FrameColumns } {
  const unitCodes = new Set<string>();
  const byUnit = new Map<number, Stratum>();
  const byUnitField = new Map<number, Map<number, Stratum>>();
  const all: Stratum[] = [];
  let records = 0;
  let reason = "";
  const refuse = (why: string) => {
    if (reason === "") reason = why;
  };

  const stratumOf = (unitId: number, fieldId: number): Stratum | null => {
    const unitCode = units.get(unitId);
    if (unitCode === undefined) {
      refuse(`unknown unit ${unitId}`);
      return null;
    }
    unitCodes.add(unitCode);
    let code = unitCode;
    let fieldCode: string | null = null;
    if (mode === "unit-field") {
      fieldCode = fieldId < 0 ? null : (fields.get(fieldId) ?? null);
      if (!fieldCode) {
        refuse("a record without a field in unit × field mode");
        return null;
      }
      code = `${unitCode}/${fieldCode}`;
      if (!isValidCode(fieldCode)) refuse(`field code ${fieldCode}`);
    }
    if (!isValidCode(unitCode)) refuse(`unit code ${unitCode}`);
    const s: Stratum = {
      code, unitCode, fieldCode,
      frameHead: Buffer.from(`${cleanText(code)}\t${cleanText(unitCode)}\t`, "utf8"),
      anonHead: Buffer.from(`${code}\t`, "utf8"),
      frameAt: 0, frameEnd: 0, frameChunk: FIRST_CHUNK, anonAt: 0, anonEnd: 0, anonChunk: FIRST_CHUNK, count: 0, meta: new Float64Array(META * 16),
    };
    all.push(s);
    if (mode === "unit") byUnit.set(unitId, s);
    else {
      let inUnit = byUnitField.get(unitId);
      if (!inUnit) byUnitField.set(unitId, (inUnit = new Map()));
      inUnit.set(fieldId, s);
    }
    return s;
  };

  // About 300 bytes of lines a record, and room for the last chunks of the strata, partly empty.
  const reserve = Math.min(ARENA, STAGE + expected * 600);
  let arena: Buffer;
  try {
    arena = Buffer.allocUnsafe(Math.max(reserve, 4 << 20));
  } catch {
    arena = Buffer.allocUnsafe(64 << 20);
  }
  let used = STAGE;
  /** A chunk of `size`, or of `bytes` if more, at the end of the arena. */
  const chunk = (bytes: number, size: number): number => {
    size = Math.max(size, bytes);
    if (used + size > arena.length) {
      const to = Buffer.allocUnsafe(Math.max(arena.length * 2, used + size));
      to.set(arena.subarray(0, used), 0);
      arena = to;
    }
    const at = used;
    used += size;
    return at;
  };

  function onRow(row: Buffer): void {
    records++;
    if (reason !== "") return;
    // From the end: the person key, the field, the unit, the id (the LF ends the row).
    const last = row.length - 1;
    const keyStart = row.lastIndexOf(TAB, last - 1) + 1;
    if (keyStart === last) refuse("a record without a person key");
    if (row.indexOf(BACKSLASH, keyStart) >= 0) refuse("an escaped person key");
    let p = keyStart - 2;
    let fieldId = 0;
    if (row[p] === 0x4e && row[p - 1] === BACKSLASH) {
      fieldId = -1; // \N
      p -= 2;
    } else for (let unit = 1; row[p] !== TAB; p--, unit *= 10) fieldId += (row[p]! - 48) * unit;
    p--;
    let unitId = 0;
    for (let unit = 1; row[p] !== TAB; p--, unit *= 10) unitId += (row[p]! - 48) * unit;
    p--;
    let rid = 0;
    for (let unit = 1; row[p] !== TAB; p--, unit *= 10) rid += (row[p]! - 48) * unit;
    const tailEnd = p; // the TAB after the procedure
    let pr = 0;
    for (let i = keyStart + 1, e = Math.min(keyStart + 14, last); i < e; i++) pr = pr * 16 + hexDigit(row[i]!);
    // Dossier code: printable ASCII without space or backslash.
    p = 0;
    for (let b = row[p]!; b !== TAB; b = row[++p]!) if (b <= 0x20 || b >= 0x7f || b === BACKSLASH) refuse("a dossier code that is not plain");
    const dossierEnd = p;
    if (dossierEnd === 0) refuse("an empty dossier code");
    // yyyy-mm-dd
    const d = dossierEnd + 1;
    let day = 0;
    for (let k = 0; k < 10; k++) {
      const b = row[d + k]!;
      if (k === 4 || k === 7) {
        if (b !== 0x2d) refuse("a result date not as yyyy-mm-dd");
      } else if (b < 0x30 || b > 0x39) refuse("a result date not as yyyy-mm-dd");
      else day = day * 10 + b - 48;
    }
    if (row[d + 10] !== TAB) refuse("a result date not as yyyy-mm-dd");
    const dateEnd = d + 10;
    if (reason !== "") return;

    let s: Stratum | null | undefined;
    if (mode === "unit") s = byUnit.get(unitId);
    else s = byUnitField.get(unitId)?.get(fieldId);
    if (s === undefined) s = stratumOf(unitId, fieldId);
    if (s === null) return;

    const frameHead = s.frameHead;
    const anonHead = s.anonHead;
    const frameBytes = frameHead.length + row.length;
    const anonBytes = anonHead.length + dateEnd + (last - keyStart) + 2;
    if (s.frameAt + frameBytes > s.frameEnd) {
      s.frameAt = chunk(frameBytes, s.frameChunk);
      s.frameEnd = used;
      s.frameChunk = Math.min(LAST_CHUNK, s.frameChunk * 2);
    }
    if (s.anonAt + anonBytes > s.anonEnd) {
      s.anonAt = chunk(anonBytes, s.anonChunk);
      s.anonEnd = used;
      s.anonChunk = Math.min(LAST_CHUNK, s.anonChunk * 2);
    }
    const k = s.count++;
    if ((k + 1) * META > s.meta.length) {
      const to = new Float64Array(s.meta.length * 2);
      to.set(s.meta);
      s.meta = to;
    }
    const meta = s.meta;
    const m = k * META;
    meta[m] = rid;
    meta[m + 1] = day;
    meta[m + 2] = pr;
    meta[m + 7] = dossierEnd;
    const buf = arena;

    // The whole row where the frame line goes, after its head: the tail falls in place.
    const line = s.frameAt;
    const tail = line + frameHead.length;
    buf.set(row, tail);
    for (let i = 0; i < frameHead.length; i++) buf[line + i] = frameHead[i]!;

    // The anonymised line: head, dossier TAB date, TAB, person key (still after the frame line).
    let at = s.anonAt;
    meta[m + 5] = at;
    for (let i = 0; i < anonHead.length; i++) buf[at++] = anonHead[i]!;
    buf.copyWithin(at, tail, tail + dateEnd);
    at += dateEnd;
    buf[at++] = TAB;
    buf.copyWithin(at, tail + keyStart, tail + last);
    at += last - keyStart;
    buf[at++] = LF;
    meta[m + 6] = at;
    s.anonAt = at;

    // The frame line's tail as stored when it is clean, else as frameLine makes it. Dossier
    // code, date and kind are clean already (checked above): the judging starts at the phone.
    const phone = dateEnd + (row[dateEnd + 1] === 0x6f ? 14 : 12); // TAB organisation|individual TAB
    let state = judgeTail(buf, tail + phone, tail + tailEnd);
    if (state === TAIL_CHECK_NFC) {
      const text = row.toString("utf8", 0, tailEnd);
      if (text.normalize("NFC") !== text) state = TAIL_DIRTY;
    }
    let end = tail + tailEnd;
    if (state === TAIL_DIRTY) {
      // Rare: the tail as frameLine makes it, field by field; in a chunk of its own if longer than stored.
      const clean = row.toString("utf8", 0, tailEnd).split("\t").map((f) => cleanText(unescapeCopy(f))).join("\t");
      const bytes = Buffer.byteLength(clean, "utf8");
      let to = line;
      if (bytes > row.length - 1) {
        to = chunk(frameHead.length + bytes + 1, s.frameChunk);
        s.frameAt = to;
        s.frameEnd = used;
        arena.set(frameHead, to);
      }
      end = to + frameHead.length + arena.write(clean, to + frameHead.length, "utf8");
      meta[m + 3] = to;
    } else meta[m + 3] = line;
    arena[end++] = LF;
    meta[m + 4] = end;
    s.frameAt = end;
  }

  function done(): FrameColumns {
    const strata: StratumColumns[] = all.map((s) => {
      const count = s.count;
      const meta = s.meta;
      const out: StratumColumns = {
        code: s.code, unitCode: s.unitCode, fieldCode: s.fieldCode, count,
        id: new Int32Array(count), date: new Int32Array(count), print: new Float64Array(count), dossier: new Array<string>(count),
        frameAt: new Int32Array(count), frameEnd: new Int32Array(count), anonAt: new Int32Array(count), anonEnd: new Int32Array(count),
      };
      for (let k = 0, m = 0; k < count; k++, m += META) {
        out.id[k] = meta[m]!;
        out.date[k] = meta[m + 1]!;
        out.print[k] = meta[m + 2]!;
        out.frameAt[k] = meta[m + 3]!;
        out.frameEnd[k] = meta[m + 4]!;
        out.anonAt[k] = meta[m + 5]!;
        out.anonEnd[k] = meta[m + 6]!;
      }
      // Dossier codes (`head dossier TAB date TAB key LF`): gathered in the stage, one
      // string per stage full, sliced.
      const headLength = s.anonHead.length;
      let x = 0;
      while (x < count) {
        let at = 0;
        const first = x;
        const ends: number[] = [];
        for (; x < count; x++) {
          const from = out.anonAt[x]! + headLength;
          const length = meta[x * META + 7]!;
          if (at + length > STAGE) break;
          arena.copyWithin(at, from, from + length);
          at += length;
          ends.push(at);
        }
        const text = arena.toString("latin1", 0, at);
        for (let y = first, start = 0; y < x; y++) {
          const end = ends[y - first]!;
          out.dossier[y] = text.substring(start, end);
          start = end;
        }
      }
      return out;
    });
    strata.sort((a, b) => compareCodeUnits(a.code, b.code));
    return { records, unitCodes, strata, arena, usable: reason === "", reason };
  }

  return { row: onRow, done };
}
