/**
 * Streaming CSV records (RFC 4180 with the leniencies of spreadsheet exports), pure.
 * Replaces csv-parse in the frame reader: a million-row frame spent most of its reading
 * time there, and this scan with indexOf and a sticky expression per field is several times
 * faster (the approach of lib/open-data/csv.ts, made incremental over decoded chunks).
 *
 * Rules: one-character delimiter; a field starting with " is quoted, "" inside it is a
 * quote, line breaks inside it are kept; a quote inside an unquoted field is kept as text
 * (hand-typed `Công ty "Ánh Dương"`); records end with CRLF, LF or CR (or the end of the
 * text); an empty line is a record with one empty field; rows may differ in length.
 */

export class CsvSyntaxError extends Error {
  constructor(
    readonly kind: "quote" | "too-big",
    readonly line: number,
  ) {
    super(`CSV ${kind} at line ${line}`);
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

type Parsed = { fields: string[]; end: number; lines: number } | null;

/**
 * Parses one record of `text` starting at `i`. Returns null when the text ends before the
 * record does and more may come (`eof` false). `line` is the record's first line, for errors.
 */
function parseRecord(text: string, i: number, delimiter: number, unquoted: RegExp, eof: boolean, line: number): Parsed {
  const n = text.length;
  const fields: string[] = [];
  let lines = 0;
  for (;;) {
    if (i >= n && !eof) return null;
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      let buf = "";
      let j = i + 1;
      for (;;) {
        const k = text.indexOf('"', j);
        if (k < 0) {
          if (eof) throw new CsvSyntaxError("quote", line + lines);
          return null;
        }
        if (k + 1 >= n && !eof) return null;
        const chunk = text.slice(j, k);
        for (let x = chunk.indexOf("\n"); x >= 0; x = chunk.indexOf("\n", x + 1)) lines++;
        if (text.charCodeAt(k + 1) === QUOTE) {
          buf += `${chunk}"`;
          j = k + 2;
          continue;
        }
        buf += chunk;
        i = k + 1;
        break;
      }
      field = buf;
      const c = text.charCodeAt(i);
      if (i < n && c !== delimiter && c !== CR && c !== LF) throw new CsvSyntaxError("quote", line + lines);
    } else {
      unquoted.lastIndex = i;
      unquoted.test(text);
      const j = unquoted.lastIndex;
      if (j >= n && !eof) return null;
      field = text.slice(i, j);
      i = j;
    }
    fields.push(field);
    const c = text.charCodeAt(i);
    if (c === delimiter) {
      i++;
      continue;
    }
    if (c === CR) {
      // A CR at the very end may be the first half of a CRLF cut by the chunk boundary.
      if (i + 1 >= n && !eof) return null;
      i++;
      if (text.charCodeAt(i) === LF) i++;
    } else if (c === LF) i++;
    return { fields, end: i, lines: lines + 1 };
  }
}

/** The records of csvRecords, those completed by each chunk together: one await per chunk. */
export async function* csvRecordBatches(chunks: AsyncIterable<string>, delimiter: string, maxRecord: number): AsyncGenerator<string[][]> {
  const d = delimiter.charCodeAt(0);
  const escaped = delimiter.replace(/[\\^\]-]/g, "\\$&");
  const unquoted = new RegExp(`[^${escaped}\\r\\n]*`, "y");
  let text = "";
  let line = 1;
  const drain = (eof: boolean): string[][] => {
    const out: string[][] = [];
    let i = 0;
    while (i < text.length) {
      const r = parseRecord(text, i, d, unquoted, eof, line);
      if (r === null) break;
      i = r.end;
      line += r.lines;
      out.push(r.fields);
    }
    text = text.slice(i);
    if (text.length > maxRecord) throw new CsvSyntaxError("too-big", line);
    return out;
  };
  // A long unfinished record is parsed again only once the text has doubled: a 16 MB cell
  // then costs a few passes, not one per chunk.
  let retryAt = 0;
  for await (const chunk of chunks) {
    text += chunk;
    if (text.length < retryAt) continue;
    const batch = drain(false);
    if (batch.length > 0) yield batch;
    retryAt = text.length > 65_536 ? text.length * 2 : 0;
  }
  const last = drain(true);
  if (last.length > 0) yield last;
}

/** The records of a stream of decoded text chunks. `maxRecord` bounds one record, in characters. */
export async function* csvRecords(chunks: AsyncIterable<string>, delimiter: string, maxRecord: number): AsyncGenerator<string[]> {
  for await (const batch of csvRecordBatches(chunks, delimiter, maxRecord)) yield* batch;
}
