/** The columns of the registry's Excel file: what export writes and import reads. Pure. */
import { foldLabel } from "@/lib/frames/columns";

export type UnitColumnKey = "code" | "name" | "shortName" | "level" | "block" | "parent" | "validFrom" | "validTo" | "publicServices" | "address" | "note";

export type UnitColumn = { key: UnitColumnKey; header: string; width: number; required: boolean; date?: boolean; max?: number; help: string };

export const UNIT_COLUMNS: readonly UnitColumn[] = [
  { key: "code", header: "Mã đơn vị", width: 14, required: true, max: 32, help: "Chữ in hoa không dấu, số, dấu chấm, gạch dưới, gạch nối. Mã đã có thì cập nhật, mã mới thì thêm." },
  { key: "name", header: "Tên đơn vị", width: 46, required: true, max: 200, help: "Tên đầy đủ, có dấu." },
  { key: "shortName", header: "Tên viết tắt", width: 16, required: false, max: 60, help: "Không bắt buộc." },
  { key: "level", header: "Mã cấp", width: 10, required: true, help: "Mã cấp hành chính, xem trang “Danh mục”." },
  { key: "block", header: "Mã khối", width: 14, required: true, help: "Mã khối, xem trang “Danh mục”." },
  { key: "parent", header: "Mã đơn vị cấp trên", width: 16, required: false, max: 32, help: "Ví dụ xã thuộc huyện (trước 01/07/2025). Có thể là mã đã có hoặc mã trong cùng tệp." },
  { key: "validFrom", header: "Hiệu lực từ", width: 13, required: true, date: true, help: "Ngày/tháng/năm." },
  { key: "validTo", header: "Hiệu lực đến", width: 13, required: false, date: true, help: "Để trống nếu đơn vị đang hoạt động." },
  { key: "publicServices", header: "Cung cấp dịch vụ công", width: 12, required: false, help: "“Có” hoặc “Không”; để trống là “Có”. Đơn vị “Không” không được đưa vào khảo sát." },
  { key: "address", header: "Địa chỉ", width: 40, required: false, max: 300, help: "Địa chỉ trụ sở." },
  { key: "note", header: "Ghi chú", width: 30, required: false, max: 500, help: "Không bắt buộc." },
];

/** Written by the export for people to read; ignored by the import. */
export const INFO_HEADERS = ["Đơn vị tiền thân", "Đơn vị kế thừa"] as const;

export type HeaderResult = { index: Partial<Record<UnitColumnKey, number>>; missing: string[]; duplicate: string[]; ignored: string[] };

/** Finds each column by its header, tolerant of case, spacing and diacritics. */
export function resolveUnitHeader(cells: readonly string[]): HeaderResult {
  const byFold = new Map(UNIT_COLUMNS.map((c) => [foldLabel(c.header), c.key]));
  const info = new Set(INFO_HEADERS.map(foldLabel));
  const index: Partial<Record<UnitColumnKey, number>> = {};
  const duplicate: string[] = [];
  const ignored: string[] = [];
  cells.forEach((h, i) => {
    const f = foldLabel(h);
    if (!f) return;
    const key = byFold.get(f);
    if (!key) {
      if (!info.has(f)) ignored.push(h);
      return;
    }
    if (index[key] !== undefined) duplicate.push(h);
    else index[key] = i;
  });
  const missing = UNIT_COLUMNS.filter((c) => c.required && index[c.key] === undefined).map((c) => c.header);
  return { index, missing, duplicate, ignored };
}

const ESCAPED = /^'[=+\-@\t\r]/;

/** Undoes the export's formula escaping (a leading apostrophe before = + - @ tab CR). */
export function unescapeCell(s: string): string {
  return ESCAPED.test(s) ? s.slice(1) : s;
}
