import { afterAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync } from "node:fs";
import { openFrameFile } from "@/lib/frames/reader";
import type { RawRow } from "@/lib/frames/cell";
import { HEADERS, tempDir, writeText, writeXlsx } from "./files";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const ROW = ["S07", "HS001", "Nguyễn Văn An", "Cá nhân", "Số 1, Trần Phú", "0912345678", "DAT_DAI", "Đăng ký đất đai", "15/03/2025"];
const csvRow = (i: number) => ROW.map((c, j) => (j === 1 ? `HS${i}` : c.includes(",") ? `"${c}"` : c)).join(",");

async function viaBatches(path: string): Promise<{ header: string[]; rows: RawRow[]; sizes: number[] }> {
  const file = await openFrameFile(path);
  const rows: RawRow[] = [];
  const sizes: number[] = [];
  for await (const batch of file.batches) {
    sizes.push(batch.length);
    rows.push(...batch);
  }
  return { header: file.header.cells, rows, sizes };
}

async function viaRows(path: string): Promise<RawRow[]> {
  const file = await openFrameFile(path);
  const rows: RawRow[] = [];
  for await (const r of file.rows) rows.push(r);
  return rows;
}

describe("frame files read in batches", () => {
  it("a large CSV: the batches hold the rows one at a time gives, a hundred and more at once", async () => {
    const path = tmp.path("many.csv");
    writeText(path, `${HEADERS.join(",")}\n${Array.from({ length: 20_000 }, (_, i) => csvRow(i)).join("\r\n")}\n\n${csvRow(99_999)}`);
    const { header, rows, sizes } = await viaBatches(path);
    expect(header).toEqual(HEADERS);
    expect(rows).toEqual(await viaRows(path));
    expect(rows).toHaveLength(20_001);
    expect(rows.at(-1)).toEqual({ row: 20_003, cells: ROW.map((c) => (c === "HS001" ? "HS99999" : c)) });
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeGreaterThan(100);
  });

  it("an .xlsx: the same rows either way", async () => {
    const path = tmp.path("many.xlsx");
    await writeXlsx(path, [{ name: "A", rows: [HEADERS, ...Array.from({ length: 3000 }, (_, i) => ROW.map((c, j) => (j === 1 ? `HS${i}` : c))), [], ROW] }]);
    const { rows } = await viaBatches(path);
    expect(rows).toEqual(await viaRows(path));
    expect(rows).toHaveLength(3001);
    expect(rows.at(-1)?.row).toBe(3003);
  });

  it("return() on rows or batches before reading closes the file", async () => {
    const fds = "/proc/self/fd";
    if (!existsSync(fds)) return;
    const path = tmp.path("closed.csv");
    writeText(path, `${HEADERS.join(",")}\n${csvRow(1)}\n`);
    const xlsx = tmp.path("closed.xlsx");
    await writeXlsx(xlsx, [{ name: "A", rows: [HEADERS, ROW] }]);
    const before = readdirSync(fds).length;
    for (const p of [path, xlsx]) {
      const a = await openFrameFile(p);
      await a.rows.return(undefined);
      const b = await openFrameFile(p);
      await b.batches.return(undefined);
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(fds).length).toBeLessThanOrEqual(before);
  });

  it("a CSV that is not UTF-8 is reported at the right line, past the first chunk and at the very end", async () => {
    const lines = Array.from({ length: 12_000 }, (_, i) => csvRow(i));
    const late = tmp.path("late-bad.csv");
    writeText(late, Buffer.concat([Buffer.from(`${HEADERS.join(",")}\n${lines.join("\n")}\nS07,`), Buffer.from([0xc3, 0x28]), Buffer.from(",x\n")]));
    await expect(viaRows(late)).rejects.toThrow(/dòng 12\.002/);
    const cut = tmp.path("cut-end.csv");
    writeText(cut, Buffer.concat([Buffer.from(`${HEADERS.join(",")}\n${lines.slice(0, 10).join("\n")}\nS07,Nguy`), Buffer.from([0xe1, 0xbb])]));
    await expect(viaRows(cut)).rejects.toThrow(/dòng 12/);
  });
});
