import type { DrawResult } from "@/lib/sampling/draw";
import type { DuplicateEntry } from "@/lib/sampling/dedup";
import type { FrameRecord } from "@/lib/sampling/types";
import { escapeCell } from "@/lib/frames/spreadsheet-safety";

export type RowRecord = FrameRecord & { row: number };

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const SELECTION_HEADER = "stratum,dossier_code,role,order,key,inclusion_probability";

/** One line per selected person, in the draw's order (stratum, main before reserve, order). */
export function* selectionLines(result: DrawResult<RowRecord>): Generator<string> {
  yield SELECTION_HEADER;
  for (const p of result.selections) {
    yield [csvField(p.stratum), csvField(p.dossierCode), p.role, String(p.order), p.key, String(p.inclusionProbability)].join(",");
  }
}

const REASON = { phone: "số điện thoại", "name-address": "họ tên và địa chỉ" } as const;

/** The duplicates report as a CSV for a spreadsheet (text cells escaped against formulas). */
export function* duplicateCsvLines(duplicates: readonly DuplicateEntry<RowRecord>[]): Generator<string> {
  yield "stratum,reason,matched_on,kept_dossier_code,kept_row,dropped_dossier_code,dropped_row";
  for (const d of duplicates) {
    yield [
      d.stratum,
      d.reason,
      d.matchedOn,
      d.kept.dossierCode,
      String(d.kept.row),
      d.dropped.dossierCode,
      String(d.dropped.row),
    ]
      .map((s) => csvField(escapeCell(s)))
      .join(",");
  }
}

/** The duplicates report for a person reading the terminal. */
export function duplicateText(d: DuplicateEntry<RowRecord>): string {
  return (
    `Tầng ${d.stratum}: bỏ hồ sơ ${d.dropped.dossierCode} (dòng ${d.dropped.row}), trùng ${REASON[d.reason]} ` +
    `“${d.matchedOn}” với hồ sơ ${d.kept.dossierCode} (dòng ${d.kept.row}) được giữ lại.`
  );
}

/** The draw's summary for the sampling record (stderr). */
export function summaryLines(result: DrawResult<RowRecord>, rawCount: number, anonymisedChecksum?: string): string[] {
  const a = result.allocation;
  const lines = [
    `Thuật toán: ${result.algorithmVersion}`,
    `Hạt giống: ${result.seed}`,
    // An anonymised export has no names or phones: only its own checksum can be compared.
    anonymisedChecksum === undefined
      ? `Mã kiểm tra danh sách (SHA-256): ${result.frameChecksum}`
      : `Mã kiểm tra danh sách ẩn danh (SHA-256): ${anonymisedChecksum}`,
    `Mã kiểm tra phân bổ (SHA-256): ${result.allocationChecksum}`,
    `Số hồ sơ đọc được: ${rawCount}; sau khi loại trùng: ${a.totals.N}; bản ghi trùng: ${result.duplicates.length}.`,
    "Tầng\tN\tn\tdự phòng\tghi chú",
  ];
  for (const s of a.strata) {
    const notes = [
      s.census ? "lấy toàn bộ (ít hơn hoặc bằng cỡ mẫu yêu cầu)" : "",
      s.raisedToMinimum ? "nâng lên mức tối thiểu" : "",
      s.N === 0 ? "không có hồ sơ" : "",
    ].filter(Boolean);
    lines.push(`${s.code}\t${s.N}\t${s.n}\t${s.r}\t${notes.join("; ")}`);
  }
  lines.push(`Tổng\t${a.totals.N}\t${a.totals.n}\t${a.totals.r}`);
  for (const g of a.groups) {
    if (g.exceedsTotalBy > 0) {
      lines.push(
        `Lưu ý: do nâng các tầng lên mức tối thiểu ${g.min}, tổng cỡ mẫu là ${g.allocated}, vượt tổng đã định ${g.total} thêm ${g.exceedsTotalBy} phiếu.`,
      );
    }
    if (g.allocatedBeforeMinimum < g.total) {
      lines.push(`Lưu ý: tổng đã định ${g.total} lớn hơn số người trong danh sách (${g.population}); lấy toàn bộ.`);
    }
  }
  return lines;
}
