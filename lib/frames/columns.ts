/**
 * The frame template's columns (danh sách khảo sát) and header matching. Pure.
 */

export const COLUMN_KEYS = [
  "unitCode",
  "dossierCode",
  "name",
  "kind",
  "address",
  "phone",
  "fieldCode",
  "procedure",
  "resultDate",
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export type ColumnSpec = {
  key: ColumnKey;
  /** The header exactly as in the template. */
  header: string;
  /** Required in every row (address: unless a phone is given, see validate.ts). */
  required: boolean;
  width: number;
  example: string;
  /** Explanation on the template's second sheet. */
  help: string;
  /** Other headers seen in provinces' exports, matched when no explicit mapping is given. */
  aliases: string[];
};

export const COLUMNS: readonly ColumnSpec[] = [
  { key: "unitCode", header: "Mã đơn vị", required: true, width: 14, example: "S07",
    help: "Mã của đơn vị tiếp nhận và trả kết quả, đúng như mã đơn vị trong kế hoạch khảo sát.",
    aliases: ["Đơn vị", "Mã cơ quan"] },
  { key: "dossierCode", header: "Mã hồ sơ", required: true, width: 22, example: "000.00.07.H56-250315-0001",
    help: "Mã hồ sơ thủ tục hành chính; không trùng nhau trong cùng một đơn vị.",
    aliases: ["Số hồ sơ", "Mã số hồ sơ"] },
  { key: "name", header: "Họ tên / Tên tổ chức", required: true, width: 30, example: "Nguyễn Văn An",
    help: "Họ và tên người nộp hồ sơ, hoặc tên tổ chức.",
    aliases: ["Họ tên", "Họ và tên", "Tên tổ chức", "Tên người nộp", "Chủ hồ sơ"] },
  { key: "kind", header: "Loại", required: true, width: 12, example: "Cá nhân",
    help: "Ghi “Cá nhân” hoặc “Tổ chức”.",
    aliases: ["Loại đối tượng", "Đối tượng"] },
  { key: "address", header: "Địa chỉ", required: false, width: 40, example: "Số 12 đường Trần Phú, phường Hải Châu",
    help: "Địa chỉ nhận phiếu khảo sát qua bưu điện. Bắt buộc nếu không có số điện thoại.",
    aliases: ["Địa chỉ liên hệ", "Địa chỉ thường trú"] },
  { key: "phone", header: "Số điện thoại", required: false, width: 16, example: "0912345678",
    help: "Số di động 10 chữ số (03, 05, 07, 08, 09) hoặc số cố định 11 chữ số (02…). Có thể ghi +84. Định dạng cột là Văn bản để Excel không bỏ số 0 ở đầu.",
    aliases: ["Điện thoại", "SĐT", "Số ĐT", "Di động"] },
  { key: "fieldCode", header: "Mã lĩnh vực", required: false, width: 14, example: "DAT_DAI",
    help: "Mã lĩnh vực thủ tục hành chính, theo danh mục lĩnh vực của hệ thống. Bắt buộc khi phân tầng theo đơn vị × lĩnh vực.",
    aliases: ["Lĩnh vực"] },
  { key: "procedure", header: "Thủ tục", required: false, width: 40, example: "Đăng ký biến động quyền sử dụng đất",
    help: "Tên thủ tục hành chính.",
    aliases: ["Tên thủ tục", "Thủ tục hành chính", "TTHC"] },
  { key: "resultDate", header: "Ngày trả kết quả", required: true, width: 16, example: "15/03/2025",
    help: "Ngày trả kết quả, dạng ngày/tháng/năm (15/03/2025), hoặc ô kiểu Ngày của Excel; phải nằm trong khoảng thời gian khảo sát.",
    aliases: ["Ngày trả KQ", "Ngày trả", "Ngày hoàn thành"] },
];

export const COLUMN_BY_KEY: ReadonlyMap<ColumnKey, ColumnSpec> = new Map(COLUMNS.map((c) => [c.key, c]));

/**
 * The matching form of a header or label: NFC → strip diacritics (đ → d), lower case,
 * drop everything but letters and digits. "Họ tên / Tên tổ chức" and "HO TEN/TEN TO CHUC"
 * both give "hotententochuc".
 */
export function foldLabel(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

const BY_HEADER = new Map<string, ColumnKey>(COLUMNS.map((c) => [foldLabel(c.header), c.key]));
const BY_ALIAS = new Map<string, ColumnKey>(COLUMNS.flatMap((c) => c.aliases.map((a) => [foldLabel(a), c.key] as const)));

/**
 * Proposes a mapping header text → column key, for the user to confirm: first the
 * template headers (tolerant of case, spaces and diacritics), then known aliases. A key is
 * proposed for at most one header (the first).
 */
export function proposeMapping(headers: readonly string[]): Record<string, ColumnKey> {
  const out: Record<string, ColumnKey> = {};
  const taken = new Set<ColumnKey>();
  for (const table of [BY_HEADER, BY_ALIAS]) {
    for (const h of headers) {
      const key = table.get(foldLabel(h));
      if (key && !taken.has(key) && out[h] === undefined) {
        out[h] = key;
        taken.add(key);
      }
    }
  }
  return out;
}

export type ColumnIndex = Partial<Record<ColumnKey, { index: number; header: string }>>;

export type HeaderProblem =
  | { kind: "missing"; key: ColumnKey; header: string }
  | { kind: "duplicate"; key: ColumnKey; headers: string[] }
  | { kind: "unknown-mapping"; header: string };

export type ResolvedColumns = { columns: ColumnIndex; ignored: string[]; problems: HeaderProblem[] };

/**
 * Finds each column in a header row. Without `mapping`, headers match the template's
 * (tolerantly); with it, the user's mapping (header text as in the file → key) decides,
 * and template headers fill the keys it leaves out. Reports missing required columns, two
 * headers for one key, and mapping entries whose header is not in the file.
 */
export function resolveColumns(headers: readonly string[], mapping?: Readonly<Record<string, ColumnKey>>): ResolvedColumns {
  const found = new Map<ColumnKey, { index: number; header: string }[]>();
  const ignored: string[] = [];
  const problems: HeaderProblem[] = [];
  const mapped = new Map<string, ColumnKey>();
  for (const [h, key] of Object.entries(mapping ?? {})) mapped.set(foldLabel(h), key);
  const mappedKeys = new Set(mapped.values());
  headers.forEach((header, index) => {
    const folded = foldLabel(header);
    if (folded === "") return;
    let key = mapped.get(folded);
    if (key === undefined) {
      const byTemplate = BY_HEADER.get(folded);
      if (byTemplate && !mappedKeys.has(byTemplate)) key = byTemplate;
    }
    if (key === undefined) {
      ignored.push(header);
      return;
    }
    const list = found.get(key) ?? [];
    list.push({ index, header });
    found.set(key, list);
  });
  const present = new Set(headers.map(foldLabel));
  for (const h of Object.keys(mapping ?? {})) if (!present.has(foldLabel(h))) problems.push({ kind: "unknown-mapping", header: h });
  const columns: ColumnIndex = {};
  for (const spec of COLUMNS) {
    const list = found.get(spec.key) ?? [];
    if (list.length > 1) problems.push({ kind: "duplicate", key: spec.key, headers: list.map((x) => x.header) });
    if (list[0]) columns[spec.key] = list[0];
    else if (spec.required) problems.push({ kind: "missing", key: spec.key, header: spec.header });
  }
  return { columns, ignored, problems };
}
