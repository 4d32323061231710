import type { TItem, TQuestionnaire } from "@/lib/sipas/questionnaire";
import { SATISFACTION_SCALE } from "@/lib/sipas/questionnaire";
import { RATE3_SCALE } from "@/lib/forms/print/messages";
import { entryText as t } from "@/lib/i18n/entry";

/**
 * One answer as a "cell": the text the entry screen, the online page and the JSON API
 * exchange, and the same spelling as a cell of the open-data responses.csv
 * (lib/open-data/cells.ts):
 *   satisfaction: "" blank, "1"–"5", "M" several boxes ticked, "U" unreadable;
 *   single choice (assessment, respondent): "" / option code / "M" / "U";
 *   choose up to k: "" / option codes joined by ";" in option order / "M" (more than k) / "U";
 *   rated options: "code=level" pairs joined by ";" (level 1–3, M or U), unlisted options blank;
 *   text: the text itself, "" when blank.
 *
 * In the database each item of a response is one Answer row (every item, blanks included):
 *   status VALID  + value 1–5 (satisfaction) or option position 1…n with text = option code
 *                   (single choice), or text = the cell (multi, rated, free text);
 *   status BLANK / MULTIPLE / UNREADABLE with value and text null.
 * Pure: no I/O.
 */

export type TAnswerStatus = "VALID" | "BLANK" | "MULTIPLE" | "UNREADABLE";
export type TAnswerRow = { status: TAnswerStatus; value: number | null; text: string | null };
export type TCells = Record<string, string>;

export const CELL_MULTIPLE = "M";
export const CELL_UNREADABLE = "U";

const BLANK: TAnswerRow = { status: "BLANK", value: null, text: null };
const MULTIPLE: TAnswerRow = { status: "MULTIPLE", value: null, text: null };
const UNREADABLE: TAnswerRow = { status: "UNREADABLE", value: null, text: null };

/** Options of an item that has them (satisfaction items use the 5-level scale). */
export function optionsOf(item: TItem): readonly { code: string; label: string }[] {
  switch (item.kind) {
    case "satisfaction":
      return SATISFACTION_SCALE;
    case "assessment":
    case "respondent":
    case "expectation":
      return item.options;
    case "text":
      return [];
  }
}

function special(cell: string): TAnswerRow | null {
  if (cell === "") return BLANK;
  if (cell === CELL_MULTIPLE) return MULTIPLE;
  if (cell === CELL_UNREADABLE) return UNREADABLE;
  return null;
}

function multiToRow(item: Extract<TItem, { kind: "expectation" }>, cell: string): TAnswerRow | string {
  const codes = item.options.map((o) => o.code);
  const picked = new Set<string>();
  for (const code of cell.split(";")) {
    if (!codes.includes(code)) return t.cells.unknownOption(code, codes);
    picked.add(code);
  }
  const max = item.maxChoices ?? codes.length;
  if (picked.size > max) return t.cells.tooMany(picked.size, max);
  return { status: "VALID", value: null, text: codes.filter((c) => picked.has(c)).join(";") };
}

function rate3ToRow(item: Extract<TItem, { kind: "expectation" }>, cell: string): TAnswerRow | string {
  const codes = item.options.map((o) => o.code);
  const levels = new Map<string, string>();
  for (const pair of cell.split(";")) {
    const [code = "", level = "", ...rest] = pair.split("=");
    if (rest.length > 0 || !codes.includes(code)) return t.cells.unknownOption(code, codes);
    if (!["1", "2", "3", CELL_MULTIPLE, CELL_UNREADABLE].includes(level)) return t.cells.badRate(code);
    if (levels.has(code)) return t.cells.repeated(code);
    levels.set(code, level);
  }
  return { status: "VALID", value: null, text: codes.filter((c) => levels.has(c)).map((c) => `${c}=${levels.get(c)}`).join(";") };
}

/** A cell → the Answer row to store, or a Vietnamese reason. */
export function cellToAnswer(item: TItem, rawCell: string): TAnswerRow | string {
  if (item.kind === "text") {
    const text = rawCell.normalize("NFC").trim();
    if (text === "") return BLANK;
    if (text.length > item.maxLength) return t.cells.tooLong(item.maxLength);
    return { status: "VALID", value: null, text };
  }
  const cell = rawCell.trim();
  const sp = special(cell);
  if (sp) return sp;
  if (item.kind === "expectation") return item.mode === "choose" ? multiToRow(item, cell) : rate3ToRow(item, cell);
  const options = optionsOf(item);
  const k = options.findIndex((o) => o.code === cell);
  if (k < 0) return t.cells.unknownOption(cell, options.map((o) => o.code));
  if (item.kind === "satisfaction") return { status: "VALID", value: k + 1, text: null };
  return { status: "VALID", value: k + 1, text: cell };
}

/** A stored Answer row → its cell. */
export function answerToCell(item: TItem, row: TAnswerRow): string {
  switch (row.status) {
    case "BLANK":
      return "";
    case "MULTIPLE":
      return CELL_MULTIPLE;
    case "UNREADABLE":
      return CELL_UNREADABLE;
    case "VALID":
      if (item.kind === "satisfaction") return String(row.value ?? "");
      if (item.kind === "assessment" || item.kind === "respondent") {
        return row.text ?? optionsOf(item)[(row.value ?? 0) - 1]?.code ?? "";
      }
      return row.text ?? "";
  }
}

export type TCellCheck = { ok: true; rows: Map<string, TAnswerRow>; cells: TCells } | { ok: false; errors: Record<string, string[]> };

/**
 * Checks a whole response: every item of the questionnaire must be present (a blank is
 * the empty cell, never a missing key) and no unknown item may be sent. Returns the rows
 * and the canonical cells (option order, trimmed text).
 */
export function checkCells(q: TQuestionnaire, cells: Readonly<Record<string, unknown>>): TCellCheck {
  const errors: Record<string, string[]> = {};
  const rows = new Map<string, TAnswerRow>();
  const canonical: TCells = {};
  const known = new Set(q.items.map((i) => i.code));
  for (const key of Object.keys(cells)) if (!known.has(key)) errors[key] = [t.cells.unknownItem(key)];
  for (const item of q.items) {
    const raw = cells[item.code];
    if (typeof raw !== "string") {
      errors[item.code] = [t.cells.missing(item.code)];
      continue;
    }
    const row = cellToAnswer(item, raw);
    if (typeof row === "string") errors[item.code] = [row];
    else {
      rows.set(item.code, row);
      canonical[item.code] = answerToCell(item, row);
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, rows, cells: canonical };
}

/** Items whose canonical cells differ between two entries of the same form, in questionnaire order. */
export function diffCells(q: TQuestionnaire, first: TCells, second: TCells): { itemCode: string; first: string; second: string }[] {
  return q.items
    .filter((i) => (first[i.code] ?? "") !== (second[i.code] ?? ""))
    .map((i) => ({ itemCode: i.code, first: first[i.code] ?? "", second: second[i.code] ?? "" }));
}

/** A cell as a person reads it ("4 – Hài lòng", "để trống", "đánh nhiều ô"…). */
export function describeCell(item: TItem, cell: string): string {
  if (item.kind === "text") return cell === "" ? t.cells.blank : `“${cell}”`;
  if (cell === "") return t.cells.blank;
  if (cell === CELL_MULTIPLE) return t.cells.multiple;
  if (cell === CELL_UNREADABLE) return t.cells.unreadable;
  const options = optionsOf(item);
  const label = (code: string) => {
    const k = options.findIndex((o) => o.code === code);
    return k < 0 ? code : `${k + 1} – ${options[k]?.label ?? code}`;
  };
  if (item.kind === "expectation" && item.mode === "rate3") {
    return cell
      .split(";")
      .map((pair) => {
        const [code = "", level = ""] = pair.split("=");
        const levelText = level === CELL_MULTIPLE ? t.cells.multiple : level === CELL_UNREADABLE ? t.cells.unreadable : RATE3_SCALE.find((s) => s.code === level)?.label ?? level;
        return `${label(code)}: ${levelText}`;
      })
      .join("; ");
  }
  if (item.kind === "expectation") return cell.split(";").map(label).join("; ");
  return label(cell);
}
