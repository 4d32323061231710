import type { StratumInfo, UnitInfo } from "@/lib/sipas/engine-input";
import type { OpenDataIssue } from "./issues";

/** Header and row checks shared by the CSV files, and the units and strata tables. */
export interface Table {
  file: string;
  rows: string[][];
  lines: number[];
}

/** Maps required column names to positions; reports missing, unknown and repeated columns. */
export function mapHeader(t: Table, columns: readonly string[], issues: OpenDataIssue[]): Map<string, number> | null {
  const header = t.rows[0] ?? [];
  const at = new Map<string, number>();
  const before = issues.length;
  header.forEach((name, i) => {
    if (at.has(name)) issues.push({ file: t.file, row: 1, column: name, message: "Cột bị lặp lại" });
    else if (!columns.includes(name)) issues.push({ file: t.file, row: 1, column: name, message: "Cột không thuộc định dạng" });
    at.set(name, i);
  });
  for (const c of columns) {
    if (!at.has(c)) issues.push({ file: t.file, row: 1, column: c, message: "Thiếu cột" });
  }
  return issues.length === before ? at : null;
}

/** Calls `each` for every data row (index 0 = first after the header) with the right number of fields; reports the others. */
export function eachRow(
  t: Table,
  issues: OpenDataIssue[],
  each: (cells: string[], row: number, index: number) => void,
): void {
  const width = t.rows[0]?.length ?? 0;
  for (let r = 1; r < t.rows.length; r++) {
    const cells = t.rows[r] ?? [];
    const row = t.lines[r] ?? r + 1;
    if (cells.length !== width) {
      issues.push({ file: t.file, row, column: null, message: `Dòng có ${cells.length} cột, tiêu đề có ${width} cột` });
      continue;
    }
    each(cells, row, r - 1);
  }
}

export function readUnits(t: Table, issues: OpenDataIssue[]): UnitInfo[] {
  const at = mapHeader(t, ["unit_code", "unit_name", "level", "block"], issues);
  if (!at) return [];
  const units: UnitInfo[] = [];
  const seen = new Set<string>();
  eachRow(t, issues, (cells, row) => {
    const get = (c: string) => cells[at.get(c) ?? 0] ?? "";
    const unit = { code: get("unit_code"), name: get("unit_name"), level: get("level"), block: get("block") };
    let ok = true;
    for (const [column, value] of [["unit_code", unit.code], ["unit_name", unit.name], ["level", unit.level], ["block", unit.block]] as const) {
      if (value.trim() === "") {
        issues.push({ file: t.file, row, column, message: "Không được để trống" });
        ok = false;
      }
    }
    if (seen.has(unit.code)) {
      issues.push({ file: t.file, row, column: "unit_code", message: `Mã đơn vị "${unit.code}" bị trùng` });
      ok = false;
    }
    seen.add(unit.code);
    if (ok) units.push(unit);
  });
  return units;
}

/** Strata with, in parallel, the file line each came from. */
export function readStrata(
  t: Table,
  unitCodes: Set<string>,
  issues: OpenDataIssue[],
): { strata: StratumInfo[]; lines: number[] } {
  const strata: StratumInfo[] = [];
  const lines: number[] = [];
  const at = mapHeader(t, ["stratum", "unit_code", "population"], issues);
  if (!at) return { strata, lines };
  const seen = new Set<string>();
  eachRow(t, issues, (cells, row) => {
    const get = (c: string) => cells[at.get(c) ?? 0] ?? "";
    const code = get("stratum");
    const unitCode = get("unit_code");
    const pop = get("population");
    const before = issues.length;
    if (code.trim() === "") issues.push({ file: t.file, row, column: "stratum", message: "Không được để trống" });
    else if (seen.has(code)) issues.push({ file: t.file, row, column: "stratum", message: `Mã tầng "${code}" bị trùng` });
    seen.add(code);
    if (!unitCodes.has(unitCode)) {
      issues.push({ file: t.file, row, column: "unit_code", message: `Đơn vị "${unitCode}" không có trong units.csv` });
    }
    const population = /^[0-9]{1,15}$/.test(pop) ? Number(pop) : Number.NaN;
    if (!(population >= 1)) {
      issues.push({ file: t.file, row, column: "population", message: `"${pop}" không phải số nguyên dương (quy mô tổng thể N_h)` });
    }
    if (issues.length === before) {
      strata.push({ code, unitCode, population });
      lines.push(row);
    }
  });
  return { strata, lines };
}
