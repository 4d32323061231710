import { decodeBytes as decode } from "@/lib/utf8-buffer";
import { textCell, type Cell } from "./cell";
import type { SharedStrings } from "./xlsx-shared-strings";
import type { TextCache } from "./xlsx-text-cache";
import { columnIndex, runText, xmlText } from "./xlsx-xml";

/**
 * The cells of a worksheet row (SpreadsheetML `<c>` elements) as the readers' Cells: the
 * general reading, regular expressions over the row's decoded text, and the reading of
 * plain rows straight from the sheet's bytes, which gives the same cells.
 */

export type SheetContext = {
  shared: SharedStrings;
  dateStyles: boolean[];
  epoch: number;
  maxCellLength: number;
  /** Texts of the cells read from bytes, by their bytes: most columns repeat a few values. */
  texts: TextCache;
};

/** The value of a named attribute in a start tag's attribute text, or null. */
export function attr(attrs: string, name: string): string | null {
  let i = attrs.indexOf(` ${name}="`);
  if (i !== -1) {
    i += name.length + 3;
    return attrs.slice(i, attrs.indexOf('"', i));
  }
  i = attrs.indexOf(` ${name}='`);
  if (i !== -1) {
    i += name.length + 3;
    return attrs.slice(i, attrs.indexOf("'", i));
  }
  return null;
}

const CELL = /<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const VALUE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;

// The cell types (the t attribute) that the value depends on.
const T_NUMBER = 0; // no t, t="n" or anything unknown
const T_INLINE = 1;
const T_SHARED = 2;
const T_STR = 3; // str and e: text as written
const T_BOOL = 4;
const T_DATE = 5;

function typeOf(t: string | null): number {
  switch (t) {
    case "inlineStr":
      return T_INLINE;
    case "s":
      return T_SHARED;
    case "str":
    case "e":
      return T_STR;
    case "b":
      return T_BOOL;
    case "d":
      return T_DATE;
    default:
      return T_NUMBER;
  }
}

/** The value of one cell (`body`: its content; `t`: its type attribute; `s`: its style). */
function cellValue(body: string | undefined, t: string | null, s: string | null, ctx: SheetContext): Cell {
  if (!body) return null;
  const type = typeOf(t);
  if (type === T_INLINE) return textCell(runText(body), ctx.maxCellLength);
  const v = VALUE.exec(body);
  if (!v) return null;
  return valueOf(v[1]!, type, s, ctx);
}

/** The value of a cell from the text of its <v> (`type`: typeOf its t attribute). */
function valueOf(raw: string, type: number, s: string | null, ctx: SheetContext): Cell {
  switch (type) {
    case T_SHARED: {
      const text = ctx.shared.get(Number(raw));
      return text === undefined ? null : textCell(text, ctx.maxCellLength);
    }
    case T_STR:
      return textCell(xmlText(raw), ctx.maxCellLength);
    case T_BOOL:
      return raw === "1" || raw === "true" ? "TRUE" : "FALSE";
    case T_DATE: {
      const d = new Date(xmlText(raw));
      return Number.isNaN(d.getTime()) ? textCell(xmlText(raw), ctx.maxCellLength) : d;
    }
    default:
      return numberCell(Number(raw), raw.trim() === "", s, ctx);
  }
}

function numberCell(n: number, blank: boolean, s: string | number | null, ctx: SheetContext): Cell {
  if (!Number.isFinite(n) || blank) return null;
  if (s !== null && ctx.dateStyles[Number(s)]) return new Date(Math.round((n - ctx.epoch) * 86_400_000));
  return n;
}

/** The cells of one row from its decoded text, by column (gaps are null). */
export function generalRowCells(body: string, ctx: SheetContext): Cell[] {
  const cells: Cell[] = [];
  CELL.lastIndex = 0;
  for (let c = CELL.exec(body); c; c = CELL.exec(body)) {
    const attrs = c[1]!;
    const ref = attr(attrs, "r");
    const at = ref === null ? cells.length : columnIndex(ref);
    const value = cellValue(c[2], attr(attrs, "t"), attr(attrs, "s"), ctx);
    if (at < 0 || value === null) continue;
    while (cells.length < at) cells.push(null);
    cells[at] = value;
  }
  return cells;
}

const SPACE = 32;
const QUOTE = 34;
const APOSTROPHE = 39;
const EQUALS = 61;
const SLASH = 47;
const LT = 60;
const GT = 62;
const AMPERSAND = 38;
const UNDERSCORE = 95;
const ZERO = 48;
const NINE = 57;

/** Whether the text findText has just scanned is all ASCII. */
let foundAscii = true;

/** The first `<` in data[from, limit), or -1; notes in foundAscii whether the bytes before it are all ASCII. */
function findText(data: Buffer, from: number, limit: number): number {
  let bits = 0;
  for (let i = from; i < limit; i++) {
    const b = data[i]!;
    if (b === LT) {
      foundAscii = bits < 0x80;
      return i;
    }
    bits |= b;
  }
  return -1;
}

/** What scanText found about the text it scanned up to the next `<`. */
type Scan = { end: number; ascii: boolean; markup: boolean };
const scan: Scan = { end: 0, ascii: true, markup: false };

/**
 * Scans data[from, limit) up to the first `<` (scan.end, or -1 when there is none),
 * noting whether it is all ASCII and whether it has & or _ (xmlText may change it).
 */
function scanText(data: Buffer, from: number, limit: number): void {
  let ascii = true;
  let markup = false;
  let i = from;
  for (; i < limit; i++) {
    const b = data[i]!;
    if (b === LT) break;
    if (b >= 0x80) ascii = false;
    else if (b === AMPERSAND || b === UNDERSCORE) markup = true;
  }
  scan.end = i < limit ? i : -1;
  scan.ascii = ascii;
  scan.markup = markup;
}

/** Whether data[at, limit) begins with `literal` (ASCII). */
function spells(data: Buffer, at: number, literal: string, limit: number): boolean {
  if (at + literal.length > limit) return false;
  for (let i = 0; i < literal.length; i++) if (data[at + i] !== literal.charCodeAt(i)) return false;
  return true;
}

/** The integer written in ASCII digits data[start, end) (at most 15 of them, so exact). */
function digitsValue(data: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + (data[i]! - ZERO);
  return n;
}

/** columnIndex of the reference data[start, end). */
function columnAt(data: Buffer, start: number, end: number): number {
  let n = 0;
  let i = start;
  for (; i < end; i++) {
    const c = data[i]!;
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === start ? -1 : n - 1;
}

/** typeOf the attribute value data[start, end). */
function typeAt(data: Buffer, start: number, end: number): number {
  const n = end - start;
  const c = data[start];
  if (n === 1) return c === 115 ? T_SHARED : c === 101 ? T_STR : c === 98 ? T_BOOL : c === 100 ? T_DATE : T_NUMBER; // s e b d
  if (n === 3 && c === 115 && data[start + 1] === 116 && data[start + 2] === 114) return T_STR; // str
  if (n === 9 && spells(data, start, "inlineStr", end)) return T_INLINE;
  return T_NUMBER;
}

/**
 * The row number of a row whose attributes data[start, end) begin ` r="123"` (what
 * attr(attrs, "r") then gives, as a number), or -1 for any other attributes.
 */
export function plainRowNumber(data: Buffer, start: number, end: number): number {
  if (!spells(data, start, ' r="', end)) return -1;
  let i = start + 4;
  while (i < end && data[i]! >= ZERO && data[i]! <= NINE) i++;
  if (i === start + 4 || i - start - 4 > 15 || i >= end || data[i] !== QUOTE) return -1;
  return digitsValue(data, start + 4, i);
}

/**
 * generalRowCells for a row written the plain way (as Excel, exceljs and most producers
 * do), read from the sheet's bytes data[start, end) (valid UTF-8): nothing but cells
 * `<c a="…" …>` (attributes in double quotes, one space before each), each empty,
 * self-closing, or holding just `<v>…</v>` or `<is><t>…</t></is>` with text and no
 * markup. A few comparisons per byte instead of regular expressions over decoded text,
 * and only the texts that are kept are decoded (a shared string's index never is).
 * Returns null for any other row.
 */
export function plainRowCells(data: Buffer, start: number, end: number, ctx: SheetContext): Cell[] | null {
  const cells = plainCells(data, start, end, ctx);
  return cells !== null && stoppedAt === end ? cells : null;
}

/** Where plainCells stopped: the first byte after its cells. */
let stoppedAt = 0;

/**
 * The plain cells from data[start…] up to `end` or to the first thing that is not a cell
 * (`stoppedAt`), or null when a cell is not plain. No text, attribute or tag of a plain
 * cell holds a `<` of its own, so what follows the cells (`</row>`) is never read as
 * part of them.
 */
function plainCells(data: Buffer, start: number, end: number, ctx: SheetContext): Cell[] | null {
  const cells: Cell[] = [];
  let p = start;
  while (p < end) {
    if (data[p] !== LT || data[p + 1] !== 99) break; // <c
    const b = data[p + 2];
    if (b !== SPACE && b !== GT && b !== SLASH) break;
    // Attributes: ( name="value")* up to > or />, with no apostrophe (attr() could then
    // read a value another way) and no < or > in a value (the tag ends at the first >).
    let rStart = -1;
    let rEnd = -1;
    let tStart = -1;
    let tEnd = -1;
    let sStart = -1;
    let sEnd = -1;
    let gt = -1;
    let closed = false;
    let q = p + 2;
    while (q < end) {
      const c = data[q];
      if (c === GT) {
        gt = q;
        break;
      }
      if (c === SLASH && q + 1 < end && data[q + 1] === GT) {
        gt = q + 1;
        closed = true;
        break;
      }
      if (c !== SPACE) return null;
      const nameStart = q + 1;
      let e = nameStart;
      for (; e < end; e++) {
        const n = data[e];
        if (n === EQUALS || n === SPACE || n === QUOTE || n === APOSTROPHE || n === SLASH || n === LT || n === GT) break;
      }
      if (e === nameStart || e + 1 >= end || data[e] !== EQUALS || data[e + 1] !== QUOTE) return null;
      let valueEnd = e + 2;
      for (; valueEnd < end; valueEnd++) {
        const v = data[valueEnd];
        if (v === QUOTE) break;
        if (v === APOSTROPHE || v === LT || v === GT) return null;
      }
      if (valueEnd >= end) return null;
      if (e === nameStart + 1) {
        // attr() reads the first attribute of a name.
        const name = data[nameStart];
        if (name === 114 && rStart === -1) {
          rStart = e + 2; // r
          rEnd = valueEnd;
        } else if (name === 116 && tStart === -1) {
          tStart = e + 2; // t
          tEnd = valueEnd;
        } else if (name === 115 && sStart === -1) {
          sStart = e + 2; // s
          sEnd = valueEnd;
        }
      }
      q = valueEnd + 1;
    }
    if (gt === -1) return null;
    const at = rStart === -1 ? cells.length : columnAt(data, rStart, rEnd);
    // Content: nothing, <v>…</v> or <is><t>…</t></is>.
    const type = tStart === -1 ? T_NUMBER : typeAt(data, tStart, tEnd);
    let value: Cell = null;
    if (closed) {
      p = gt + 1;
    } else if (gt + 4 < end && data[gt + 1] === LT && data[gt + 2] === SLASH && data[gt + 3] === 99 && data[gt + 4] === GT) {
      p = gt + 5; // </c>
    } else if (gt + 3 < end && data[gt + 1] === LT && data[gt + 2] === 118 && data[gt + 3] === GT) {
      // <v>
      const from = gt + 4;
      const to = findText(data, from, end);
      if (to === -1 || to + 8 > end || data[to + 1] !== SLASH || data[to + 2] !== 118 || data[to + 3] !== GT || !spells(data, to + 4, "</c>", end)) return null;
      value = plainValue(data, from, to, type, sStart, sEnd, at, ctx);
      p = to + 8;
    } else if (spells(data, gt + 1, "<is><t>", end)) {
      const from = gt + 8;
      const to = findText(data, from, end);
      if (to === -1 || !spells(data, to, "</t></is></c>", end)) return null;
      // Any other type looks for a <v> and finds none.
      if (type === T_INLINE) value = textCell(ctx.texts.get(data, from, to, foundAscii, at), ctx.maxCellLength);
      p = to + 13;
    } else {
      return null;
    }
    if (at < 0 || value === null) continue;
    while (cells.length < at) cells.push(null);
    cells[at] = value;
  }
  stoppedAt = p;
  return cells;
}

/**
 * Rows whose cells plainRowEnd has read, to hand to plainRowCells' callers without
 * reading them again: the end of a plain row is then found by reading it, not searched for.
 */
export class PlainRows {
  private data: Buffer | null = null;
  private start = -1;
  private cells: Cell[] = [];

  constructor(private readonly ctx: SheetContext) {}

  /** Where the row body from data[start…] ends (its `</row>`) when it is plain, or -1. */
  end(data: Buffer, start: number): number {
    const cells = plainCells(data, start, data.length, this.ctx);
    if (cells === null || !spells(data, stoppedAt, "</row>", data.length)) return -1;
    this.data = data;
    this.start = start;
    this.cells = cells;
    return stoppedAt;
  }

  /** The cells of the row body data[start, end). */
  cellsOf(data: Buffer, start: number, end: number): Cell[] {
    if (data === this.data && start === this.start) {
      this.data = null;
      return this.cells;
    }
    return plainRowCells(data, start, end, this.ctx) ?? generalRowCells(decode(data, start, end, false), this.ctx);
  }
}

/** valueOf the text data[from, to) of a <v> (`ascii`: findText's foundAscii). */
function plainValue(data: Buffer, from: number, to: number, type: number, sStart: number, sEnd: number, column: number, ctx: SheetContext): Cell {
  if (type === T_STR) return textCell(ctx.texts.get(data, from, to, foundAscii, column), ctx.maxCellLength);
  const short = to - from <= 15 && isDigits(data, from, to);
  if (type === T_SHARED) {
    const text = ctx.shared.get(short ? digitsValue(data, from, to) : Number(decode(data, from, to, foundAscii)));
    return text === undefined ? null : textCell(text, ctx.maxCellLength);
  }
  if (type === T_NUMBER && short) {
    const s = sStart === -1 ? null : sEnd - sStart <= 15 && isDigits(data, sStart, sEnd) ? digitsValue(data, sStart, sEnd) : decode(data, sStart, sEnd, false);
    return numberCell(digitsValue(data, from, to), false, s, ctx);
  }
  const raw = decode(data, from, to, foundAscii);
  if (type === T_INLINE) return textCell(runText(`<v>${raw}</v>`), ctx.maxCellLength);
  return valueOf(raw, type, sStart === -1 ? null : decode(data, sStart, sEnd, false), ctx);
}

function isDigits(data: Buffer, start: number, end: number): boolean {
  if (start === end) return false;
  for (let i = start; i < end; i++) if (data[i]! < ZERO || data[i]! > NINE) return false;
  return true;
}

/** The shared string data[start, end) as `<si>` holds it; false when it is not one plain <t> run (then runText decides). */
export function pushPlainSharedString(data: Buffer, start: number, end: number, shared: SharedStrings): boolean {
  if (!spells(data, start, "<t>", end)) return false;
  const from = start + 3;
  scanText(data, from, end);
  const to = scan.end;
  if (to !== end - 4 || !spells(data, to, "</t>", end)) return false;
  if (scan.markup) shared.push(xmlText(decode(data, from, to, scan.ascii)));
  else shared.pushBytes(data, from, to);
  return true;
}
