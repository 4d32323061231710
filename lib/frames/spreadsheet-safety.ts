/**
 * Cells starting with = + - @ TAB or CR are read as formulas by spreadsheet programs
 * (CSV/formula injection); such text is prefixed with an apostrophe so it stays text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
