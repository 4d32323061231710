import { describe, expect, it } from "vitest";
import { resolveUnitHeader, UNIT_COLUMNS, unescapeCell } from "@/lib/units/excel-columns";
import { escapeCell } from "@/lib/frames/spreadsheet-safety";
import { validateUnitRows, type ImportContext } from "@/lib/units/import-rows";
import { foldSearch, matchesQuery } from "@/lib/units/search";
import { ZCreateUnit, ZMerge, ZSplit } from "@/lib/units/schemas";
import { addDays } from "@/lib/units/days";

describe("accent-insensitive search", () => {
  it("folds diacritics, đ, case and spaces", () => {
    expect(foldSearch("  UBND  Phường Đông   Hưng ")).toBe("ubnd phuong dong hung");
  });
  it("matches text typed with combining accents against precomposed text", () => {
    const combining = "Phu\u0301 La\u0302m"; // "Phú Lâm" typed with combining marks
    expect(matchesQuery({ code: "X012", name: "UBND phường Phú Lâm" }, combining)).toBe(true);
    expect(matchesQuery({ code: "X012", name: "UBND phường Phú Lâm" }, "phu lam")).toBe(true);
    expect(matchesQuery({ code: "X012", name: "UBND phường Phú Lâm" }, "x012")).toBe(true);
    expect(matchesQuery({ code: "X012", name: "UBND phường Phú Lâm" }, "phu son")).toBe(false);
  });
});

describe("unit schemas", () => {
  const unit = { code: " x061 ", name: "UBND  xã   Mới", levelId: "1", blockId: "2", parentId: "", validFrom: "2026-01-01", validTo: "" };
  it("raises codes to upper case and tidies names; empty optional fields become null", () => {
    const u = ZCreateUnit.parse(unit);
    expect(u).toMatchObject({ code: "X061", name: "UBND xã Mới", parentId: null, validTo: null, noPublicServices: false, address: null });
  });
  it("refuses codes with / or | or spaces, and an end before the start", () => {
    expect(ZCreateUnit.safeParse({ ...unit, code: "S07/DAT" }).success).toBe(false);
    expect(ZCreateUnit.safeParse({ ...unit, code: "A B" }).success).toBe(false);
    const r = ZCreateUnit.safeParse({ ...unit, validTo: "2025-12-31" });
    expect(!r.success && r.error.issues[0]!.path).toEqual(["validTo"]);
  });
  it("a merge needs two distinct units and a legal basis", () => {
    const r = ZMerge.safeParse({ predecessorIds: ["5"], effectiveDate: "2026-01-01", legalBasis: "NQ", target: "new", successor: {} });
    expect(r.success).toBe(false);
    const paths = r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["predecessorIds", "legalBasis", "successor.code", "successor.name"]));
  });
  it("a split's shares are all given or none, and sum to 1", () => {
    const s = (shares: string[]) => ({
      predecessorId: 1, effectiveDate: "2026-01-01", legalBasis: "Quyết định số 1/QĐ",
      successors: shares.map((share, i) => ({ code: `N${i}`, name: `Đơn vị ${i}`, levelId: 1, blockId: 1, share })),
    });
    expect(ZSplit.safeParse(s(["0.6", "0.4"])).success).toBe(true);
    expect(ZSplit.safeParse(s(["", ""])).success).toBe(true);
    expect(ZSplit.safeParse(s(["0.6", ""])).success).toBe(false);
    const r = ZSplit.safeParse(s(["0.6", "0.6"]));
    expect(!r.success && r.error.issues[0]!.message).toBe("Tổng tỷ lệ phải bằng 1 (hiện là 1,2).");
    expect(ZSplit.safeParse(s(["1"])).success).toBe(false);
  });
  it("computes the day before an effective date across months and leap years", () => {
    expect(addDays("2025-07-01", -1)).toBe("2025-06-30");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });
});

describe("registry import: header and rows", () => {
  const headers = UNIT_COLUMNS.map((c) => c.header);
  const ctx: ImportContext = {
    levels: new Map([
      ["TINH", { name: "Cấp tỉnh", validFrom: "1976-01-01", validTo: null }],
      ["HUYEN", { name: "Cấp huyện", validFrom: "1976-01-01", validTo: "2025-06-30" }],
      ["XA", { name: "Cấp xã", validFrom: "1976-01-01", validTo: null }],
    ]),
    blocks: new Set(["SO_NGANH", "UBND_XA"]),
    existing: new Map([["STP", null], ["H01", null]]),
  };
  const row = (n: number, cells: (string | number | Date | null)[]) => ({ row: n, cells });

  it("finds columns whatever the case, spacing and accents; names missing ones", () => {
    const h = resolveUnitHeader(["ma don vi", "TÊN ĐƠN VỊ", "Mã cấp", "Khác"]);
    expect(h.index).toMatchObject({ code: 0, name: 1, level: 2 });
    expect(h.missing).toEqual(["Mã khối", "Hiệu lực từ"]);
    expect(h.ignored).toEqual(["Khác"]);
  });

  it("reports every problem with row, column, value and reason", () => {
    const h = resolveUnitHeader(headers);
    const { rows, problems } = validateUnitRows(
      [
        row(2, ["X100", "UBND xã Một", null, "XA", "UBND_XA", "H01", "01/07/2025", null, "Có", null, null]),
        row(3, ["x/1", "", null, "QUAN", "UBND_XA", null, "31/02/2025", null, "có lẽ", null, null]),
        row(4, ["X100", "UBND xã Trùng", null, "XA", "UBND_XA", "KHONGCO", new Date(Date.UTC(2025, 6, 1)), null, null, null, null]),
        row(5, ["H09", "UBND huyện Mới", null, "HUYEN", "UBND_XA", null, "01/01/2020", null, "Không", null, null]),
      ],
      h.index,
      ctx,
    );
    expect(rows.map((r) => r.code)).toEqual(["X100"]);
    const at = (r: number) => problems.filter((p) => p.row === r).map((p) => `${p.column}: ${p.reason}`);
    expect(at(3)).toEqual([
      "Mã đơn vị: Mã chỉ gồm chữ in hoa không dấu, số, dấu chấm, gạch dưới, gạch nối (tối đa 32 ký tự), bắt đầu bằng chữ hoặc số.",
      "Tên đơn vị: Bắt buộc nhập.",
      "Mã cấp: Không có cấp mã này. Các mã cấp: TINH, HUYEN, XA.",
      "Hiệu lực từ: Ngày không hợp lệ: hãy ghi dạng ngày/tháng/năm, ví dụ 01/07/2025.",
      "Cung cấp dịch vụ công: Chỉ nhận “Có” hoặc “Không”.",
    ]);
    expect(at(4)).toEqual(["Mã đơn vị: Mã đơn vị trùng với dòng 2."]);
    expect(at(5)[0]).toMatch(/^Hiệu lực đến: Cấp huyện chỉ có hiệu lực từ 01\/01\/1976 đến 30\/06\/2025/);
    expect(problems.find((p) => p.row === 3 && p.column === "Mã cấp")?.value).toBe("QUAN");
  });

  it("accepts parents from the file itself and refuses loops", () => {
    const h = resolveUnitHeader(headers);
    const ok = validateUnitRows(
      [row(2, ["A1", "Cha", null, "TINH", "SO_NGANH", null, "01/01/2020"]), row(3, ["A2", "Con", null, "TINH", "SO_NGANH", "A1", "01/01/2020"])],
      h.index,
      ctx,
    );
    expect(ok.problems).toEqual([]);
    const loop = validateUnitRows(
      [row(2, ["A1", "Một", null, "TINH", "SO_NGANH", "A2", "01/01/2020"]), row(3, ["A2", "Hai", null, "TINH", "SO_NGANH", "A1", "01/01/2020"])],
      h.index,
      ctx,
    );
    expect(loop.problems[0]!.reason).toMatch(/vòng lặp \(A1 → A2 → A1\)/);
  });

  it("undoes the export's formula escaping, so a round trip keeps the text", () => {
    for (const s of ["=SUM(A1)", "+84", "-1", "@x", "\tTab", "thường"]) expect(unescapeCell(escapeCell(s))).toBe(s);
  });
});
