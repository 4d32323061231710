import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import { escapeCell } from "@/lib/frames/spreadsheet-safety";
import { INFO_HEADERS, UNIT_COLUMNS } from "./excel-columns";

/**
 * The registry as an .xlsx (streaming writer): sheet "Đơn vị" with one row per unit (all
 * history), frozen bold header, codes as text, dates as date cells; sheet "Danh mục" with
 * the level and block codes; sheet "Hướng dẫn". The same file, edited, is what the import
 * reads, so it doubles as the import template. Text that a spreadsheet would run as a
 * formula (= + - @ tab CR at the start) is escaped with an apostrophe.
 */
export async function writeUnitsWorkbook(target: { stream: Writable } | { filename: string }): Promise<number> {
  const [units, levels, blocks] = await Promise.all([
    db().unit.findMany({
      orderBy: [{ level: { sortOrder: "asc" } }, { block: { sortOrder: "asc" } }, { code: "asc" }],
      select: {
        code: true, name: true, shortName: true, validFrom: true, validTo: true, providesPublicServices: true, address: true, note: true,
        level: { select: { code: true } }, block: { select: { code: true } }, parent: { select: { code: true } },
        predecessorLinks: { select: { predecessor: { select: { code: true } } }, orderBy: { id: "asc" } },
        successorLinks: { select: { successor: { select: { code: true } } }, orderBy: { id: "asc" } },
      },
    }),
    db().adminLevel.findMany({ orderBy: { sortOrder: "asc" } }),
    db().block.findMany({ orderBy: { sortOrder: "asc" } }),
  ]);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ ...target, useStyles: true, useSharedStrings: true });
  const sheet = workbook.addWorksheet("Đơn vị", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    ...UNIT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.date ? { numFmt: "dd/mm/yyyy" } : { numFmt: "@" } })),
    ...INFO_HEADERS.map((h, i) => ({ header: h, key: `info${i}`, width: 30, style: { numFmt: "@" } })),
  ];
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  header.commit();
  const t = (s: string | null) => (s === null ? null : escapeCell(s));
  for (const u of units) {
    sheet
      .addRow({
        code: t(u.code), name: t(u.name), shortName: t(u.shortName), level: t(u.level.code), block: t(u.block.code), parent: t(u.parent?.code ?? null),
        validFrom: u.validFrom, validTo: u.validTo, publicServices: u.providesPublicServices ? "Có" : "Không",
        address: t(u.address), note: t(u.note),
        info0: t(u.predecessorLinks.map((l) => l.predecessor.code).join(", ")), info1: t(u.successorLinks.map((l) => l.successor.code).join(", ")),
      })
      .commit();
  }
  sheet.commit();

  const codes = workbook.addWorksheet("Danh mục");
  codes.columns = [
    { header: "Loại", key: "kind", width: 10 },
    { header: "Mã", key: "code", width: 16 },
    { header: "Tên", key: "name", width: 40 },
  ];
  codes.getRow(1).font = { bold: true };
  codes.getRow(1).commit();
  for (const l of levels) codes.addRow({ kind: "Cấp", code: t(l.code), name: t(l.name) }).commit();
  for (const b of blocks) codes.addRow({ kind: "Khối", code: t(b.code), name: t(b.name) }).commit();
  codes.commit();

  const help = workbook.addWorksheet("Hướng dẫn");
  help.columns = [
    { header: "Cột", key: "header", width: 24 },
    { header: "Bắt buộc", key: "required", width: 10 },
    { header: "Hướng dẫn", key: "help", width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  help.getRow(1).commit();
  for (const c of UNIT_COLUMNS) help.addRow({ header: c.header, required: c.required ? "Có" : "Không", help: c.help }).commit();
  for (const h of INFO_HEADERS) help.addRow({ header: h, required: "Không", help: "Chỉ để xem; không được đọc khi nhập. Sáp nhập, chia tách đơn vị thực hiện trên trang Danh mục đơn vị." }).commit();
  help.commit();
  await workbook.commit();
  return units.length;
}
