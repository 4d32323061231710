import { cellText, isBlank, type Cell } from "@/lib/frames/cell";
import { foldLabel } from "@/lib/frames/columns";
import { openFrameFile, readNotices } from "@/lib/frames/reader";
import { displayValue } from "@/lib/frames/validate";
import { formsText as t } from "@/lib/i18n/forms";
import { FORM_CODE_LENGTH } from "./form-code";
import { parseScannedFormCode } from "./code-input";
import { FORM_STATE_LABELS } from "./state-machine";
import { FIELDWORK_TARGETS, type TFieldworkTarget, type TRowProblem, type TStateRow } from "./fieldwork";

/**
 * Reads a file of form codes and states (the post office's return list, or the dispatch
 * list exported from here with its "Trạng thái" column filled in). Every bad row is
 * reported with its row number, column and reason; the caller applies nothing unless the
 * list of problems is empty.
 */

export const MAX_STATE_ROWS = 200_000;

/** Words people write for each state, folded (no diacritics, lower case, no spaces). */
const STATE_WORDS: Record<TFieldworkTarget, string[]> = {
  PRINTED: ["dain", "in"],
  DISPATCHED: ["giaobuudien", "dagiaobuudien", "guibuudien", "dagui"],
  DELIVERED: ["daphat", "phatthanhcong", "dadentaynguoiduockhaosat", "dadentay", "phat"],
  RETURNED: ["dathuve", "thuve", "dathu", "danhanlai"],
  UNDELIVERABLE: ["khongphatduoc", "khongphat", "saidiachi", "khongtimthaydiachi"],
  REFUSED: ["tuchoi", "tuchoitraloi", "phieutrang", "tuchoitraloiphieutrang"],
  NOT_RETURNED: ["khongthuhoiduoc", "khongthuhoi", "quahan", "khongthuhoiduocquahan"],
  SPOILED: ["hong", "huy", "honghuy", "hongdahuy"],
};

const BY_WORD = new Map<string, TFieldworkTarget>();
for (const target of FIELDWORK_TARGETS) {
  for (const w of [...STATE_WORDS[target], foldLabel(FORM_STATE_LABELS[target]), foldLabel(t.targets[target]), target.toLowerCase().replace(/_/g, "")]) {
    BY_WORD.set(w, target);
  }
}

/** A state as written in a file ("Đã thu về", "da thu ve", "RETURNED"…), or null. */
export function parseStateLabel(value: string): TFieldworkTarget | null {
  return BY_WORD.get(foldLabel(value)) ?? null;
}

const HEADERS = {
  code: ["maphieu", "ma", "maso", "code", "formcode"],
  state: ["trangthai", "tinhtrang", "ketqua", "trangthaiphieu", "state"],
  batch: ["logui", "lo", "malogui", "batch"],
};

/** A code cell: Excel may have turned the 14 digits into a number and dropped leading zeros. */
function codeText(c: Cell): string {
  if (typeof c === "number" && Number.isSafeInteger(c) && c > 0) return String(c).padStart(FORM_CODE_LENGTH, "0");
  return cellText(c);
}

export type TStateFile = { rows: TStateRow[]; problems: TRowProblem[]; notices: string[] };

export async function readStateFile(path: string): Promise<TStateFile> {
  const file = await openFrameFile(path, { maxRows: MAX_STATE_ROWS + 10 });
  const folded = file.header.cells.map(foldLabel);
  const find = (names: string[]) => folded.findIndex((h) => names.includes(h));
  const at = { code: find(HEADERS.code), state: find(HEADERS.state), batch: find(HEADERS.batch) };
  const cols = t.import.columns;
  const problems: TRowProblem[] = [];
  if (at.code < 0) problems.push({ row: file.header.row, column: cols.code, value: "", reason: t.import.missingColumn(cols.code) });
  if (at.state < 0) problems.push({ row: file.header.row, column: cols.state, value: "", reason: t.import.missingColumn(cols.state) });
  if (problems.length > 0) return { rows: [], problems, notices: [] };

  const rows: TStateRow[] = [];
  const seen = new Map<string, number>();
  let blankState = 0;
  for await (const raw of file.rows) {
    if (rows.length + problems.length > MAX_STATE_ROWS) {
      problems.push({ row: raw.row, column: "", value: "", reason: t.import.tooMany(MAX_STATE_ROWS) });
      break;
    }
    const codeCell = raw.cells[at.code] ?? null;
    const stateCell = raw.cells[at.state] ?? null;
    if (isBlank(stateCell)) {
      blankState++;
      continue;
    }
    const parsed = parseScannedFormCode(codeText(codeCell));
    const to = parseStateLabel(cellText(stateCell));
    let bad = false;
    if (!parsed.ok) {
      problems.push({ row: raw.row, column: file.header.cells[at.code] ?? cols.code, value: displayValue(codeCell), reason: parsed.reason });
      bad = true;
    } else if (seen.has(parsed.code)) {
      problems.push({ row: raw.row, column: file.header.cells[at.code] ?? cols.code, value: displayValue(codeCell), reason: t.import.repeated(seen.get(parsed.code) ?? 0) });
      bad = true;
    }
    if (to === null) {
      problems.push({ row: raw.row, column: file.header.cells[at.state] ?? cols.state, value: displayValue(stateCell), reason: t.import.unknownState(displayValue(stateCell)) });
      bad = true;
    }
    if (bad || !parsed.ok || to === null) continue;
    seen.set(parsed.code, raw.row);
    const batchCell = at.batch >= 0 ? (raw.cells[at.batch] ?? null) : null;
    rows.push({ row: raw.row, code: parsed.code, to, batchCode: isBlank(batchCell) ? null : cellText(batchCell).trim() });
  }
  const notices = readNotices(file.report);
  if (blankState > 0) notices.push(t.import.skippedBlank(blankState));
  if (rows.length === 0 && problems.length === 0) problems.push({ row: file.header.row, column: cols.state, value: "", reason: t.import.empty });
  return { rows, problems, notices };
}
