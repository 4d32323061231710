import { basename } from "node:path";
import { pipeline, type Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import yauzl from "yauzl";
import { isBlank, type Cell, type RawRow } from "./cell";
import { FrameFileError, frameMessages as m } from "./messages";
import type { ReadOptions, ReadReport } from "./read-options";
import { attr, generalRowCells, PlainRows, plainRowNumber, pushPlainSharedString, type SheetContext } from "./xlsx-cells";
import { TextCache } from "./xlsx-text-cache";
import { elementBatches } from "./xlsx-elements";
import { SharedStrings } from "./xlsx-shared-strings";
import { parseDateStyles, parseRelationships, parseWorkbook, runText } from "./xlsx-xml";
import { inspectXlsx, openZip } from "./zip-guard";

/** Excel's own limit: a row number above it means a malformed or hostile sheet. */
const EXCEL_MAX_ROWS = 1_048_576;
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
 * Inflated bytes per chunk, and so the rows of a batch (about a hundred): larger chunks
 * cost less per byte to inflate, but a batch stays alive until its rows are written, and
 * with 256 KB chunks the garbage collector moved most of every batch to the old
 * generation (the heap grew by 150 MB between major collections).
 */
const INFLATE_CHUNK = 32 * 1024;

/**
 * The decompressed bytes of an entry, a chunk at a time. The real size is checked against
 * the declared one (which inspectXlsx has vetted) as it inflates, so a lying header stops
 * the read instead of filling memory (yauzl's own check, done here because the entry is
 * inflated here, in larger chunks than yauzl's).
 */
async function* entryBytes(zip: yauzl.ZipFile, entry: yauzl.Entry, onBytes?: (n: number) => void): AsyncGenerator<Buffer> {
  const deflated = entry.compressionMethod === 8;
  if (entry.isEncrypted() || (!deflated && entry.compressionMethod !== 0)) throw new ZipEntryError(entry.fileName, false);
  let raw: Readable;
  try {
    raw = await zip.openReadStreamPromise(entry, { decodeFileData: false });
  } catch {
    throw new ZipEntryError(entry.fileName, false);
  }
  const inflate = deflated ? createInflateRaw({ chunkSize: INFLATE_CHUNK }) : null;
  if (inflate) pipeline(raw, inflate, () => {}); // an error reaches the loop below through `inflate`
  const stream: Readable = inflate ?? raw;
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (deflated && size > entry.uncompressedSize) throw new ZipEntryError(entry.fileName, true);
      onBytes?.(chunk.length);
      yield chunk;
    }
    if (deflated && size < entry.uncompressedSize) throw new ZipEntryError(entry.fileName, true);
  } catch (err) {
    if (err instanceof ZipEntryError) throw err;
    throw new ZipEntryError(entry.fileName, false);
  } finally {
    stream.destroy();
    raw.destroy();
  }
}

async function smallPart(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined): Promise<string | null> {
  if (!entry) return null;
  if (entry.uncompressedSize > MAX_SMALL_PART) throw new ZipEntryError(entry.fileName, false);
  const decoder = new TextDecoder("utf-8");
  let text = "";
  for await (const chunk of entryBytes(zip, entry)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/** A row of the sheet: its r attribute (a number when read from bytes) and its cells. */
type SheetRow = { r: string | number | null; cells: Cell[] };

function rowFromBytes(rows: PlainRows) {
  return (data: Buffer, attrs: number, attrsEnd: number, body: number, bodyEnd: number): SheetRow => {
    const n = plainRowNumber(data, attrs, attrsEnd);
    const r = n !== -1 ? n : attr(data.toString("utf8", attrs, attrsEnd), "r");
    return { r, cells: body === -1 ? [] : rows.cellsOf(data, body, bodyEnd) };
  };
}

/**
 * Streams the rows of the first worksheet of an .xlsx (after inspectXlsx has vetted the
 * zip): reads the workbook, its relationships, shared strings and styles, then scans the
 * sheet's rows as they inflate (lib/frames/xlsx-elements.ts, xlsx-cells.ts). Yields the
 * non-empty rows of each inflated chunk together, with their Excel row numbers; counts
 * empty ones. Other worksheets are not opened.
 */
export async function* readXlsxRows(path: string, opts: ReadOptions, report: ReadReport): AsyncGenerator<RawRow[]> {
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
      texts: new TextCache(),
    };
    const sharedEntry = entries.get(partOf("sharedStrings", "xl/sharedStrings.xml"));
    if (sharedEntry) {
      const shared = ctx.shared;
      const fromBytes = (data: Buffer, _a: number, _e: number, body: number, bodyEnd: number): void => {
        if (body === -1) shared.push("");
        else if (!pushPlainSharedString(data, body, bodyEnd, shared)) shared.push(runText(data.toString("utf8", body, bodyEnd)));
      };
      const fromText = (si: { body: string | null }): void => shared.push(si.body === null ? "" : runText(si.body));
      for await (const _ of elementBatches(entryBytes(zip, sharedEntry), "si", fromBytes, fromText)) void _;
    }
    sheetSize = Math.max(1, sheet.uncompressedSize);
    let last = 0;
    const fromText = (row: { attrs: string; body: string | null }): SheetRow => ({
      r: attr(row.attrs, "r"),
      cells: row.body === null ? [] : generalRowCells(row.body, ctx),
    });
    const plain = new PlainRows(ctx);
    const rowEnd = (data: Buffer, from: number) => plain.end(data, from);
    for await (const batch of elementBatches(entryBytes(zip, sheet, (n) => (consumed += n)), "row", rowFromBytes(plain), fromText, rowEnd)) {
      const rows: RawRow[] = [];
      for (const row of batch) {
        const r = row.r;
        const number = r === null ? last + 1 : Number(r);
        if (!Number.isSafeInteger(number) || number <= last) throw new FrameFileError(m.xlsxParse(file));
        if (number > maxRows) throw new FrameFileError(m.tooManyRows(maxRows));
        report.emptyRows += number - last - 1;
        last = number;
        const cells = row.cells;
        if (cells.every(isBlank)) {
          report.emptyRows++;
          continue;
        }
        report.rows++;
        if (report.rows % opts.progressEvery === 0) progress();
        rows.push({ row: number, cells });
      }
      if (rows.length > 0) yield rows;
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
