import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { resolveColumns } from "@/lib/frames/columns";
import { parseDateCell } from "@/lib/frames/dates";
import { ZFrameRecord } from "@/lib/frames/schemas";
import { DossierCodeTracker, validateRow, type ValidationContext } from "@/lib/frames/validate";
import type { Cell } from "@/lib/frames/cell";
import { HEADERS } from "./files";

const { columns } = resolveColumns(HEADERS);
const base: Cell[] = ["S07", "HS001", "Nguyễn Văn An", "Cá nhân", "Số 1 Trần Phú", "0912345678", "DAT_DAI", "Đăng ký đất đai", "15/03/2025"];
const ctx: ValidationContext = {
  unitCodes: new Set(["S07", "S08"]),
  fieldCodes: new Set(["DAT_DAI", "HO_TICH"]),
  window: { start: "2025-01-01", end: "2025-08-31" },
};
const at = (i: number, v: Cell) => base.map((c, j) => (j === i ? v : c));
const check = (cells: Cell[], c: ValidationContext = ctx) => validateRow({ row: 7, cells }, columns, c);
const reasons = (cells: Cell[], c: ValidationContext = ctx) => {
  const r = check(cells, c);
  return r.ok ? [] : r.problems.map((p) => `${p.column}: ${p.reason}`);
};

describe("validateRow", () => {
  it("returns the clean record (NFC, trimmed, whitespace collapsed, phone normalised)", () => {
    const r = check(["  S07 ", "HS001", "Nguye\u0302\u0303n   Văn\tAn", "CÁ NHÂN", "Số 1\nTrần Phú", "+84 912 345 678", "", "", "1/3/2025"]);
    expect(r).toEqual({
      ok: true,
      record: {
        unitCode: "S07", dossierCode: "HS001", name: "Nguyễn Văn An", kind: "individual", address: "Số 1 Trần Phú",
        phone: "0912345678", fieldCode: null, procedure: null, resultDate: "2025-03-01",
      },
    });
    expect(r.ok && ZFrameRecord.safeParse(r.record).success).toBe(true);
  });

  it.each([
    ["Cá nhân", "individual"], ["ca nhan", "individual"], ["CN", "individual"], ["cá  nhân", "individual"],
    ["Tổ chức", "organisation"], ["TO CHUC", "organisation"], ["tc", "organisation"],
  ])("Loại %j → %s", (kind, expected) => {
    const r = check(at(3, kind));
    expect(r.ok && r.record.kind).toBe(expected);
  });

  it("reports every problem of a row with its header, value and a Vietnamese reason", () => {
    const r = check(["S99", "", "Nguyễn Văn An", "Hộ gia đình", "", "12345", "XAY_DUNG", "", "31/02/2025"]);
    expect(r).toEqual({
      ok: false,
      problems: [
        { row: 7, column: "Mã đơn vị", value: "S99", reason: "Mã đơn vị không thuộc kế hoạch khảo sát này." },
        { row: 7, column: "Mã hồ sơ", value: "", reason: "Bắt buộc nhập." },
        { row: 7, column: "Loại", value: "Hộ gia đình", reason: "Chỉ nhận “Cá nhân” hoặc “Tổ chức”." },
        { row: 7, column: "Số điện thoại", value: "12345", reason: expect.stringMatching(/^Số điện thoại không hợp lệ/) },
        { row: 7, column: "Mã lĩnh vực", value: "XAY_DUNG", reason: "Mã lĩnh vực không có trong danh mục lĩnh vực." },
        { row: 7, column: "Ngày trả kết quả", value: "31/02/2025", reason: expect.stringMatching(/^Ngày không hợp lệ/) },
      ],
    });
  });

  it("checks the transaction window, inclusive, and shows it as dd/mm/yyyy", () => {
    expect(reasons(at(8, "31/08/2025"))).toEqual([]);
    expect(reasons(at(8, "01/01/2025"))).toEqual([]);
    expect(reasons(at(8, "01/09/2025"))).toEqual([
      "Ngày trả kết quả: Ngày trả kết quả nằm ngoài khoảng thời gian khảo sát 01/01/2025 – 31/08/2025.",
    ]);
  });

  it("without a plan context checks structure only", () => {
    expect(reasons(at(0, "S99"), {})).toEqual([]);
    expect(reasons(at(8, "01/09/2030"), {})).toEqual([]);
  });

  it("needs an address or a phone", () => {
    expect(reasons(at(4, null))).toEqual([]);
    expect(reasons(at(5, null))).toEqual([]);
    expect(reasons(at(5, null).map((c, j) => (j === 4 ? "  " : c)))).toEqual([
      "Địa chỉ: Cần có địa chỉ hoặc số điện thoại để gửi phiếu.",
    ]);
  });

  it("explains phones that lost their leading zero in Excel, or hold two numbers", () => {
    expect(reasons(at(5, 912345678))).toEqual([expect.stringMatching(/thiếu số 0 ở đầu/)]);
    expect(reasons(at(5, "0912345678 - 0987654321"))).toEqual([expect.stringMatching(/Chỉ ghi một số điện thoại/)]);
    expect(reasons(at(5, "(0236) 3812 345"))).toEqual([]);
  });

  it("refuses / and | in codes (they separate stratum and key parts)", () => {
    expect(reasons(at(0, "S07/A"))).toEqual([expect.stringMatching(/^Mã đơn vị: Mã không được chứa ký tự/)]);
    expect(reasons(at(6, "DAT|DAI"))).toEqual([expect.stringMatching(/^Mã lĩnh vực: Mã không được chứa/)]);
  });

  it("truncates long values for display", () => {
    const r = check(at(3, "x".repeat(100)));
    expect(!r.ok && r.problems[0]?.value).toBe(`${"x".repeat(60)}…`);
  });

  it("property: any row either yields a record that satisfies ZFrameRecord or problems on that row", () => {
    const cell = fc.oneof(fc.string({ maxLength: 30 }), fc.constant(null), fc.integer(), fc.constantFrom("S07", "HS1", "Tổ chức", "15/03/2025", "0912345678"));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 9, maxLength: 9 }), (cells) => {
        const r = check(cells, {});
        if (r.ok) expect(ZFrameRecord.safeParse(r.record).success).toBe(true);
        else for (const p of r.problems) expect(p.row).toBe(7);
      }),
    );
  });
});

describe("parseDateCell", () => {
  it.each<[Cell, string | null]>([
    ["15/03/2025", "2025-03-15"],
    ["5/3/2025", "2025-03-05"],
    ["05-03-2025", "2025-03-05"],
    ["15/03/2025 14:30", "2025-03-15"],
    ["2025-03-15", "2025-03-15"],
    ["45731", "2025-03-15"],
    [45731, "2025-03-15"],
    [45731.75, "2025-03-15"],
    [new Date(Date.UTC(2025, 2, 15)), "2025-03-15"],
    ["29/02/2024", "2024-02-29"],
    ["29/02/2025", null],
    ["15/13/2025", null],
    ["03/15/2025", null],
    ["hôm qua", null],
    [60, null],
    [new Date(Number.NaN), null],
  ])("%j → %j", (cell, expected) => {
    expect(parseDateCell(cell)).toBe(expected);
  });
});

describe("DossierCodeTracker", () => {
  it("flags a dossier code repeated within a unit, not across units", () => {
    const t = new DossierCodeTracker();
    expect(t.check({ unitCode: "S07", dossierCode: "HS1" }, 2, "Mã hồ sơ")).toBeNull();
    expect(t.check({ unitCode: "S08", dossierCode: "HS1" }, 3, "Mã hồ sơ")).toBeNull();
    expect(t.check({ unitCode: "S07", dossierCode: "HS1" }, 9, "Mã hồ sơ")).toEqual({
      row: 9, column: "Mã hồ sơ", value: "HS1", reason: "Mã hồ sơ trùng với dòng 2 của cùng đơn vị.",
    });
  });
});
