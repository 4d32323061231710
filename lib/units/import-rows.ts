/**
 * Validation of the registry import, row by row, pure: every problem with its row,
 * column, value and a Vietnamese reason. Cross-row rules (duplicate codes, parents found in
 * the file or the registry, loops of parents) are checked here too; rules that need the
 * rest of the data (frames, plans, successor links) are checked by import.ts.
 */
import { cellText, isBlank, OversizedCell, type Cell, type RawRow } from "@/lib/frames/cell";
import { parseDateCell } from "@/lib/frames/dates";
import { foldLabel } from "@/lib/frames/columns";
import type { RowProblem } from "@/lib/frames/validate";
import { unitsText } from "@/lib/i18n/units";
import { UNIT_COLUMNS, unescapeCell, type UnitColumnKey } from "./excel-columns";
import { UNIT_CODE } from "./schemas";

const M = unitsText.import;

export type UnitImportRow = {
  row: number;
  code: string;
  name: string;
  shortName: string | null;
  level: string;
  block: string;
  parent: string | null;
  validFrom: string;
  validTo: string | null;
  providesPublicServices: boolean;
  address: string | null;
  note: string | null;
};

export type ImportContext = {
  levels: ReadonlyMap<string, { validFrom: string; validTo: string | null; name: string }>;
  blocks: ReadonlySet<string>;
  /** Codes in the registry, with their parent's code. */
  existing: ReadonlyMap<string, string | null>;
};

const HEADER = new Map(UNIT_COLUMNS.map((c) => [c.key, c.header]));
const DISPLAY_MAX = 60;
const display = (c: Cell) => {
  const s = cellText(c).normalize("NFC");
  return s.length > DISPLAY_MAX ? `${s.slice(0, DISPLAY_MAX)}…` : s;
};
const clean = (c: Cell) => unescapeCell(cellText(c)).normalize("NFC").replace(/\s+/g, " ").trim();

const YES = new Set(["co", "x", "yes", "true", "1", "c"]);
const NO = new Set(["khong", "k", "no", "false", "0"]);

export function validateUnitRows(rows: readonly RawRow[], index: Partial<Record<UnitColumnKey, number>>, ctx: ImportContext): { rows: UnitImportRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const out: UnitImportRow[] = [];
  const seen = new Map<string, number>();
  for (const raw of rows) {
    const before = problems.length;
    const cell = (k: UnitColumnKey): Cell => (index[k] === undefined ? null : (raw.cells[index[k]!] ?? null));
    const add = (k: UnitColumnKey, reason: string) => problems.push({ row: raw.row, column: HEADER.get(k)!, value: display(cell(k)), reason });
    const textOf = (k: UnitColumnKey): string | null => {
      const c = cell(k);
      const spec = UNIT_COLUMNS.find((x) => x.key === k)!;
      if (c instanceof OversizedCell) {
        add(k, M.tooLong(spec.max ?? 2000));
        return null;
      }
      if (isBlank(c)) {
        if (spec.required) add(k, M.required);
        return null;
      }
      const s = clean(c);
      if (spec.max && s.length > spec.max) add(k, M.tooLong(spec.max));
      return s;
    };
    const code = textOf("code")?.toUpperCase() ?? null;
    if (code !== null) {
      if (!UNIT_CODE.test(code)) add("code", unitsText.e.code);
      else if (seen.has(code)) add("code", M.duplicateCode(seen.get(code)!));
      else seen.set(code, raw.row);
    }
    const name = textOf("name");
    if (name !== null && name.length < 2) add("name", unitsText.e.name);
    const level = textOf("level")?.toUpperCase() ?? null;
    if (level !== null && !ctx.levels.has(level)) add("level", M.unknownLevel([...ctx.levels.keys()].join(", ")));
    const block = textOf("block")?.toUpperCase() ?? null;
    if (block !== null && !ctx.blocks.has(block)) add("block", M.unknownBlock([...ctx.blocks].join(", ")));
    const parent = textOf("parent")?.toUpperCase() ?? null;
    const date = (k: "validFrom" | "validTo") => {
      const c = cell(k);
      if (isBlank(c)) {
        if (k === "validFrom") add(k, M.required);
        return null;
      }
      const d = parseDateCell(typeof c === "string" ? unescapeCell(c) : c);
      if (!d) add(k, M.badDate);
      return d;
    };
    const validFrom = date("validFrom");
    const validTo = date("validTo");
    if (validFrom && validTo && validTo < validFrom) add("validTo", unitsText.e.validOrder);
    if (level && validFrom && ctx.levels.has(level)) {
      const l = ctx.levels.get(level)!;
      if (validFrom < l.validFrom || (l.validTo !== null && (validTo === null || validTo > l.validTo))) {
        add(validTo === null && l.validTo ? "validTo" : "validFrom", unitsText.e.levelValidity(l.name, dmyOf(l.validFrom), l.validTo ? dmyOf(l.validTo) : unitsText.now));
      }
    }
    let providesPublicServices = true;
    const ps = cell("publicServices");
    if (!isBlank(ps)) {
      const f = foldLabel(cellText(ps));
      if (YES.has(f)) providesPublicServices = true;
      else if (NO.has(f)) providesPublicServices = false;
      else add("publicServices", M.badBool);
    }
    const shortName = textOf("shortName");
    const address = textOf("address");
    const note = textOf("note");
    if (problems.length === before && code && name && level && block && validFrom) {
      out.push({ row: raw.row, code, name, shortName, level, block, parent, validFrom, validTo, providesPublicServices, address, note });
    }
  }
  problems.push(...parentProblems(out, ctx, index));
  return { rows: out, problems };
}

const dmyOf = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Parents must exist (registry or file), differ from the unit and form no loop. */
function parentProblems(rows: readonly UnitImportRow[], ctx: ImportContext, index: Partial<Record<UnitColumnKey, number>>): RowProblem[] {
  if (index.parent === undefined) return [];
  const out: RowProblem[] = [];
  const parentOf = new Map(ctx.existing);
  for (const r of rows) parentOf.set(r.code, r.parent);
  const column = HEADER.get("parent")!;
  for (const r of rows) {
    if (!r.parent) continue;
    if (r.parent === r.code) out.push({ row: r.row, column, value: r.parent, reason: unitsText.e.parentSelf });
    else if (!parentOf.has(r.parent)) out.push({ row: r.row, column, value: r.parent, reason: M.unknownParent });
    else {
      const chain = [r.code];
      let cursor: string | null | undefined = r.parent;
      while (cursor && chain.length < 60) {
        chain.push(cursor);
        if (cursor === r.code) {
          out.push({ row: r.row, column, value: r.parent, reason: unitsText.e.parentCycle(chain.join(" → ")) });
          break;
        }
        cursor = parentOf.get(cursor);
      }
    }
  }
  return out;
}
