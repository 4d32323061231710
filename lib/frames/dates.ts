import type { Cell } from "./cell";
import { OversizedCell } from "./cell";

/** Days from 1899-12-30 (Excel's serial 0 once its 1900 leap-year bug is past) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569;
/** 31/12/9999, Excel's last date. */
const EXCEL_MAX_SERIAL = 2_958_465;

function iso(y: number, mo: number, d: number): string | null {
  if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Excel serial date (1900 system) → yyyy-mm-dd; serials before 01/03/1900 are refused. */
export function fromExcelSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial >= EXCEL_MAX_SERIAL + 1) return null;
  const d = new Date((Math.floor(serial) - EXCEL_EPOCH_OFFSET) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const SERIAL = /^\d{2,7}(?:\.\d+)?$/;

/**
 * A result date → yyyy-mm-dd, or null when it is not a date. Accepts dd/mm/yyyy and
 * d/m/yyyy (also with - or . and an ignored time of day), yyyy-mm-dd, an Excel date cell
 * (its calendar date, read in UTC as exceljs builds it), and an Excel serial number
 * (a number cell, or digits in a CSV).
 */
export function parseDateCell(c: Cell): string | null {
  if (c === null || c instanceof OversizedCell) return null;
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : c.toISOString().slice(0, 10);
  if (typeof c === "number") return fromExcelSerial(c);
  // A frame holds a few hundred distinct dates, each written a thousand times.
  if (c.length > 40) return parseDateText(c);
  const known = memo.get(c);
  if (known !== undefined) return known;
  const parsed = parseDateText(c);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(c, parsed);
  return parsed;
}

const MEMO_SIZE = 4096;
const memo = new Map<string, string | null>();

function parseDateText(c: string): string | null {
  const s = c.trim();
  let m = DMY.exec(s);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = YMD.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  if (SERIAL.test(s)) return fromExcelSerial(Number(s));
  return null;
}

/** yyyy-mm-dd → dd/mm/yyyy, for messages. */
export function displayDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}
