import { basename } from "node:path";
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { Utf8Buffer } from "@/lib/utf8-buffer";
import { isBlank, textCell, type Cell, type RawRow } from "./cell";
import { FrameFileError, frameMessages as m } from "./messages";
import type { ReadOptions, ReadReport } from "./read-options";
import { columnIndex, parseDateStyles, parseRelationships, parseWorkbook, runText, xmlText } from "./xlsx-xml";
import { inspectXlsx, openZip } from "./zip-guard";

/** Excel's own limit: a row number above it means a malformed or hostile sheet. */
const EXCEL_MAX_ROWS = 1_048_576;
/** Text held while looking for the end of one row (or one shared string): a 10 MB cell fits. */
const MAX_PENDING_CHARS = 64 * 1024 * 1024;
/** workbook.xml, its relationships and styles are read whole; beyond this they are not a spreadsheet's. */
const MAX_SMALL_PART = 32 * 1024 * 1024;

/** Days between Excel's day 0 and 1970-01-01: 1900 system (with its leap-year bug) and 1904 system. */
const EPOCH_1900 = 25_569;
const EPOCH_1904 = 24_107;

class ZipEntryError extends Error {
  constructor(
    readonly entry: string,
    readonly sizeMismatch: boolean,
  ) {
    super(entry);
  }
}

async function entriesOf(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const out = new Map<string, yauzl.Entry>();
  for await (const entry of zip.eachEntry()) out.set(entry.fileName, entry);
  return out;
}

/**
 * The decompressed text of an entry, a chunk at a time. yauzl checks the real size against
 * the declared one (which inspectXlsx has vetted) as it inflates, so a lying header stops
 * the read instead of filling memory.
 */
async function* entryText(zip: yauzl.ZipFile, entry: yauzl.Entry, onBytes?: (n: number) => void): AsyncGenerator<string> {
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch {
    throw new ZipEntryError(entry.fileName, false);
  }
  const decoder = new TextDecoder("utf-8");
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      onBytes?.(chunk.length);
      yield decoder.decode(chunk, { stream: true });
    }
  } catch (err) {
    throw new ZipEntryError(entry.fileName, /bytes in the stream|expected \d+/i.test(String((err as Error)?.message)));
  } finally {
    stream.destroy();
  }
  yield decoder.decode();
}

async function smallPart(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined): Promise<string | null> {
  if (!entry) return null;
  if (entry.uncompressedSize > MAX_SMALL_PART) throw new ZipEntryError(entry.fileName, false);
  let text = "";
  for await (const s of entryText(zip, entry)) text += s;
  return text;
}

type Element = { attrs: string; body: string | null };

/**
 * Repeated elements (`<si>` of shared strings, `<row>` of a sheet) out of a stream of text,
 * each as its attribute text and body (null when self-closing), without holding more than
 * one unfinished element. Yields the elements completed by each chunk together: one await
 * per chunk rather than per element.
 */
async function* elementsOf(chunks: AsyncIterable<string>, name: string): AsyncGenerator<Element[]> {
  const start = new RegExp(`<([\\w.-]+:)?${name}\\b([^>]*?)(/?)>`, "g");
  let pending = "";
  /** The start tag (at pending[0]) of an element whose end has not arrived yet. */
  let open: { tagLength: number; attrs: string; close: string } | null = null;
  /** Where to go on looking for that end. */
  let searchFrom = 0;
  /** While an element is open and long (a 10 MB cell), its text so far, not yet joined. */
  const parts: string[] = [];
  let partsLength = 0;
  for await (const chunk of chunks) {
    if (open && parts.length > 0) {
      // Look for the end in the new text (and the few characters before it) only.
      const tail = parts[parts.length - 1]!.slice(-(open.close.length - 1));
      if ((tail + chunk).indexOf(open.close) === -1) {
        parts.push(chunk);
        partsLength += chunk.length;
        if (partsLength > MAX_PENDING_CHARS) throw new Error(`<${name}> longer than ${MAX_PENDING_CHARS} characters`);
        continue;
      }
      searchFrom = Math.max(open.tagLength, partsLength - open.close.length + 1);
      pending = parts.join("") + chunk;
      parts.length = 0;
      partsLength = 0;
    } else {
      pending += chunk;
    }
    let pos = 0;
    const done: Element[] = [];
    for (;;) {
      let at: number;
      if (open) {
        at = 0;
      } else {
        start.lastIndex = pos;
        const s = start.exec(pending);
        if (!s) break;
        if (s[3] === "/") {
          done.push({ attrs: s[2]!, body: null });
          pos = s.index + s[0].length;
          continue;
        }
        at = s.index;
        open = { tagLength: s[0].length, attrs: s[2]!, close: `</${s[1] ?? ""}${name}>` };
        searchFrom = at + open.tagLength;
      }
      const end = pending.indexOf(open.close, searchFrom);
      if (end === -1) {
        // Wait for more text; the part already searched is not searched again.
        pending = pending.slice(at);
        searchFrom = Math.max(open.tagLength, pending.length - open.close.length + 1);
        parts.push(pending);
        partsLength = pending.length;
        pending = "";
        pos = -1;
        break;
      }
      done.push({ attrs: open.attrs, body: pending.slice(at + open.tagLength, end) });
      pos = end + open.close.length;
      open = null;
    }
    if (pos !== -1) {
      // No element open: keep only what may begin the next start tag.
      const lt = pending.lastIndexOf("<");
      pending = lt >= pos ? pending.slice(lt) : "";
    }
    if (pending.length > MAX_PENDING_CHARS) throw new Error(`<${name}> longer than ${MAX_PENDING_CHARS} characters`);
    if (done.length > 0) yield done;
  }
  if (open) throw new Error(`<${name}> not closed at the end of the part`);
}

function attr(attrs: string, name: string): string | null {
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

/**
 * The shared-string table, which Excel files use for every text cell: a million-row list
 * holds millions of distinct strings. Kept as UTF-8 in one buffer with an offset per
 * string, outside the JavaScript heap (about a third of the memory of an array of strings);
 * a string is decoded when a cell asks for it.
 */
class SharedStrings {
  private readonly text = new Utf8Buffer();
  private ends = new Uint32Array(1 << 14);
  count = 0;

  push(s: string): void {
    if (this.count === this.ends.length) {
      const bigger = new Uint32Array(this.ends.length * 2);
      bigger.set(this.ends);
      this.ends = bigger;
    }
    this.ends[this.count++] = this.text.append(s);
  }

  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    return this.text.text(i === 0 ? 0 : this.ends[i - 1]!, this.ends[i]!);
  }
}

type SheetContext = { shared: SharedStrings; dateStyles: boolean[]; epoch: number; maxCellLength: number };

/** The value of one cell (`t`: its type attribute; `s`: its style), as the readers' Cell. */
function cellValue(body: string | undefined, t: string | null, s: string | null, ctx: SheetContext): Cell {
  if (!body) return null;
  if (t === "inlineStr") return textCell(runText(body), ctx.maxCellLength);
  const v = VALUE.exec(body);
  if (!v) return null;
  const raw = v[1]!;
  switch (t) {
    case "s": {
      const text = ctx.shared.get(Number(raw));
      return text === undefined ? null : textCell(text, ctx.maxCellLength);
    }
    case "str":
    case "e":
      return textCell(xmlText(raw), ctx.maxCellLength);
    case "b":
      return raw === "1" || raw === "true" ? "TRUE" : "FALSE";
    case "d": {
      const d = new Date(xmlText(raw));
      return Number.isNaN(d.getTime()) ? textCell(xmlText(raw), ctx.maxCellLength) : d;
    }
    default: {
      const n = Number(raw);
      if (!Number.isFinite(n) || raw.trim() === "") return null;
      if (s !== null && ctx.dateStyles[Number(s)]) return new Date(Math.round((n - ctx.epoch) * 86_400_000));
      return n;
    }
  }
}

/** The cells of one row, by column (gaps are null). */
function rowCells(body: string, ctx: SheetContext): Cell[] {
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

/**
 * Streams the rows of the first worksheet of an .xlsx (after inspectXlsx has vetted the
 * zip): reads the workbook, its relationships, shared strings and styles, then scans the
 * sheet's rows as they inflate (lib/frames/xlsx-xml.ts). Yields non-empty rows with their
 * Excel row numbers; counts empty ones. Other worksheets are not opened.
 */
export async function* readXlsxRows(path: string, opts: ReadOptions, report: ReadReport): AsyncGenerator<RawRow> {
  const file = basename(path);
  const inspection = await inspectXlsx(path, opts.zipLimits);
  report.sheetCount = inspection.sheetCount;
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch {
    throw new FrameFileError(m.corruptZip(file));
  }
  const maxRows = Math.min(opts.maxRows, EXCEL_MAX_ROWS);
  let consumed = 0;
  let sheetSize = 1;
  const progress = () =>
    opts.onProgress?.({ bytesRead: Math.min(report.totalBytes, Math.round((report.totalBytes * consumed) / sheetSize)), totalBytes: report.totalBytes, rows: report.rows });
  try {
    const entries = await entriesOf(zip);
    const workbook = parseWorkbook((await smallPart(zip, entries.get("xl/workbook.xml"))) ?? "");
    const rels = parseRelationships((await smallPart(zip, entries.get("xl/_rels/workbook.xml.rels"))) ?? "", "xl/");
    const first = workbook.sheets[0];
    const sheetPath = (first && rels.get(first.relId)?.target) ?? "xl/worksheets/sheet1.xml";
    const sheet = entries.get(sheetPath);
    if (!sheet) throw new FrameFileError(m.zipNotExcel(file));
    report.sheetCount = Math.max(workbook.sheets.length, 1);
    report.sheetName = first?.name || "Sheet1";
    const partOf = (type: string, fallback: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target ?? fallback;
    const stylesXml = await smallPart(zip, entries.get(partOf("styles", "xl/styles.xml")));
    const ctx: SheetContext = {
      shared: new SharedStrings(),
      dateStyles: stylesXml ? parseDateStyles(stylesXml) : [],
      epoch: workbook.date1904 ? EPOCH_1904 : EPOCH_1900,
      maxCellLength: opts.maxCellLength,
    };
    const sharedEntry = entries.get(partOf("sharedStrings", "xl/sharedStrings.xml"));
    if (sharedEntry) {
      for await (const batch of elementsOf(entryText(zip, sharedEntry), "si")) for (const si of batch) ctx.shared.push(si.body === null ? "" : runText(si.body));
    }
    sheetSize = Math.max(1, sheet.uncompressedSize);
    let last = 0;
    for await (const batch of elementsOf(entryText(zip, sheet, (n) => (consumed += n)), "row")) {
      for (const row of batch) {
        const r = attr(row.attrs, "r");
        const number = r === null ? last + 1 : Number(r);
        if (!Number.isSafeInteger(number) || number <= last) throw new FrameFileError(m.xlsxParse(file));
        if (number > maxRows) throw new FrameFileError(m.tooManyRows(maxRows));
        report.emptyRows += number - last - 1;
        last = number;
        const cells = row.body === null ? [] : rowCells(row.body, ctx);
        if (cells.every(isBlank)) {
          report.emptyRows++;
          continue;
        }
        report.rows++;
        if (report.rows % opts.progressEvery === 0) progress();
        yield { row: number, cells };
      }
    }
  } catch (err) {
    if (err instanceof ZipEntryError) {
      throw new FrameFileError(err.sizeMismatch ? m.zipBomb(file, m.zipSizeMismatch(err.entry)) : m.corruptZip(file));
    }
    if (err instanceof FrameFileError) throw err;
    throw new FrameFileError(m.xlsxParse(file), { cause: err });
  } finally {
    zip.close();
  }
  if (report.sheetCount > 1) report.notices.push(m.manySheets(report.sheetCount, report.sheetName ?? "Sheet1"));
  progress();
}
