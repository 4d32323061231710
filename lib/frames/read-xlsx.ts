import { basename } from "node:path";
import { createReadStream } from "node:fs";
import { Transform } from "node:stream";
import { fromExcel, isBlank, type Cell, type RawRow } from "./cell";
import { excelForReading } from "./exceljs-utf8";
import { FrameFileError, frameMessages as m } from "./messages";
import type { ReadOptions, ReadReport } from "./read-options";
import { inspectXlsx } from "./zip-guard";

/** Excel's own limit: a row number above it means a malformed or hostile sheet. */
const EXCEL_MAX_ROWS = 1_048_576;

/**
 * Streams the rows of the first worksheet of an .xlsx (after inspectXlsx has vetted the
 * zip). Yields non-empty rows with their Excel row numbers; counts empty ones.
 * Later worksheets are read through and discarded rather than abandoned: exceljs spools
 * worksheets to temporary files and deletes each one only after it has been read.
 */
export async function* readXlsxRows(path: string, opts: ReadOptions, report: ReadReport): AsyncGenerator<RawRow> {
  const file = basename(path);
  const inspection = await inspectXlsx(path, opts.zipLimits);
  report.sheetCount = inspection.sheetCount;
  let bytesRead = 0;
  const source = createReadStream(path);
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytesRead += chunk.length;
      done(null, chunk);
    },
  });
  source.on("error", (err) => counter.destroy(err));
  source.pipe(counter);
  // exceljs with the UTF-8 chunk fix (lib/frames/exceljs-utf8.ts).
  const reader = new (excelForReading()).stream.xlsx.WorkbookReader(counter, {
    sharedStrings: "cache",
    styles: "cache", // needed to tell date cells from numbers
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const maxRows = Math.min(opts.maxRows, EXCEL_MAX_ROWS);
  const progress = () => opts.onProgress?.({ bytesRead, totalBytes: report.totalBytes, rows: report.rows });
  let first = true;
  try {
    for await (const sheet of reader) {
      if (!first) {
        for await (const row of sheet) if (row.number > maxRows) throw new FrameFileError(m.tooManyRows(maxRows));
        continue;
      }
      first = false;
      report.sheetName = (sheet as unknown as { name?: string }).name ?? "Sheet1";
      let last = 0;
      for await (const row of sheet) {
        if (row.number > maxRows) throw new FrameFileError(m.tooManyRows(maxRows));
        report.emptyRows += Math.max(0, row.number - last - 1);
        last = row.number;
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(fromExcel(values[i], opts.maxCellLength));
        if (cells.every(isBlank)) {
          report.emptyRows++;
          continue;
        }
        report.rows++;
        if (report.rows % opts.progressEvery === 0) progress();
        yield { row: row.number, cells };
      }
    }
  } catch (err) {
    if (err instanceof FrameFileError) throw err;
    // The cause (exceljs's own error) is kept for the server log; the person sees the message.
    throw new FrameFileError(m.xlsxParse(file), { cause: err });
  } finally {
    source.destroy();
    counter.destroy();
  }
  if (report.sheetCount > 1) report.notices.push(m.manySheets(report.sheetCount, report.sheetName ?? "Sheet1"));
  progress();
}
