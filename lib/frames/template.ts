import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { COLUMNS } from "./columns";

/**
 * The frame template: sheet "Danh sách" with the header row and one example row (the
 * phone and code columns formatted as text so Excel keeps leading zeros), and sheet
 * "Hướng dẫn" explaining each column.
 */
export async function writeTemplate(target: { filename: string } | { stream: Writable }): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ ...target, useStyles: true, useSharedStrings: true });
  const list = workbook.addWorksheet("Danh sách", { views: [{ state: "frozen", ySplit: 1 }] });
  list.columns = COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: c.key === "resultDate" ? { numFmt: "dd/mm/yyyy" } : { numFmt: "@" },
  }));
  const header = list.getRow(1);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  header.commit();
  // The example date as a real date cell, so the column shows how Excel dates are read.
  const example = COLUMNS.map((c) => [c.key, c.key === "resultDate" ? new Date(Date.UTC(2025, 2, 15)) : c.example]);
  list.addRow(Object.fromEntries(example)).commit();
  list.commit();

  const help = workbook.addWorksheet("Hướng dẫn");
  help.columns = [
    { header: "Cột", key: "header", width: 24 },
    { header: "Bắt buộc", key: "required", width: 12 },
    { header: "Ví dụ", key: "example", width: 34 },
    { header: "Hướng dẫn", key: "help", width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  help.getRow(1).commit();
  for (const c of COLUMNS) {
    const required = c.required ? "Có" : c.key === "address" ? "Có, nếu không có số điện thoại" : "Không";
    const row = help.addRow({ header: c.header, required, example: c.example, help: c.help });
    row.alignment = { wrapText: true, vertical: "top" };
    row.commit();
  }
  help.addRow({}).commit();
  const note = help.addRow({
      header: "Lưu ý",
      help:
        "Mỗi dòng là một hồ sơ đã trả kết quả trong khoảng thời gian khảo sát. Giữ nguyên dòng tiêu đề; " +
        "xóa dòng ví dụ trước khi tải lên. Tệp .xlsx chỉ đọc trang tính đầu tiên; tệp .csv phải lưu mã UTF-8.",
  });
  note.alignment = { wrapText: true, vertical: "top" };
  note.commit();
  help.commit();
  await workbook.commit();
}
