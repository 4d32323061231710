import { basename } from "node:path";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { isBlank, textCell, type Cell, type RawRow } from "./cell";
import { CsvRecordParser, CsvSyntaxError } from "./csv-records";
import { FrameFileError, frameMessages as m } from "./messages";
import type { ReadOptions, ReadReport } from "./read-options";
import { countLines, firstInvalidUtf8, incompleteTail } from "./utf8";

const SNIFF_BYTES = 64 * 1024;
/** A single record above this size stops the import (a cell above maxCellLength is only reported). */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/** Carries the offset in the file of the first byte that is not UTF-8. */
class NotUtf8 extends Error {
  constructor(readonly offset: number) {
    super("not UTF-8");
  }
}

async function sniff(path: string): Promise<Buffer> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** The delimiter of the header line: the most frequent of , ; TAB (Excel in a Vietnamese locale may use ;). */
export function detectDelimiter(headerLine: string): string {
  let best = ",";
  let bestCount = 0;
  for (const d of [",", ";", "\t"]) {
    const count = headerLine.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

function refuseEncoding(head: Buffer, file: string): void {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new FrameFileError(m.csvUtf16(file));
  }
  if (head[0] === 0x50 && head[1] === 0x4b) throw new FrameFileError(m.xlsxIsCsv(file));
  if (head.indexOf(0) !== -1) {
    // UTF-16 without a BOM: ASCII characters (delimiters, digits) put NUL in every other
    // byte, all on the same side; Vietnamese letters do not, so look for a lopsided share.
    const sample = head.subarray(0, 400);
    let odd = 0;
    let even = 0;
    sample.forEach((b, i) => {
      if (b !== 0) return;
      if (i % 2) odd++;
      else even++;
    });
    const half = sample.length / 2;
    const utf16 = Math.max(odd, even) > half * 0.3 && Math.min(odd, even) < half * 0.02;
    throw new FrameFileError(utf16 ? m.csvUtf16(file) : m.csvBinary(file));
  }
}

/**
 * Bytes read at a time: a batch of about a hundred rows of a typical frame. Small on
 * purpose: a batch stays alive until its rows are written, and with 256 KB chunks the
 * garbage collector moved most of every batch to the old generation (and the decoded
 * chunk, a string above 128 KB, was born there): the heap grew by 150 MB between major
 * collections, and reading cost a third more CPU.
 */
const CHUNK_BYTES = 16 * 1024;

/** The 1-based line of the byte at `offset`: only when a file turns out not to be UTF-8. */
async function lineAt(path: string, offset: number): Promise<number> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(CHUNK_BYTES);
    let lines = 0;
    for (let at = 0; at < offset; ) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(CHUNK_BYTES, offset - at), at);
      if (bytesRead === 0) break;
      lines += countLines(buf, bytesRead);
      at += bytesRead;
    }
    return lines + 1;
  } finally {
    await fh.close();
  }
}

/**
 * Streams the records of a UTF-8 CSV (with or without BOM), the non-empty ones of each
 * chunk read together. Row numbers are record numbers, which is what Excel shows when it
 * opens the file. UTF-16 and other encodings are refused: decoding is strict, so a
 * Windows-1258 or TCVN3 byte stops the import.
 */
export async function* readCsvRows(path: string, opts: ReadOptions, report: ReadReport): AsyncGenerator<RawRow[]> {
  const file = basename(path);
  const head = await sniff(path);
  refuseEncoding(head, file);
  const firstLine = new TextDecoder("utf-8").decode(head).split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  const delimiter = detectDelimiter(firstLine);
  report.delimiter = delimiter;

  let bytesRead = 0;
  let tail: Buffer = Buffer.alloc(0); // the bytes of a character cut by the chunk boundary
  const decoder = new TextDecoder("utf-8", { fatal: true }); // strips a leading BOM
  /** Where the first byte that is not UTF-8 is, in `chunk` read after `tail`. */
  const notUtf8 = (chunk: Buffer) => {
    const bytes = Buffer.concat([tail, chunk]);
    const at = firstInvalidUtf8(bytes);
    return new NotUtf8(bytesRead - chunk.length - tail.length + (at === -1 ? bytes.length : at));
  };
  // A quote inside an unquoted cell (Công ty "Ánh Dương" typed by hand) is kept as text
  // (lib/frames/csv-records.ts); rows may have fewer or more cells than the header.
  const parser = new CsvRecordParser(delimiter, MAX_RECORD_BYTES);
  const source = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  let record = 0;
  const progress = () => opts.onProgress?.({ bytesRead, totalBytes: report.totalBytes, rows: report.rows });
  /** The non-empty rows of `records`, as cells. */
  const rowsOf = (records: string[][]): RawRow[] => {
    const rows: RawRow[] = [];
    for (const fields of records) {
      record++;
      if (record > opts.maxRows) throw new FrameFileError(m.tooManyRows(opts.maxRows));
      // The fields become the cells in place: only an oversized one is replaced.
      const cells: Cell[] = fields;
      let blank = true;
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i]!;
        if (f.length > opts.maxCellLength) cells[i] = textCell(f, opts.maxCellLength);
        if (blank && !isBlank(cells[i]!)) blank = false;
      }
      if (blank) {
        report.emptyRows++;
        continue;
      }
      report.rows++;
      if (report.rows % opts.progressEvery === 0) progress();
      rows.push({ row: record, cells });
    }
    return rows;
  };
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw notUtf8(chunk);
      }
      tail = incompleteTail(chunk.length >= 4 ? chunk : Buffer.concat([tail, chunk]));
      const rows = rowsOf(parser.push(text));
      if (rows.length > 0) yield rows;
    }
    let text: string;
    try {
      text = decoder.decode();
    } catch {
      throw notUtf8(Buffer.alloc(0));
    }
    const rows = rowsOf(text === "" ? parser.finish() : parser.push(text).concat(parser.finish()));
    if (rows.length > 0) yield rows;
  } catch (err) {
    if (err instanceof FrameFileError) throw err;
    if (err instanceof NotUtf8) throw new FrameFileError(m.csvNotUtf8(file, await lineAt(path, err.offset)));
    throw csvError(err, file, record);
  } finally {
    source.destroy();
  }
  progress();
}

function csvError(err: unknown, file: string, record: number): FrameFileError {
  if (err instanceof CsvSyntaxError) {
    return new FrameFileError(m.csvSyntax(file, err.line, err.kind === "quote" ? m.csvQuote : m.csvRecordTooBig), { cause: err });
  }
  return new FrameFileError(m.csvSyntax(file, record + 1, m.csvOther), { cause: err });
}
