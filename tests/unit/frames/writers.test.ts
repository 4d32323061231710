import { afterAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { writeErrorReport } from "@/lib/frames/error-report";
import { writeTemplate } from "@/lib/frames/template";
import { escapeCell } from "@/lib/frames/spreadsheet-safety";
import { openFrameFile } from "@/lib/frames/reader";
import { resolveColumns } from "@/lib/frames/columns";
import { validateRow } from "@/lib/frames/validate";
import type { RawRow } from "@/lib/frames/cell";
import { HEADERS, tempDir } from "./files";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe("escapeCell", () => {
  it.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+84912", "'+84912"],
    ["-1", "'-1"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["Nguyễn", "Nguyễn"],
    ["a=b", "a=b"],
    ["", ""],
  ])("%j → %j", (input, output) => expect(escapeCell(input)).toBe(output));
});

describe("writeErrorReport", () => {
  it("writes Dòng, Cột, Giá trị, Lý do with formula-like text escaped", async () => {
    const path = tmp.path("errors.xlsx");
    const count = await writeErrorReport({ filename: path }, [
      { row: 3, column: "Mã hồ sơ", value: "=HYPERLINK(\"http://x\")", reason: "Bắt buộc nhập." },
      { row: 4, column: "@Cột lạ", value: "-12", reason: "Lý do" },
    ]);
    expect(count).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("Lỗi");
    const values = [1, 2, 3].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    expect(values).toEqual([
      ["Dòng", "Cột", "Giá trị", "Lý do"],
      [3, "Mã hồ sơ", "'=HYPERLINK(\"http://x\")", "Bắt buộc nhập."],
      [4, "'@Cột lạ", "'-12", "Lý do"],
    ]);
  });

  it("streams from an async source", async () => {
    async function* many() {
      for (let i = 0; i < 5000; i++) yield { row: i + 2, column: "Loại", value: "x", reason: "Chỉ nhận “Cá nhân” hoặc “Tổ chức”." };
    }
    expect(await writeErrorReport({ filename: tmp.path("many.xlsx") }, many())).toBe(5000);
  });
});

describe("writeTemplate", () => {
  it("has the header row, a valid sample row, widths, and an explanation sheet", async () => {
    const path = tmp.path("template.xlsx");
    await writeTemplate({ filename: path });
    const file = await openFrameFile(path);
    expect(file.header.cells).toEqual(HEADERS);
    const rows: RawRow[] = [];
    for await (const r of file.rows) rows.push(r);
    expect(rows).toHaveLength(1);
    const result = validateRow(rows[0]!, resolveColumns(file.header.cells).columns);
    expect(result).toMatchObject({ ok: true, record: { unitCode: "S07", kind: "individual", phone: "0912345678", resultDate: "2025-03-15" } });
    expect(file.report.notices[0]).toMatch(/2 trang tính/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Danh sách", "Hướng dẫn"]);
    expect(wb.worksheets[0]!.getColumn(3).width).toBe(30);
    const help = wb.worksheets[1]!;
    expect(help.getRow(2).getCell(1).value).toBe("Mã đơn vị");
    expect(String(help.getRow(7).getCell(4).value)).toMatch(/Văn bản để Excel không bỏ số 0/);
  });
});
