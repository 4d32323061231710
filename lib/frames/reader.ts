import { basename, extname } from "node:path";
import { open, stat } from "node:fs/promises";
import { cellText, type RawRow } from "./cell";
import { FrameFileError, frameMessages as m } from "./messages";
import { readCsvRows } from "./read-csv";
import { DEFAULT_READ_OPTIONS, type ReadOptions, type ReadReport } from "./read-options";
import { readXlsxRows } from "./read-xlsx";
import { avoidPretenuring } from "./v8-heap";

export type FrameFile = {
  /** The first non-empty row, as text. */
  header: { row: number; cells: string[] };
  /**
   * The data rows after the header, those read together in one batch (a chunk of the file,
   * often a thousand rows): one await per batch. Iterate once, this or `rows`; return() on
   * either closes the file.
   */
  batches: AsyncGenerator<RawRow[]>;
  /** The same rows one at a time. */
  rows: AsyncGenerator<RawRow>;
  /** Filled in while the rows are read; complete once they are exhausted. */
  report: ReadReport;
};

async function firstBytes(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * Opens a frame file (.xlsx or .csv, chosen by extension and checked against the
 * content) for streaming: nothing but the current batch of rows and the reader's buffers
 * is held in memory. Throws FrameFileError, with a Vietnamese message, when the file as a
 * whole cannot be read.
 */
export async function openFrameFile(path: string, options: Partial<ReadOptions> = {}): Promise<FrameFile> {
  avoidPretenuring();
  const opts: ReadOptions = { ...DEFAULT_READ_OPTIONS, ...options };
  const file = basename(path);
  const ext = extname(path).toLowerCase();
  const head = await firstBytes(path, 8);
  const report: ReadReport = {
    format: ext === ".csv" ? "csv" : "xlsx",
    totalBytes: (await stat(path)).size,
    sheetCount: 0,
    sheetName: null,
    delimiter: null,
    emptyRows: 0,
    rows: 0,
    notices: [],
  };
  let source: AsyncGenerator<RawRow[]>;
  if (ext === ".xlsx" || ext === ".xlsm") {
    if (head.subarray(0, 4).equals(OLE2)) throw new FrameFileError(m.oldXls(file));
    if (!head.subarray(0, 4).equals(ZIP)) throw new FrameFileError(m.notXlsx(file));
    source = readXlsxRows(path, opts, report);
  } else if (ext === ".xls") {
    throw new FrameFileError(head.subarray(0, 4).equals(OLE2) ? m.oldXls(file) : m.notXlsx(file));
  } else if (ext === ".csv" || ext === ".txt") {
    source = readCsvRows(path, opts, report);
  } else {
    throw new FrameFileError(m.unsupportedFormat(file));
  }
  let first: RawRow[] = [];
  while (first.length === 0) {
    const next = await source.next();
    if (next.done) throw new FrameFileError(m.noHeader(file));
    first = next.value;
  }
  const headerRow = first[0]!;
  const header = { row: headerRow.row, cells: headerRow.cells.map((c) => cellText(c).normalize("NFC").trim()) };
  const batches = started(afterHeader(first.slice(1), source));
  return { header, batches, rows: started(oneByOne(batches)), report };
}

/** What the generators below yield first, so that they can be started before anyone reads. */
const START = Symbol("start");

/**
 * Runs `gen` up to its first yield (START), so that return() reaches its `finally` (and
 * closes the file) even when nothing was read: a generator never started ignores return().
 */
function started<T>(gen: AsyncGenerator<T | typeof START>): AsyncGenerator<T> {
  void gen.next();
  return gen as AsyncGenerator<T>;
}

async function* afterHeader(rest: RawRow[], source: AsyncGenerator<RawRow[]>): AsyncGenerator<RawRow[] | typeof START> {
  try {
    yield START;
    if (rest.length > 0) yield rest;
    yield* source;
  } finally {
    await source.return(undefined);
  }
}

async function* oneByOne(batches: AsyncGenerator<RawRow[]>): AsyncGenerator<RawRow | typeof START> {
  try {
    yield START;
    for await (const batch of batches) yield* batch;
  } finally {
    await batches.return(undefined);
  }
}

/** Notices to show once reading is done (sheets ignored, empty rows skipped). */
export function readNotices(report: ReadReport): string[] {
  return report.emptyRows > 0 ? [...report.notices, m.emptyRows(report.emptyRows)] : [...report.notices];
}
