import { describe, expect, it } from "vitest";
import { COLUMNS, foldLabel, proposeMapping, resolveColumns } from "@/lib/frames/columns";
import { headerProblemRows } from "@/lib/frames/validate";
import { HEADERS } from "./files";

describe("template columns", () => {
  it("are exactly the nine template headers, in order", () => {
    expect(HEADERS).toEqual([
      "Mã đơn vị", "Mã hồ sơ", "Họ tên / Tên tổ chức", "Loại", "Địa chỉ", "Số điện thoại", "Mã lĩnh vực", "Thủ tục", "Ngày trả kết quả",
    ]);
    expect(COLUMNS.map((c) => c.key)).toEqual([
      "unitCode", "dossierCode", "name", "kind", "address", "phone", "fieldCode", "procedure", "resultDate",
    ]);
  });
});

describe("header matching", () => {
  it("folds case, spaces, punctuation, diacritics and NFD", () => {
    expect(foldLabel("Họ tên / Tên tổ chức")).toBe("hotententochuc");
    expect(foldLabel("HO TEN/TEN TO CHUC")).toBe("hotententochuc");
    expect(foldLabel("  mã  ĐƠN vị ".normalize("NFD"))).toBe("madonvi");
  });

  it("finds the template columns in any order and spelling, ignoring extra columns", () => {
    const headers = ["STT", "ma ho so", "MÃ ĐƠN VỊ", "Họ tên/Tên tổ chức", "LOẠI", "Ngày  trả kết quả", "Ghi chú"];
    const { columns, ignored, problems } = resolveColumns(headers);
    expect(problems).toEqual([]);
    expect(columns.unitCode).toEqual({ index: 2, header: "MÃ ĐƠN VỊ" });
    expect(columns.resultDate?.index).toBe(5);
    expect(columns.phone).toBeUndefined();
    expect(ignored).toEqual(["STT", "Ghi chú"]);
  });

  it("reports missing required columns and columns given twice", () => {
    const { problems } = resolveColumns(["Mã hồ sơ", "Mã hồ sơ ", "Loại"]);
    expect(problems).toEqual([
      { kind: "missing", key: "unitCode", header: "Mã đơn vị" },
      { kind: "duplicate", key: "dossierCode", headers: ["Mã hồ sơ", "Mã hồ sơ "] },
      { kind: "missing", key: "name", header: "Họ tên / Tên tổ chức" },
      { kind: "missing", key: "resultDate", header: "Ngày trả kết quả" },
    ]);
    expect(headerProblemRows(problems, 1)[0]).toEqual({
      row: 1,
      column: "Mã đơn vị",
      value: "",
      reason: "Thiếu cột “Mã đơn vị”. Hãy dùng tệp mẫu, hoặc chỉ rõ cột nào trong tệp tương ứng với “Mã đơn vị”.",
    });
  });

  it("uses an explicit mapping for files whose headers differ, and proposes one from aliases", () => {
    const headers = ["Đơn vị", "Số hồ sơ", "Chủ hồ sơ", "Đối tượng", "Địa chỉ liên hệ", "SĐT", "Lĩnh vực", "TTHC", "Ngày trả KQ"];
    expect(resolveColumns(headers).problems.map((p) => p.kind)).toEqual(["missing", "missing", "missing", "missing", "missing"]);
    const proposed = proposeMapping(headers);
    expect(proposed).toEqual({
      "Đơn vị": "unitCode",
      "Số hồ sơ": "dossierCode",
      "Chủ hồ sơ": "name",
      "Đối tượng": "kind",
      "Địa chỉ liên hệ": "address",
      SĐT: "phone",
      "Lĩnh vực": "fieldCode",
      TTHC: "procedure",
      "Ngày trả KQ": "resultDate",
    });
    const { columns, problems } = resolveColumns(headers, proposed);
    expect(problems).toEqual([]);
    expect(columns.phone).toEqual({ index: 5, header: "SĐT" });
  });

  it("a mapping overrides a template header and reports headers not in the file", () => {
    // The file has both "Địa chỉ" and "Địa chỉ thường trú"; the user picks the second.
    const headers = ["Mã đơn vị", "Mã hồ sơ", "Họ tên", "Loại", "Địa chỉ", "Địa chỉ thường trú", "Ngày trả kết quả"];
    const { columns, problems } = resolveColumns(headers, { "Địa chỉ thường trú": "address", "Họ tên": "name", "Không có": "phone" });
    expect(columns.address).toEqual({ index: 5, header: "Địa chỉ thường trú" });
    expect(problems).toEqual([{ kind: "unknown-mapping", header: "Không có" }]);
  });
});
