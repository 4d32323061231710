import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateIndexInput } from "@/bench/generate-open-data";
import { csvLine, parseCsvText } from "@/lib/open-data/csv";
import { formatIssue } from "@/lib/open-data/issues";
import type { OpenDataFiles } from "@/lib/open-data/read";
import { parseOpenData, readOpenDataFolder } from "@/lib/open-data/read";
import { serializeOpenData, writeOpenDataFolder } from "@/lib/open-data/write";
import { BUILTIN_TEMPLATES } from "@/lib/sipas/templates";

const enc = new TextEncoder();
const toFiles = (texts: Record<string, string>): OpenDataFiles => ({
  "questionnaire.json": texts["questionnaire.json"] === undefined ? null : enc.encode(texts["questionnaire.json"]),
  "units.csv": texts["units.csv"] === undefined ? null : enc.encode(texts["units.csv"]),
  "strata.csv": texts["strata.csv"] === undefined ? null : enc.encode(texts["strata.csv"]),
  "responses.csv": texts["responses.csv"] === undefined ? null : enc.encode(texts["responses.csv"]),
});

describe("CSV (RFC 4180)", () => {
  const cell = fc.oneof(fc.string(), fc.constantFrom("", '"', ",", "\r\n", "=1+2", "-3", "@x", "\tTab", "\rCR", "Hòa Bình, \"Đất đai\""));
  it("what we write, csv-parse and our parser read back identically", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const width = rows[0]?.length ?? 2;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "x"));
        const text = table.map(csvLine).join("");
        const ours = parseCsvText(text);
        expect("rows" in ours && ours.rows).toEqual(parse(text, { relax_column_count: true, skip_empty_lines: true }));
        // Values are never mangled: a leading = + - @ tab or CR survives as is.
        if ("rows" in ours) expect(ours.rows).toEqual(table.filter((r) => !(r.length === 1 && r[0] === "")));
      }),
      { numRuns: 300 },
    );
  });

  it("reports malformed quoting with the line", () => {
    expect(parseCsvText('a,b\r\n1,"x\r\n')).toEqual({ error: { line: 2, reason: "dấu ngoặc kép mở nhưng không được đóng" } });
    expect(parseCsvText('a,b\n1,2\n3,"4"5\n')).toMatchObject({ error: { line: 3 } });
    expect(parseCsvText("a,b\n1,2\"\n")).toMatchObject({ error: { line: 2 } });
  });
});

describe("open-data folder", () => {
  it("round trip: write then read gives the same engine input", async () => {
    const input = generateIndexInput({ forms: 600, strata: 12, seed: 3 });
    input.forms.texts[0]![1] = '=SUM(A1) "trích dẫn", dòng\r\nhai';
    input.forms.texts[0]![2] = "+84 901 234 567 @ Sở";
    const dir = await mkdtemp(path.join(os.tmpdir(), "sipas-od-"));
    try {
      await writeOpenDataFolder(dir, input);
      const read = await readOpenDataFolder(dir);
      if (!read.ok) throw new Error(read.issues.map(formatIssue).join("\n"));
      expect(read.input.units).toEqual(input.units);
      expect(read.input.strata).toEqual(input.strata);
      expect(read.input.questionnaire).toEqual(input.questionnaire);
      expect(read.input.forms).toEqual(input.forms);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reports every bad cell with file, line, column and a Vietnamese reason, and returns no data", () => {
    const good = serializeOpenData(generateIndexInput({ forms: 40, strata: 2, seed: 5 }));
    const lines = (good["responses.csv"] ?? "").split("\r\n");
    const header = (lines[0] ?? "").split(",");
    const col = (name: string) => header.indexOf(name);
    const row2 = (lines[1] ?? "").split(",");
    row2[col("TC1.1")] = "6";
    row2[col("MD1")] = "1;2;3;4";
    row2[col("unit_code")] = "KHONG_CO";
    const row3 = (lines[2] ?? "").split(",");
    row3[col("NĐ2")] = "X";
    row3[col("form_code")] = (lines[1] ?? "").split(",")[0] ?? "";
    const responses = [lines[0], row2.join(","), row3.join(","), ...lines.slice(3)].join("\r\n");
    const strata = (good["strata.csv"] ?? "").replace(/,\d+\r\n$/, ",abc\r\n");
    const r = parseOpenData(toFiles({ ...good, "responses.csv": responses, "strata.csv": strata }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.issues.map(formatIssue);
    expect(text).toContain('responses.csv, dòng 2, cột TC1.1: "6" không hợp lệ: chỉ được để trống, ghi 1–5, M (đánh nhiều ô) hoặc U (không đọc được)');
    expect(text.some((t) => t.startsWith("responses.csv, dòng 2, cột MD1: chọn 4 phương án, quá mức tối đa 3"))).toBe(true);
    expect(text.some((t) => t.startsWith('responses.csv, dòng 2, cột unit_code: "KHONG_CO" không khớp'))).toBe(true);
    expect(text.some((t) => t.startsWith('responses.csv, dòng 3, cột NĐ2: "X" không phải mã phương án (C, K)'))).toBe(true);
    expect(text.some((t) => t.startsWith("responses.csv, dòng 3, cột form_code: Mã phiếu") && t.endsWith("trùng với dòng 2"))).toBe(true);
    expect(text.some((t) => t.startsWith("strata.csv, dòng 3, cột population:"))).toBe(true);
  });

  it("reports missing files, bad headers and a broken questionnaire", () => {
    const good = serializeOpenData(generateIndexInput({ forms: 10, strata: 1, seed: 1 }));
    const r = parseOpenData(
      toFiles({
        "questionnaire.json": JSON.stringify({ ...BUILTIN_TEMPLATES.short, elements: [] }),
        "units.csv": "unit_code,ten,level,block\r\nX,Y,Z,W\r\n",
        "strata.csv": good["strata.csv"] ?? "",
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.issues.map(formatIssue);
    expect(text).toContain("responses.csv: Thiếu tệp trong thư mục");
    expect(text).toContain("units.csv, dòng 1, cột ten: Cột không thuộc định dạng");
    expect(text).toContain("units.csv, dòng 1, cột unit_name: Thiếu cột");
    expect(text.some((t) => t.startsWith("questionnaire.json: ") && t.includes("không có trong phiếu"))).toBe(true);
  });

  it("more forms than the population in a stratum is an error", () => {
    const input = generateIndexInput({ forms: 30, strata: 1, seed: 2 });
    input.strata[0]!.population = 29;
    const r = parseOpenData(toFiles(serializeOpenData(input)));
    expect(!r.ok && r.issues.map(formatIssue)).toContain(
      `strata.csv, dòng 2, cột population: Tầng "${input.strata[0]!.code}" có 30 phiếu trong responses.csv, nhiều hơn quy mô tổng thể 29`,
    );
  });
});
