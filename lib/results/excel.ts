import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { escapeCell } from "@/lib/frames/spreadsheet-safety";
import { formatDateTime } from "@/lib/i18n/format";
import { resultsText as t, yesNo } from "@/lib/i18n/results";
import type { SnapshotView } from "./queries";

/**
 * The results tables of one snapshot as an .xlsx workbook: sheets Đơn vị, Yếu tố, Tiêu chí,
 * Nhóm, then Thông tin (what the figures were computed from). Percentages in full
 * precision with a 0.00 format (Excel shows the reader's decimal separator); a missing
 * figure is an empty cell, never 0 or NaN. Every text cell goes through escapeCell, so a
 * unit name starting with "=" stays text. Streamed: rows are written as they are made.
 */
type Col = { header: string; key: string; width: number; num?: "pct" | "int" };

const PCT = "0.00";
const INT = "#,##0";
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };

type Cell = string | number | null;

function sheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, cols: Col[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.num ? { numFmt: c.num === "pct" ? PCT : INT } : {} }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { wrapText: true, vertical: "middle" };
  header.commit();
  return {
    add(values: Record<string, Cell>) {
      const row: Record<string, Cell> = {};
      for (const [k, v] of Object.entries(values)) row[k] = typeof v === "string" ? escapeCell(v) : v;
      ws.addRow(row).commit();
    },
    done: () => ws.commit(),
  };
}

const ciCols: Col[] = [
  { header: t.col.se, key: "se", width: 12, num: "pct" },
  { header: t.col.ciLow, key: "lo", width: 14, num: "pct" },
  { header: t.col.ciHigh, key: "hi", width: 14, num: "pct" },
];
const ci = (x: { se: number | null; ci_low: number | null; ci_high: number | null }) => ({ se: x.se, lo: x.ci_low, hi: x.ci_high });

export async function writeResultsWorkbook(snapshot: SnapshotView, stream: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  wb.creator = "SIPAS";
  const { indices, labels, plan } = snapshot.results;
  const units = Object.entries(indices.units);
  const elementTitle = new Map(labels.elements.map((e) => [e.code, e.title]));
  const aspectTitle = new Map(labels.aspects.map((a) => [a.code, a.title]));
  const ranking = new Map(indices.ranking.map((r) => [r.unit_code, r]));

  const u = sheet(wb, t.excelSheets.units, [
    { header: t.col.rank, key: "rank", width: 7, num: "int" },
    { header: t.col.unitCode, key: "code", width: 12 },
    { header: t.col.unit, key: "name", width: 44 },
    { header: t.col.level, key: "level", width: 14 },
    { header: t.col.block, key: "block", width: 24 },
    { header: t.col.forms, key: "forms", width: 12, num: "int" },
    { header: t.col.excluded, key: "excluded", width: 10, num: "int" },
    { header: t.col.sipas, key: "index", width: 11, num: "pct" },
    ...ciCols,
    { header: t.col.eligible, key: "eligible", width: 20 },
    { header: t.col.vsNext, key: "next", width: 44 },
  ]);
  for (const [code, x] of [...units].sort(byRank)) {
    const r = ranking.get(code);
    const next = !r || r.significantly_above_next === null ? "" : r.tied_with_next ? t.tieNext : r.significantly_above_next ? t.significant : t.notSignificant;
    u.add({
      rank: x.rank, code, name: x.name, level: x.level, block: x.block, forms: x.forms, excluded: x.excluded_forms,
      index: x.sipas.index, ...ci(x.sipas),
      eligible: x.eligible ? yesNo(true) : `${t.notEligible} (${t.notEligibleHelp(x.forms, indices.min_valid)})`,
      next,
    });
  }
  u.done();

  const e = sheet(wb, t.excelSheets.elements, [
    { header: t.col.unitCode, key: "unit", width: 12 },
    { header: t.col.unit, key: "name", width: 40 },
    { header: t.col.kind, key: "kind", width: 12 },
    { header: t.col.elementCode, key: "code", width: 10 },
    { header: t.col.element, key: "title", width: 50 },
    { header: t.col.index, key: "index", width: 11, num: "pct" },
    ...ciCols,
    { header: t.col.partsUsed, key: "parts", width: 12, num: "int" },
    { header: t.col.eligible, key: "eligible", width: 12 },
  ]);
  for (const [code, x] of units) {
    for (const a of x.aspects) e.add({ unit: code, name: x.name, kind: t.col.aspect, code: a.code, title: aspectTitle.get(a.code) ?? "", index: a.index, ...ci(a), parts: a.parts_used, eligible: yesNo(x.eligible) });
    for (const el of x.elements) e.add({ unit: code, name: x.name, kind: t.col.element, code: el.code, title: elementTitle.get(el.code) ?? "", index: el.index, ...ci(el), parts: el.parts_used, eligible: yesNo(x.eligible) });
  }
  e.done();

  const c = sheet(wb, t.excelSheets.criteria, [
    { header: t.col.unitCode, key: "unit", width: 12 },
    { header: t.col.unit, key: "name", width: 40 },
    { header: t.col.criterion, key: "code", width: 10 },
    { header: t.col.criterionText, key: "text", width: 60 },
    { header: t.col.element, key: "element", width: 10 },
    { header: t.col.valid, key: "n", width: 12, num: "int" },
    { header: t.col.satisfied, key: "hits", width: 12, num: "int" },
    { header: t.col.index, key: "index", width: 11, num: "pct" },
    ...ciCols,
    { header: t.col.df, key: "df", width: 10, num: "int" },
  ]);
  const criterion = new Map(labels.criteria.map((k) => [k.code, k]));
  for (const [code, x] of units) {
    for (const k of x.criteria) {
      const label = criterion.get(k.code);
      c.add({ unit: code, name: x.name, code: k.code, text: label?.text ?? "", element: label?.element ?? "", n: k.n_valid, hits: k.n_hits, index: k.index, ...ci(k), df: k.df });
    }
  }
  c.done();

  const g = sheet(wb, t.excelSheets.groups, [
    { header: t.col.kind, key: "kind", width: 16 },
    { header: t.col.group, key: "name", width: 32 },
    { header: t.col.unitsEligible, key: "units", width: 16 },
    { header: t.col.meanIndex, key: "index", width: 14, num: "pct" },
    ...ciCols,
    { header: t.col.weightedIndex, key: "w", width: 14, num: "pct" },
    { header: `${t.col.se} (gia quyền)`, key: "wse", width: 14, num: "pct" },
    { header: `${t.col.ciLow} (gia quyền)`, key: "wlo", width: 16, num: "pct" },
    { header: `${t.col.ciHigh} (gia quyền)`, key: "whi", width: 16, num: "pct" },
  ]);
  for (const grp of Object.values(indices.groups)) {
    const w = grp.weighted.sipas;
    g.add({ kind: t.groupKinds[grp.kind], name: grp.name, units: `${grp.units}/${grp.units_total}`, index: grp.index, ...ci(grp), w: w.index, wse: w.se, wlo: w.ci_low, whi: w.ci_high });
  }
  g.done();

  const info = sheet(wb, t.excelSheets.info, [
    { header: "Mục", key: "k", width: 34 },
    { header: "Giá trị", key: "v", width: 90 },
  ]);
  const m = snapshot.method;
  for (const [k, v] of [
    ["Kế hoạch", `${plan.year} — ${plan.title}`],
    ["Mẫu phiếu", `${labels.title} (${m.questionnaire.template}, phiên bản ${m.questionnaire.version})`],
    ["Thời điểm tính", formatDateTime(snapshot.computedAt)],
    ["Mã dữ liệu đầu vào (SHA-256)", snapshot.inputsHash],
    ["Phương pháp", t.method(m.elementMethod, m.minValidForms)],
    ["Phiếu được tính", t.countedForms],
    ["Số phiếu", t.formsLine(indices.totals.forms, indices.totals.valid_forms, indices.totals.excluded_forms, snapshot.results.formsByState.VERIFIED ?? 0)],
    ["Trạng thái", snapshot.published && snapshot.publishedAt ? t.published(formatDateTime(snapshot.publishedAt)) : t.draftBadge],
    ["Ghi chú", "Chỉ số tính theo phần trăm, đầy đủ độ chính xác; làm tròn 2 chữ số khi hiển thị. Ô trống: không có số liệu."],
  ] as const) {
    info.add({ k, v });
  }
  info.done();
  await wb.commit();
}

function byRank([ca, a]: [string, { rank: number | null; sipas: { index: number | null } }], [cb, b]: [string, { rank: number | null; sipas: { index: number | null } }]): number {
  const ra = a.rank ?? Number.POSITIVE_INFINITY;
  const rb = b.rank ?? Number.POSITIVE_INFINITY;
  return ra - rb || (ca < cb ? -1 : ca > cb ? 1 : 0);
}
