import type { FormTable, StratumInfo } from "@/lib/sipas/engine-input";
import type { QuestionnaireLayout } from "@/lib/sipas/layout";
import type { TQuestionnaire } from "@/lib/sipas/questionnaire";
import { decodeMulti, decodeRate3, decodeSatisfaction, decodeSingle } from "./cells";
import type { OpenDataIssue } from "./issues";
import type { Table } from "./tables";
import { eachRow, mapHeader } from "./tables";

export const RESPONSE_KEY_COLUMNS = ["form_code", "stratum", "unit_code"] as const;

/**
 * responses.csv → the engine's columnar FormTable. Every bad cell is
 * reported (file, line, column, reason); the table is only usable when no
 * issue was added.
 */
export function readResponses(
  t: Table,
  q: TQuestionnaire,
  layout: QuestionnaireLayout,
  strata: StratumInfo[],
  strataLines: number[],
  issues: OpenDataIssue[],
): FormTable | null {
  const at = mapHeader(t, [...RESPONSE_KEY_COLUMNS, ...q.items.map((i) => i.code)], issues);
  if (!at) return null;
  const n = Math.max(0, t.rows.length - 1);
  const S = layout.satisfactionCodes.length;
  const satCols = layout.satisfactionCodes.map((c) => at.get(c) ?? 0);
  const choiceCols = layout.choices.map((c) => at.get(c.code) ?? 0);
  const textCols = layout.textCodes.map((c) => at.get(c) ?? 0);
  const maxLength = layout.textCodes.map((code) => {
    const item = q.items.find((i) => i.code === code);
    return item?.kind === "text" ? item.maxLength : Infinity;
  });
  const optionIndex = layout.choices.map((c) => new Map(c.optionCodes.map((o, k) => [o, k])));
  const stratumIndex = new Map(strata.map((s, h) => [s.code, h]));
  const formCol = at.get("form_code") ?? 0;
  const stratumCol = at.get("stratum") ?? 0;
  const unitCol = at.get("unit_code") ?? 0;

  const table: FormTable = {
    count: n,
    codes: new Array<string>(n).fill(""),
    stratum: new Uint32Array(n),
    satisfaction: new Uint8Array(n * S),
    choices: layout.choices.map((c) =>
      c.kind === "multi" ? new Uint32Array(n) : new Uint8Array(c.kind === "rate3" ? n * c.optionCodes.length : n),
    ),
    texts: layout.textCodes.map(() => new Array<string>(n).fill("")),
  };
  const seen = new Map<string, number>();
  const perStratum = new Int32Array(strata.length);
  const before = issues.length;
  const file = t.file;

  eachRow(t, issues, (cells, row, i) => {
    const code = cells[formCol] ?? "";
    if (code.trim() === "") issues.push({ file, row, column: "form_code", message: "Không được để trống" });
    else if (seen.has(code)) {
      issues.push({ file, row, column: "form_code", message: `Mã phiếu "${code}" trùng với dòng ${seen.get(code)}` });
    } else seen.set(code, row);
    table.codes[i] = code;
    const sCode = cells[stratumCol] ?? "";
    const h = stratumIndex.get(sCode);
    if (h === undefined) {
      issues.push({ file, row, column: "stratum", message: `Tầng "${sCode}" không có trong strata.csv` });
    } else {
      table.stratum[i] = h;
      perStratum[h] = (perStratum[h] ?? 0) + 1;
      const unit = strata[h]?.unitCode ?? "";
      const uCode = cells[unitCol] ?? "";
      if (uCode !== unit) {
        issues.push({ file, row, column: "unit_code", message: `"${uCode}" không khớp: tầng "${sCode}" thuộc đơn vị "${unit}"` });
      }
    }
    for (let s = 0; s < S; s++) {
      const v = decodeSatisfaction(cells[satCols[s] ?? 0] ?? "");
      if (typeof v === "number") table.satisfaction[i * S + s] = v;
      else issues.push({ file, row, column: layout.satisfactionCodes[s] ?? "", message: v });
    }
    layout.choices.forEach((c, j) => {
      const cell = cells[choiceCols[j] ?? 0] ?? "";
      const col = table.choices[j] as Uint8Array | Uint32Array;
      const index = optionIndex[j] ?? new Map<string, number>();
      if (c.kind === "rate3") {
        const J = c.optionCodes.length;
        const reason = decodeRate3(cell, c, index, col.subarray(i * J, (i + 1) * J) as Uint8Array);
        if (reason) issues.push({ file, row, column: c.code, message: reason });
        return;
      }
      const v = c.kind === "single" ? decodeSingle(cell, c, index) : decodeMulti(cell, c, index);
      if (typeof v === "number") col[i] = v;
      else issues.push({ file, row, column: c.code, message: v });
    });
    layout.textCodes.forEach((textCode, j) => {
      const text = cells[textCols[j] ?? 0] ?? "";
      const limit = maxLength[j] ?? Infinity;
      if (text.length > limit && Array.from(text).length > limit) {
        issues.push({ file, row, column: textCode, message: `Ý kiến dài quá ${limit} ký tự` });
      }
      (table.texts[j] as string[])[i] = text;
    });
  });

  strata.forEach((s, h) => {
    const count = perStratum[h] ?? 0;
    if (count > s.population) {
      issues.push({
        file: "strata.csv",
        row: strataLines[h] ?? null,
        column: "population",
        message: `Tầng "${s.code}" có ${count} phiếu trong responses.csv, nhiều hơn quy mô tổng thể ${s.population}`,
      });
    }
  });
  return issues.length === before ? table : null;
}
