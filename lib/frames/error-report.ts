import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { escapeCell } from "./spreadsheet-safety";
import type { RowProblem } from "./validate";

export const ERROR_REPORT_HEADERS = ["Dòng", "Cột", "Giá trị", "Lý do"] as const;

/**
 * Writes the problems of an import to an .xlsx (streaming: rows are committed as they
 * come, so a report of a million problems does not sit in memory). Text cells that a
 * spreadsheet would take for a formula are escaped.
 */
export async function writeErrorReport(
  target: { filename: string } | { stream: Writable },
  problems: Iterable<RowProblem> | AsyncIterable<RowProblem>,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ ...target, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet("Lỗi", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: ERROR_REPORT_HEADERS[0], key: "row", width: 8 },
    { header: ERROR_REPORT_HEADERS[1], key: "column", width: 24 },
    { header: ERROR_REPORT_HEADERS[2], key: "value", width: 32 },
    { header: ERROR_REPORT_HEADERS[3], key: "reason", width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let count = 0;
  for await (const p of problems) {
    sheet
      .addRow({ row: p.row, column: escapeCell(p.column), value: escapeCell(p.value), reason: escapeCell(p.reason) })
      .commit();
    count++;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
