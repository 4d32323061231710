/**
 * Cells as the readers yield them: text, a number (Excel numeric cell), a date (Excel
 * date cell), empty, or a marker for a cell too long to keep.
 */

/** A cell longer than the limit: only its length and the first characters are kept. */
export class OversizedCell {
  constructor(
    readonly length: number,
    readonly preview: string,
    /** The limit it broke, for the message. */
    readonly limit: number,
  ) {}
}

export type Cell = string | number | Date | null | OversizedCell;

/** One row of the sheet with its 1-based row number (as Excel shows it). */
export type RawRow = { row: number; cells: Cell[] };

export const DEFAULT_MAX_CELL_LENGTH = 2_000;

/** A text cell, or its marker when longer than `max`: the long string is not copied. */
export function textCell(s: string, max: number): Cell {
  return s.length > max ? new OversizedCell(s.length, s.slice(0, 50), max) : s;
}

export function isBlank(c: Cell): boolean {
  if (typeof c === "string") {
    // Called on every cell: a printable ASCII first character settles it without trim().
    const first = c.charCodeAt(0);
    return !(first > 0x20 && first < 0x7f) && c.trim() === "";
  }
  return c === null;
}

/** The text of a cell for the header row and for error reports. */
export function cellText(c: Cell): string {
  if (c === null) return "";
  if (c instanceof OversizedCell) return `${c.preview}…`;
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? "" : c.toISOString().slice(0, 10);
  return String(c);
}

type RichText = { richText: { text?: unknown }[] };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/**
 * Converts an exceljs cell value: rich text is joined, a formula gives its cached result,
 * a hyperlink its text, an error its code (#N/A), a boolean TRUE/FALSE.
 */
export function fromExcel(v: unknown, max: number): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return textCell(v, max);
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v;
  if (!isRecord(v)) return null;
  if (Array.isArray((v as RichText).richText)) {
    return textCell((v as RichText).richText.map((r) => (typeof r.text === "string" ? r.text : "")).join(""), max);
  }
  if ("formula" in v || "sharedFormula" in v) return fromExcel(v.result, max);
  if ("hyperlink" in v) return fromExcel(v.text, max);
  if (typeof v.error === "string") return v.error;
  return null;
}
