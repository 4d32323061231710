import { basename, extname } from "node:path";
import { open, stat } from "node:fs/promises";
import { cellText, type RawRow } from "./cell";
import { FrameFileError, frameMessages as m } from "./messages";
import { readCsvRows } from "./read-csv";
import { DEFAULT_READ_OPTIONS, type ReadOptions, type ReadReport } from "./read-options";
import { readXlsxRows } from "./read-xlsx";

export type FrameFile = {
  /** The first non-empty row, as text. */
  header: { row: number; cells: string[] };
  /** The data rows after the header: iterate once. */
  rows: AsyncGenerator<RawRow>;
  /** Filled in while `rows` is read; complete once it is exhausted. */
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
 * content) for streaming: nothing but the current row and the reader's buffers is held in
 * memory. Throws FrameFileError, with a Vietnamese message, when the file as a whole
 * cannot be read.
 */
export async function openFrameFile(path: string, options: Partial<ReadOptions> = {}): Promise<FrameFile> {
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
  let rows: AsyncGenerator<RawRow>;
  if (ext === ".xlsx" || ext === ".xlsm") {
    if (head.subarray(0, 4).equals(OLE2)) throw new FrameFileError(m.oldXls(file));
    if (!head.subarray(0, 4).equals(ZIP)) throw new FrameFileError(m.notXlsx(file));
    rows = readXlsxRows(path, opts, report);
  } else if (ext === ".xls") {
    throw new FrameFileError(head.subarray(0, 4).equals(OLE2) ? m.oldXls(file) : m.notXlsx(file));
  } else if (ext === ".csv" || ext === ".txt") {
    rows = readCsvRows(path, opts, report);
  } else {
    throw new FrameFileError(m.unsupportedFormat(file));
  }
  const first = await rows.next();
  if (first.done) throw new FrameFileError(m.noHeader(file));
  const header = { row: first.value.row, cells: first.value.cells.map((c) => cellText(c).normalize("NFC").trim()) };
  return { header, rows, report };
}

/** Notices to show once reading is done (sheets ignored, empty rows skipped). */
export function readNotices(report: ReadReport): string[] {
  return report.emptyRows > 0 ? [...report.notices, m.emptyRows(report.emptyRows)] : [...report.notices];
}
