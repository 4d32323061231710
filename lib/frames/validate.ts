import { cleanText, isValidPhone, normalizePhone } from "@/lib/sampling/normalize";
import { isValidCode } from "@/lib/sampling/strata";
import type { RespondentKind } from "@/lib/sampling/types";
import { cellText, isBlank, OversizedCell, type Cell, type RawRow } from "./cell";
import { COLUMN_BY_KEY, foldLabel, type ColumnIndex, type ColumnKey, type HeaderProblem } from "./columns";
import { displayDate, parseDateCell } from "./dates";
import { frameMessages as m } from "./messages";
import { MAX_LENGTH, type TFrameRecord, type TWindow } from "./schemas";

/** What a row is checked against. Without a plan (the CLI) only the structure is checked. */
export type ValidationContext = {
  unitCodes?: ReadonlySet<string>;
  fieldCodes?: ReadonlySet<string>;
  window?: TWindow;
};

export type RowProblem = {
  row: number;
  /** The header as written in the file. */
  column: string;
  /** The cell's value, shortened for display. */
  value: string;
  reason: string;
};

export type RowResult = { ok: true; record: TFrameRecord } | { ok: false; problems: RowProblem[] };

const DISPLAY_MAX = 60;

export function displayValue(c: Cell): string {
  const shown = cellText(c).normalize("NFC");
  return shown.length > DISPLAY_MAX ? `${shown.slice(0, DISPLAY_MAX)}…` : shown;
}

const KINDS = new Map<string, RespondentKind>([
  ["canhan", "individual"],
  ["cn", "individual"],
  ["tochuc", "organisation"],
  ["tc", "organisation"],
]);

const MULTI_PHONE = /\d[\s.]*[;,/]|\d\s+-\s+\d|hoặc|hoac/iu;

/** Why a phone that is not valid (`phone`: normalizePhone(raw)) is refused. */
function phoneReason(raw: string, phone: string): string {
  if (MULTI_PHONE.test(raw) && phone.length >= 18) return m.severalPhones;
  if (/^[35789]\d{8}$/.test(phone) || /^2\d{9}$/.test(phone)) return m.phoneLostZero;
  return m.badPhone;
}

/**
 * Checks one data row and returns the clean record or every problem found in it. All
 * text is NFC-normalised, trimmed, whitespace collapsed. Rules: required columns filled;
 * an address or a phone; codes without / or |; Loại is Cá nhân or Tổ chức (also CN, TC,
 * any case, with or without diacritics); the date as in parseDateCell and inside the
 * window; unit and field codes known to the plan (exact match); the phone valid when given.
 */
export function validateRow(raw: RawRow, columns: ColumnIndex, ctx: ValidationContext = {}): RowResult {
  // Runs a million times per import: each cell is looked up once, by a named property.
  const cells = raw.cells;
  const r: RowState = { raw, columns, problems: [] };
  const unitCode = code(r, "unitCode", cellAt(cells, columns.unitCode), MAX_LENGTH.unitCode, true);
  if (unitCode !== null && ctx.unitCodes && !ctx.unitCodes.has(unitCode)) report(r, "unitCode", m.unknownUnit);
  const dossierCode = text(r, "dossierCode", cellAt(cells, columns.dossierCode), MAX_LENGTH.dossierCode, true);
  const name = text(r, "name", cellAt(cells, columns.name), MAX_LENGTH.name, true);

  const kindText = text(r, "kind", cellAt(cells, columns.kind), 50, true);
  const kind = kindText === null ? undefined : kindOf(kindText);
  if (kindText !== null && kind === undefined) report(r, "kind", m.badKind);

  const addressCell = cellAt(cells, columns.address);
  const phoneCell = cellAt(cells, columns.phone);
  const address = text(r, "address", addressCell, MAX_LENGTH.address, false);
  const phoneText = text(r, "phone", phoneCell, 100, false);
  let phone: string | null = null;
  if (phoneText !== null) {
    const normalized = normalizePhone(phoneText);
    if (isValidPhone(normalized)) phone = normalized;
    else report(r, "phone", phoneReason(phoneText, normalized));
  }
  if (isBlank(addressCell) && isBlank(phoneCell)) report(r, "address", m.addressOrPhone);

  const fieldCode = code(r, "fieldCode", cellAt(cells, columns.fieldCode), MAX_LENGTH.fieldCode, false);
  if (fieldCode !== null && ctx.fieldCodes && !ctx.fieldCodes.has(fieldCode)) report(r, "fieldCode", m.unknownField);
  const procedure = text(r, "procedure", cellAt(cells, columns.procedure), MAX_LENGTH.procedure, false);

  const dateCell = cellAt(cells, columns.resultDate);
  let resultDate: string | null = null;
  if (dateCell instanceof OversizedCell) report(r, "resultDate", m.cellTooLong(dateCell.length, dateCell.limit));
  else if (isBlank(dateCell)) report(r, "resultDate", m.required);
  else {
    resultDate = parseDateCell(dateCell);
    if (resultDate === null) report(r, "resultDate", m.badDate);
    else if (ctx.window && (resultDate < ctx.window.start || resultDate > ctx.window.end)) {
      report(r, "resultDate", m.outsideWindow(displayDate(ctx.window.start), displayDate(ctx.window.end)));
    }
  }

  if (r.problems.length > 0 || unitCode === null || dossierCode === null || name === null || !kind || !resultDate) {
    return { ok: false, problems: r.problems };
  }
  return { ok: true, record: { unitCode, dossierCode, name, kind, address, phone, fieldCode, procedure, resultDate } };
}

// Plain functions over a small state object rather than closures made per row: a
// million-row import calls them nine million times.
type RowState = { raw: RawRow; columns: ColumnIndex; problems: RowProblem[] };

function cellAt(cells: readonly Cell[], at: { index: number } | undefined): Cell {
  return at === undefined ? null : (cells[at.index] ?? null);
}

function cellOf(r: RowState, key: ColumnKey): Cell {
  return cellAt(r.raw.cells, r.columns[key]);
}

function report(r: RowState, key: ColumnKey, reason: string): void {
  r.problems.push({
    row: r.raw.row,
    column: r.columns[key]?.header ?? COLUMN_BY_KEY.get(key)?.header ?? key,
    value: displayValue(cellOf(r, key)),
    reason,
  });
}

/** The clean text of cell `c` (the cell of column `key`), or null when blank or refused. */
function text(r: RowState, key: ColumnKey, c: Cell, max: number, required: boolean): string | null {
  if (typeof c !== "string") {
    if (c instanceof OversizedCell) {
      report(r, key, m.cellTooLong(c.length, c.limit));
      return null;
    }
    if (c === null) {
      if (required) report(r, key, m.required);
      return null;
    }
  } else if (isBlank(c)) {
    if (required) report(r, key, m.required);
    return null;
  }
  const value = cleanText(typeof c === "string" ? c : cellText(c));
  if (value.length > max) {
    report(r, key, m.tooLongText(max));
    return null;
  }
  return value;
}

function code(r: RowState, key: ColumnKey, c: Cell, max: number, required: boolean): string | null {
  const value = text(r, key, c, max, required);
  if (value !== null && !isValidCode(value)) {
    report(r, key, m.badCode);
    return null;
  }
  return value;
}

/** A handful of spellings recur a million times: remember them (bounded). */
const kindMemo = new Map<string, RespondentKind | undefined>();

function kindOf(s: string): RespondentKind | undefined {
  const known = kindMemo.get(s);
  if (known !== undefined || kindMemo.has(s)) return known;
  const kind = KINDS.get(foldLabel(s));
  if (kindMemo.size < 1000) kindMemo.set(s, kind);
  return kind;
}

/**
 * Finds a dossier code listed twice for the same unit across the file (the key of a
 * person in the draw, so it must be unique). Holds one entry per record.
 */
export class DossierCodeTracker {
  private readonly seen = new Map<string, number>();

  check(record: Pick<TFrameRecord, "unitCode" | "dossierCode">, row: number, column: string): RowProblem | null {
    const key = `${record.unitCode}|${record.dossierCode}`;
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, row);
      return null;
    }
    return { row, column, value: record.dossierCode, reason: m.duplicateDossier(first) };
  }
}

/** Header problems as report rows (on the header row). */
export function headerProblemRows(problems: readonly HeaderProblem[], headerRow: number): RowProblem[] {
  return problems.map((p) => {
    switch (p.kind) {
      case "missing":
        return { row: headerRow, column: p.header, value: "", reason: m.headerMissing(p.header) };
      case "duplicate":
        return {
          row: headerRow,
          column: p.headers[0] ?? "",
          value: p.headers.join(", "),
          reason: m.headerDuplicate(COLUMN_BY_KEY.get(p.key)?.header ?? p.key, p.headers),
        };
      case "unknown-mapping":
        return { row: headerRow, column: p.header, value: "", reason: m.headerUnknownMapping(p.header) };
    }
  });
}
