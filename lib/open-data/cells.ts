import {
  ANSWER_MULTIPLE,
  ANSWER_UNREADABLE,
  CHOICE_MULTIPLE,
  CHOICE_UNREADABLE,
  MULTI_MULTIPLE,
  MULTI_UNREADABLE,
  popcount,
} from "@/lib/sipas/engine-input";
import type { ChoiceLayout } from "@/lib/sipas/layout";

/**
 * One cell of responses.csv ⇄ the engine's answer codes.
 *   satisfaction: "" blank, 1–5, M multiple ticks, U unreadable;
 *   single choice: "" / option code / M / U;
 *   choose up to k: "" / option codes joined by ";" / M (more than k ticked) / U;
 *   rated options: "code=level" pairs joined by ";", level 1–3, M or U; options not listed are blank.
 * Decoders return a number, or a Vietnamese reason string when the cell is invalid.
 */
export const SATISFACTION_CELLS = ["", "1", "2", "3", "4", "5", "M", "U"] as const;

const SAT_BY_CELL = new Map<string, number>(SATISFACTION_CELLS.map((c, i) => [c, i]));

export function decodeSatisfaction(cell: string): number | string {
  return SAT_BY_CELL.get(cell) ?? `"${cell}" không hợp lệ: chỉ được để trống, ghi 1–5, M (đánh nhiều ô) hoặc U (không đọc được)`;
}

function optionList(c: ChoiceLayout): string {
  return c.optionCodes.join(", ");
}

export function decodeSingle(cell: string, c: ChoiceLayout, index: Map<string, number>): number | string {
  if (cell === "") return 0;
  if (cell === "M") return CHOICE_MULTIPLE;
  if (cell === "U") return CHOICE_UNREADABLE;
  const k = index.get(cell);
  return k === undefined ? `"${cell}" không phải mã phương án (${optionList(c)}), M hoặc U` : k + 1;
}

export function encodeSingle(v: number, c: ChoiceLayout): string {
  if (v === CHOICE_MULTIPLE) return "M";
  if (v === CHOICE_UNREADABLE) return "U";
  return v === 0 ? "" : (c.optionCodes[v - 1] ?? "");
}

export function decodeMulti(cell: string, c: ChoiceLayout, index: Map<string, number>): number | string {
  if (cell === "") return 0;
  if (cell === "M") return MULTI_MULTIPLE;
  if (cell === "U") return MULTI_UNREADABLE;
  let mask = 0;
  for (const code of cell.split(";")) {
    const k = index.get(code);
    if (k === undefined) return `"${code}" không phải mã phương án (${optionList(c)})`;
    if ((mask >>> k) & 1) return `phương án "${code}" được ghi hai lần`;
    mask = (mask | (1 << k)) >>> 0;
  }
  if (popcount(mask) > c.maxChoices) {
    return `chọn ${popcount(mask)} phương án, quá mức tối đa ${c.maxChoices}; nếu phiếu đánh quá số ô, ghi M`;
  }
  return mask;
}

export function encodeMulti(v: number, c: ChoiceLayout): string {
  if (v === MULTI_MULTIPLE) return "M";
  if (v === MULTI_UNREADABLE) return "U";
  const out: string[] = [];
  c.optionCodes.forEach((code, k) => {
    if ((v >>> k) & 1) out.push(code);
  });
  return out.join(";");
}

const RATE_BY_CELL = new Map<string, number>([
  ["1", 1],
  ["2", 2],
  ["3", 3],
  ["M", ANSWER_MULTIPLE],
  ["U", ANSWER_UNREADABLE],
]);
const RATE_CELLS = ["", "1", "2", "3", "", "", "M", "U"];

/** Writes the option ratings into `out` (J bytes); returns a reason on error. */
export function decodeRate3(cell: string, c: ChoiceLayout, index: Map<string, number>, out: Uint8Array): string | null {
  out.fill(0);
  if (cell === "") return null;
  for (const pair of cell.split(";")) {
    const eq = pair.indexOf("=");
    const k = eq < 0 ? undefined : index.get(pair.slice(0, eq));
    if (k === undefined) return `"${pair}" phải có dạng mã_phương_án=mức, mã thuộc (${optionList(c)})`;
    const level = RATE_BY_CELL.get(pair.slice(eq + 1));
    if (level === undefined) return `"${pair}": mức phải là 1, 2, 3, M hoặc U`;
    if (out[k] !== 0) return `phương án "${pair.slice(0, eq)}" được ghi hai lần`;
    out[k] = level;
  }
  return null;
}

export function encodeRate3(values: Uint8Array, c: ChoiceLayout): string {
  const out: string[] = [];
  c.optionCodes.forEach((code, k) => {
    const v = values[k] ?? 0;
    if (v !== 0) out.push(`${code}=${RATE_CELLS[v] ?? ""}`);
  });
  return out.join(";");
}
