import { afterAll, describe, expect, it } from "vitest";
import { openFrameFile, readNotices } from "@/lib/frames/reader";
import { OversizedCell, type RawRow } from "@/lib/frames/cell";
import { FrameFileError } from "@/lib/frames/messages";
import { resolveColumns } from "@/lib/frames/columns";
import { validateRow } from "@/lib/frames/validate";
import { HEADERS, tempDir, writeText } from "./files";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function readAll(path: string, options = {}) {
  const file = await openFrameFile(path, options);
  const rows: RawRow[] = [];
  for await (const r of file.rows) rows.push(r);
  return { ...file, rows };
}

const ROW = "S07,HS001,Nguyễn Văn An,Cá nhân,Số 1 Trần Phú,0912345678,DAT_DAI,Đăng ký đất đai,15/03/2025";

describe("CSV reader", () => {
  it("reads UTF-8 with a BOM; the BOM does not stick to the first header", async () => {
    const path = tmp.path("bom.csv");
    writeText(path, `\uFEFF${HEADERS.join(",")}\r\n${ROW}\r\n`);
    const { header, rows, report } = await readAll(path);
    expect(header.cells).toEqual(HEADERS);
    expect(rows).toEqual([{ row: 2, cells: ROW.split(",") }]);
    expect(report).toMatchObject({ format: "csv", delimiter: ",", rows: 2, emptyRows: 0 });
  });

  it("text with combining accents equals the precomposed text after validation (NFC)", async () => {
    const path = tmp.path("nfd.csv");
    writeText(path, `${HEADERS.join(",").normalize("NFD")}\n${ROW.normalize("NFD")}\n`);
    const { header, rows } = await readAll(path);
    expect(rows[0]?.cells[2]).not.toBe("Nguyễn Văn An");
    const { columns, problems } = resolveColumns(header.cells);
    expect(problems).toEqual([]);
    const result = validateRow(rows[0]!, columns);
    expect(result.ok && result.record.name).toBe("Nguyễn Văn An");
    expect(result.ok && result.record.procedure).toBe("Đăng ký đất đai");
  });

  it("detects a semicolon delimiter, keeps quoted line breaks and counts empty rows", async () => {
    const path = tmp.path("semi.csv");
    const row = ROW.replace(/,/g, ";").replace("Số 1 Trần Phú", '"Số 1\nTrần Phú; Hải Châu"');
    writeText(path, `${HEADERS.join(";")}\n\n${row}\n;;;;\n\n${row.replace("HS001", "HS002")}\n`);
    const { rows, report } = await readAll(path);
    expect(report.delimiter).toBe(";");
    expect(rows.map((r) => r.row)).toEqual([3, 6]);
    expect(rows[0]?.cells[4]).toBe("Số 1\nTrần Phú; Hải Châu");
    expect(report.emptyRows).toBe(3);
    expect(readNotices(report)).toEqual(["Đã bỏ qua 3 dòng trống."]);
  });

  it("refuses UTF-16, with or without a BOM", async () => {
    const text = `${HEADERS.join(",")}\n${ROW}\n`;
    const withBom = tmp.path("utf16.csv");
    writeText(withBom, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    await expect(openFrameFile(withBom)).rejects.toThrow(/UTF-16/);
    const noBom = tmp.path("utf16-nobom.csv");
    writeText(noBom, Buffer.from(text, "utf16le"));
    await expect(openFrameFile(noBom)).rejects.toThrow(/UTF-16/);
  });

  it("refuses a legacy encoding (Windows-1258 bytes) with a Vietnamese message", async () => {
    const path = tmp.path("cp1258.csv");
    // "Mã" in Windows-1258 is 4D E3: not valid UTF-8.
    writeText(path, Buffer.concat([Buffer.from("M"), Buffer.from([0xe3]), Buffer.from(` đơn vị,Mã hồ sơ\nS07,HS1\n`)]));
    const err = await openFrameFile(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FrameFileError);
    expect((err as Error).message).toMatch(/không phải mã UTF-8.*CSV UTF-8/);
  });

  it("reports an invalid byte late in the file after the rows already read", async () => {
    const path = tmp.path("late.csv");
    const good = Array.from({ length: 3000 }, (_, i) => ROW.replace("HS001", `HS${i}`)).join("\n");
    writeText(path, Buffer.concat([Buffer.from(`${HEADERS.join(",")}\n${good}\n`), Buffer.from([0x53, 0x30, 0x37, 0x2c, 0xff, 0x0a])]));
    await expect(readAll(path)).rejects.toThrow(/ký tự lỗi đầu tiên ở dòng 3\.002/);
  });

  it("keeps a quote typed inside a cell, and stops at a quote never closed", async () => {
    const ok = tmp.path("inner-quote.csv");
    writeText(ok, `${HEADERS.join(",")}\n${ROW.replace("Nguyễn Văn An", 'Công ty "Ánh Dương"')}\n`);
    expect((await readAll(ok)).rows[0]?.cells[2]).toBe('Công ty "Ánh Dương"');
    const path = tmp.path("quote.csv");
    writeText(path, `${HEADERS.join(",")}\n${ROW}\nS07,"HS002,An\nS07,HS003\n`);
    await expect(readAll(path)).rejects.toThrow(/sai định dạng CSV ở dòng \d+: dấu ngoặc kép không khớp/);
  });

  it("a 10 MB cell becomes a marker; validation reports its row and column", async () => {
    const path = tmp.path("big-cell.csv");
    const big = "x".repeat(10 * 1024 * 1024);
    writeText(path, `${HEADERS.join(",")}\n${ROW}\n${ROW.replace("Số 1 Trần Phú", big)}\n`);
    const { header, rows } = await readAll(path);
    const cell = rows[1]?.cells[4];
    expect(cell).toBeInstanceOf(OversizedCell);
    expect((cell as OversizedCell).length).toBe(big.length);
    const { columns } = resolveColumns(header.cells);
    const result = validateRow(rows[1]!, columns);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual([
        { row: 3, column: "Địa chỉ", value: `${"x".repeat(50)}…`, reason: expect.stringMatching(/^Ô dài 10\.485\.760 ký tự, vượt giới hạn 2\.000/) },
      ]);
    }
  });

  it("reports progress and refuses files with too many rows", async () => {
    const path = tmp.path("many.csv");
    writeText(path, `${HEADERS.join(",")}\n${Array.from({ length: 25 }, () => ROW).join("\n")}\n`);
    const seen: number[] = [];
    await readAll(path, { progressEvery: 10, onProgress: (p: { rows: number }) => seen.push(p.rows) });
    expect(seen).toEqual([10, 20, 26]);
    await expect(readAll(path, { maxRows: 20 })).rejects.toThrow(/quá nhiều dòng/);
  });

  it("refuses an empty file and unknown extensions", async () => {
    const empty = tmp.path("empty.csv");
    writeText(empty, "\n\n");
    await expect(openFrameFile(empty)).rejects.toThrow(/không có dữ liệu/);
    const odt = tmp.path("list.ods");
    writeText(odt, "x");
    await expect(openFrameFile(odt)).rejects.toThrow(/chỉ nhận tệp Excel \.xlsx hoặc tệp \.csv/);
  });
});
