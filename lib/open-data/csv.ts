import type { OpenDataIssue } from "./issues";

/**
 * CSV as RFC 4180: comma-separated, fields with a comma, a double quote, CR
 * or LF are quoted and inner quotes doubled, records end with CRLF. Values
 * are written exactly as they are: open-data files are read by programs, so
 * a cell beginning with = + - @ tab or CR is not escaped (that spreadsheet
 * injection defence belongs to Excel exports, where it does not corrupt data).
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(",") + "\r\n";
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Parses a UTF-8 CSV file (a leading BOM is accepted) into records, the header
 * first, each with the line of the file it starts on. Empty lines are skipped,
 * so a stray blank line is harmless. Line breaks may be CRLF, LF or CR. On
 * malformed input returns an issue instead.
 *
 * Hand-written rather than csv-parse: the responses file of a province is
 * ~100,000 records × 35 fields, and this single pass over the string with
 * indexOf and a sticky regular expression is several times faster.
 */
export function parseCsv(
  file: string,
  bytes: Uint8Array,
): { rows: string[][]; lines: number[] } | { issues: OpenDataIssue[] } {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { issues: [{ file, row: null, column: null, message: "Tệp không được mã hóa UTF-8; hãy lưu lại với bảng mã UTF-8" }] };
  }
  const parsed = parseCsvText(text);
  if ("error" in parsed) {
    return { issues: [{ file, row: parsed.error.line, column: null, message: `Lỗi định dạng CSV: ${parsed.error.reason}` }] };
  }
  if (parsed.rows.length === 0) return { issues: [{ file, row: null, column: null, message: "Tệp trống, thiếu dòng tiêu đề" }] };
  return parsed;
}

const UNQUOTED = /[^,\r\n"]*/y;

export function parseCsvText(
  input: string,
): { rows: string[][]; lines: number[] } | { error: { line: number; reason: string } } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const n = text.length;
  const rows: string[][] = [];
  const lines: number[] = [];
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const record: string[] = [];
    let quotedAny = false;
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === 34) {
        quotedAny = true;
        const open = line;
        let buf = "";
        i++;
        for (;;) {
          const j = text.indexOf('"', i);
          if (j < 0) return { error: { line: open, reason: "dấu ngoặc kép mở nhưng không được đóng" } };
          const chunk = text.slice(i, j);
          for (let k = chunk.indexOf("\n"); k >= 0; k = chunk.indexOf("\n", k + 1)) line++;
          buf += chunk;
          if (text.charCodeAt(j + 1) === 34) {
            buf += '"';
            i = j + 2;
            continue;
          }
          i = j + 1;
          break;
        }
        field = buf;
        const c = text.charCodeAt(i);
        if (i < n && c !== 44 && c !== 13 && c !== 10) {
          return { error: { line, reason: "có ký tự ngay sau dấu ngoặc kép đóng; dấu ngoặc kép trong ô phải được nhân đôi" } };
        }
      } else {
        UNQUOTED.lastIndex = i;
        UNQUOTED.test(text);
        const j = UNQUOTED.lastIndex;
        if (text.charCodeAt(j) === 34) {
          return { error: { line, reason: "ô không bao bởi dấu ngoặc kép lại chứa dấu ngoặc kép" } };
        }
        field = text.slice(i, j);
        i = j;
      }
      record.push(field);
      if (text.charCodeAt(i) === 44) {
        i++;
        continue;
      }
      // End of record: CRLF, LF, CR or end of text.
      if (text.charCodeAt(i) === 13) i++;
      if (text.charCodeAt(i) === 10) i++;
      line++;
      break;
    }
    if (record.length === 1 && record[0] === "" && !quotedAny) continue;
    rows.push(record);
    lines.push(start);
  }
  return { rows, lines };
}
