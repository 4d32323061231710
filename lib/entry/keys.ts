import type { TItem } from "@/lib/sipas/questionnaire";
import { CELL_MULTIPLE, CELL_UNREADABLE, optionsOf } from "./answer-cells";

/**
 * The keyboard of the entry screen, as a pure function so that it can be tested without a
 * browser. One key per answer, then the cursor moves on by itself:
 *
 *   single choice (1–5 scale, assessment, respondent): the option's number 1–9 (a, b, c…
 *     from the 10th), 0 blank, * or m several boxes ticked, / or u unreadable;
 *   choose up to k: the numbers toggle options (a, b, c… from the 10th, as for single
 *     choices); Space moves on; 0 on an untouched item means blank, as everywhere;
 *     reaching k choices moves on by itself; * / m / u as above;
 *   rated options: one key per option (1–3, 0, *, /), then the next item;
 *   text: typed in a text box; Tab or ↓ moves on.
 * Enter saves the form (handled by the screen, not here).
 */

export type TKeyResult = {
  /** The item's new cell; undefined = unchanged. */
  cell?: string;
  /** Sub-position inside a rated item (which option is being rated). */
  sub?: number;
  /** Move the cursor to the next item. */
  advance: boolean;
};

const MULTIPLE_KEYS = new Set(["*", "m", "M"]);
const UNREADABLE_KEYS = new Set(["/", "u", "U"]);
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** The key that picks option at position k (0-based) of a single-choice item. */
export function optionKey(k: number): string {
  return k < 9 ? String(k + 1) : (LETTERS[k - 9] ?? "");
}

function optionIndexForKey(key: string, count: number): number {
  const k = /^[1-9]$/.test(key) ? Number(key) - 1 : key.length === 1 ? LETTERS.indexOf(key.toLowerCase()) + 9 : -1;
  // "m" and "u" are special keys, never options (an item with 13+ options would need them).
  if (k < 0 || k >= count || (k >= 9 && (key === "m" || key === "u"))) return -1;
  return k;
}

function specialCell(key: string): string | null {
  if (MULTIPLE_KEYS.has(key)) return CELL_MULTIPLE;
  if (UNREADABLE_KEYS.has(key)) return CELL_UNREADABLE;
  return null;
}

function singleKey(item: TItem, key: string): TKeyResult | null {
  if (key === "0") return { cell: "", advance: true };
  const sp = specialCell(key);
  if (sp !== null) return { cell: sp, advance: true };
  const options = optionsOf(item);
  const k = optionIndexForKey(key, options.length);
  const code = options[k]?.code;
  return code === undefined ? null : { cell: code, advance: true };
}

function multiKey(item: Extract<TItem, { kind: "expectation" }>, cell: string | undefined, key: string): TKeyResult | null {
  const codes = item.options.map((o) => o.code);
  const current = cell === undefined || cell === "" || cell === CELL_MULTIPLE || cell === CELL_UNREADABLE ? [] : cell.split(";");
  if (key === " ") return { cell: current.join(";"), advance: true };
  const sp = specialCell(key);
  if (sp !== null) return { cell: sp, advance: true };
  if (key === "0") return current.length === 0 ? { cell: "", advance: true } : null;
  const k = optionIndexForKey(key, codes.length);
  const code = codes[k];
  if (code === undefined) return null;
  const chosen = new Set(current);
  if (chosen.has(code)) chosen.delete(code);
  else chosen.add(code);
  const next = codes.filter((c) => chosen.has(c));
  const max = item.maxChoices ?? codes.length;
  return { cell: next.join(";"), advance: next.length >= max };
}

function rateKey(item: Extract<TItem, { kind: "expectation" }>, cell: string | undefined, sub: number, key: string): TKeyResult | null {
  const level = key === "0" ? "" : specialCell(key) ?? (/^[1-3]$/.test(key) ? key : null);
  if (level === null) return null;
  const codes = item.options.map((o) => o.code);
  const levels = new Map<string, string>();
  for (const pair of cell ? cell.split(";") : []) {
    const [c = "", l = ""] = pair.split("=");
    levels.set(c, l);
  }
  const code = codes[Math.min(sub, codes.length - 1)] ?? "";
  if (level === "") levels.delete(code);
  else levels.set(code, level);
  const next = codes.filter((c) => levels.has(c)).map((c) => `${c}=${levels.get(c)}`).join(";");
  const nextSub = sub + 1;
  return nextSub >= codes.length ? { cell: next, sub: 0, advance: true } : { cell: next, sub: nextSub, advance: false };
}

/**
 * What a key does on the current item; null when the key means nothing there (the screen
 * then ignores it, so a stray key never changes an answer).
 */
export function applyKey(item: TItem, cell: string | undefined, sub: number, key: string): TKeyResult | null {
  switch (item.kind) {
    case "text":
      return null;
    case "expectation":
      return item.mode === "choose" ? multiKey(item, cell, key) : rateKey(item, cell, sub, key);
    default:
      return singleKey(item, key);
  }
}

/** The legend shown beside an item: which key does what. */
export function keyLegend(item: TItem): { key: string; label: string }[] {
  if (item.kind === "text") return [];
  if (item.kind === "expectation" && item.mode === "rate3") return [];
  return optionsOf(item).map((o, k) => ({ key: optionKey(k), label: o.label }));
}

export type TEntryCursor = { cells: Record<string, string | undefined>; cursor: number; sub: number };

/**
 * One key on the entry grid, as a pure step: answer keys (applyKey), ↑ ↓ ← → Tab to move,
 * Backspace to clear the current answer (or, on an empty one, the previous answer). Null
 * when the key means nothing here. Enter, Esc and F2 belong to the screen.
 */
export function step(items: readonly TItem[], s: TEntryCursor, key: string, shift = false): TEntryCursor | null {
  const clamp = (i: number) => Math.max(0, Math.min(items.length, i));
  if (key === "ArrowUp" || key === "ArrowLeft" || (key === "Tab" && shift)) return { ...s, cursor: clamp(s.cursor - 1), sub: 0 };
  if (key === "ArrowDown" || key === "ArrowRight" || key === "Tab") return { ...s, cursor: clamp(s.cursor + 1), sub: 0 };
  const item = items[s.cursor];
  if (!item) return null;
  if (key === "Backspace") {
    if (s.cells[item.code] !== undefined) return { ...s, cells: { ...s.cells, [item.code]: undefined }, sub: 0 };
    const prev = items[s.cursor - 1];
    return prev ? { cells: { ...s.cells, [prev.code]: undefined }, cursor: s.cursor - 1, sub: 0 } : null;
  }
  const r = applyKey(item, s.cells[item.code], s.sub, key);
  if (!r) return null;
  const cells = r.cell === undefined ? s.cells : { ...s.cells, [item.code]: r.cell };
  return r.advance ? { cells, cursor: clamp(s.cursor + 1), sub: 0 } : { cells, cursor: s.cursor, sub: r.sub ?? s.sub };
}
