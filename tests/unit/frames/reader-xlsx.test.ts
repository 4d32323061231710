import { afterAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { openFrameFile, readNotices } from "@/lib/frames/reader";
import { OversizedCell, type RawRow } from "@/lib/frames/cell";
import { FrameFileError } from "@/lib/frames/messages";
import { resolveColumns } from "@/lib/frames/columns";
import { validateRow } from "@/lib/frames/validate";
import { DEFAULT_ZIP_LIMITS, inspectXlsx } from "@/lib/frames/zip-guard";
import { HEADERS, inlineSheet, makeZip, tempDir, writeText, writeXlsx, xlsxParts } from "./files";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function readAll(path: string) {
  const file = await openFrameFile(path);
  const rows: RawRow[] = [];
  for await (const r of file.rows) rows.push(r);
  return { ...file, rows };
}

const date = new Date(Date.UTC(2025, 2, 15));
const row = (code: string): (string | Date | number)[] => [
  "S07", code, "Nguyễn Văn An", "Cá nhân", "Số 1 Trần Phú", "0912345678", "DAT_DAI", "Đăng ký đất đai", date,
];

describe("xlsx reader", () => {
  it("reads the first sheet with Excel row numbers, date cells as dates, and says it ignored the others", async () => {
    const path = tmp.path("two-sheets.xlsx");
    await writeXlsx(path, [
      { name: "Danh sách", rows: [HEADERS, row("HS001"), [], [], row("HS002")] },
      { name: "Ghi chú", rows: [["không đọc"]] },
    ]);
    const { header, rows, report } = await readAll(path);
    expect(header).toEqual({ row: 1, cells: HEADERS });
    expect(rows.map((r) => r.row)).toEqual([2, 5]);
    expect(rows[0]?.cells[8]).toEqual(date);
    expect(report).toMatchObject({ sheetCount: 2, sheetName: "Danh sách", emptyRows: 2 });
    expect(readNotices(report)).toEqual([
      "Tệp có 2 trang tính; chỉ đọc trang tính đầu tiên “Danh sách”, các trang khác được bỏ qua.",
      "Đã bỏ qua 2 dòng trống.",
    ]);
    const { columns } = resolveColumns(header.cells);
    const result = validateRow(rows[0]!, columns);
    expect(result.ok && result.record.resultDate).toBe("2025-03-15");
  });

  it("a number cell in the date column is read as an Excel serial date", async () => {
    const path = tmp.path("serial.xlsx");
    const r = row("HS001");
    r[8] = 45731; // 15/03/2025
    await writeXlsx(path, [{ name: "A", rows: [HEADERS, r] }]);
    const { header, rows } = await readAll(path);
    expect(rows[0]?.cells[8]).toBe(45731);
    const result = validateRow(rows[0]!, resolveColumns(header.cells).columns);
    expect(result.ok && result.record.resultDate).toBe("2025-03-15");
  });

  it("a 10 MB cell becomes a marker and is reported with its row and column", async () => {
    const path = tmp.path("big.xlsx");
    const r = row("HS001");
    // Random text: a repeated character would (rightly) be refused as a zip bomb.
    r[2] = randomBytes(7.5 * 1024 * 1024).toString("base64");
    await writeXlsx(path, [{ name: "A", rows: [HEADERS, row("HS000"), r] }]);
    const { header, rows } = await readAll(path);
    expect(rows[1]?.cells[2]).toBeInstanceOf(OversizedCell);
    const result = validateRow(rows[1]!, resolveColumns(header.cells).columns);
    expect(!result.ok && result.problems.map((p) => [p.row, p.column])).toEqual([[3, "Họ tên / Tên tổ chức"]]);
  });

  it("refuses a text file renamed .xlsx, a random binary, and an old .xls", async () => {
    const text = tmp.path("text.xlsx");
    writeText(text, "Mã đơn vị,Mã hồ sơ\nS07,HS1\n");
    await expect(openFrameFile(text)).rejects.toThrow(/không phải tệp Excel \.xlsx hợp lệ/);
    const binary = tmp.path("random.xlsx");
    writeText(binary, randomBytes(4096));
    await expect(openFrameFile(binary)).rejects.toThrow(FrameFileError);
    const xls = tmp.path("old.xlsx");
    writeText(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(512)]));
    await expect(openFrameFile(xls)).rejects.toThrow(/Excel 97–2003/);
  });

  it("refuses a truncated (corrupt) zip and a zip without a workbook", async () => {
    const good = tmp.path("good.xlsx");
    await writeXlsx(good, [{ name: "A", rows: [HEADERS, row("HS001")] }]);
    const bytes = readFileSync(good);
    const cut = tmp.path("cut.xlsx");
    writeText(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(openFrameFile(cut)).rejects.toThrow(/bị hỏng/);
    const zip = tmp.path("not-excel.xlsx");
    writeText(zip, makeZip([{ name: "readme.txt", data: Buffer.from("xin chào") }]));
    await expect(openFrameFile(zip)).rejects.toThrow(/không chứa bảng tính Excel/);
  });

  it("reads a minimal hand-made xlsx (the helper used for hostile files below)", async () => {
    const path = tmp.path("hand.xlsx");
    writeText(path, makeZip(xlsxParts(inlineSheet([HEADERS, ["S07", "HS1"]]))));
    const { header, rows } = await readAll(path);
    expect(header.cells).toEqual(HEADERS);
    expect(rows[0]?.cells).toEqual(["S07", "HS1"]);
  });
});

describe("zip bomb guard", () => {
  it("refuses an entry that inflates more than 200 times (50 MB of one character)", async () => {
    const path = tmp.path("bomb.xlsx");
    const parts = xlsxParts(inlineSheet([HEADERS]));
    parts.push({ name: "xl/sharedStrings.xml", data: Buffer.alloc(50 * 1024 * 1024, 0x20) });
    writeText(path, makeZip(parts));
    await expect(openFrameFile(path)).rejects.toThrow(/nén gấp [\d.]+ lần, giới hạn 200 lần/);
  });

  it("refuses a declared total above 2 GB before inflating anything", async () => {
    const path = tmp.path("declared.xlsx");
    const parts = xlsxParts(inlineSheet([HEADERS]));
    parts.push({ name: "xl/media/a.bin", data: randomBytes(1000), declaredSize: 2_100_000_000 }, { name: "xl/media/b.bin", data: randomBytes(1000), declaredSize: 100_000_000 });
    writeText(path, makeZip(parts));
    // The ratio rule alone would refuse this file; switch it off to see the total rule.
    await expect(inspectXlsx(path, { ...DEFAULT_ZIP_LIMITS, maxRatio: Infinity })).rejects.toThrow(
      /sau giải nén [\d.]+ MB, giới hạn 2\.048 MB/,
    );
    await expect(inspectXlsx(path)).rejects.toThrow(/nén gấp/);
  });

  it("refuses an entry whose real size exceeds the declared one (a lying header)", async () => {
    const path = tmp.path("liar.xlsx");
    const parts = xlsxParts(inlineSheet([HEADERS]));
    parts.push({ name: "xl/sharedStrings.xml", data: Buffer.alloc(5 * 1024 * 1024, 0x41), declaredSize: 1000 });
    writeText(path, makeZip(parts));
    await expect(openFrameFile(path)).rejects.toThrow(/kích thước thật của xl\/sharedStrings\.xml khác kích thước khai báo/);
  });

  it("refuses bytes hidden between entries (a sequential reader would see them)", async () => {
    const path = tmp.path("hidden.xlsx");
    const hidden = makeZip([{ name: "xl/worksheets/sheet1.xml", data: Buffer.from(inlineSheet([["x"]])) }]).subarray(0, 200);
    writeText(path, makeZip(xlsxParts(inlineSheet([HEADERS])), { gapAfterFirst: hidden }));
    await expect(openFrameFile(path)).rejects.toThrow(/không liền mạch/);
  });
});
