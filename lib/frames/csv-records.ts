/**
 * Streaming CSV records (RFC 4180 with the leniencies of spreadsheet exports), pure.
 * Replaces csv-parse in the frame reader: a million-row frame spent most of its reading
 * time there, and this scan with indexOf (each delimiter and line break searched for once)
 * is several times faster (the approach of lib/open-data/csv.ts, made incremental over
 * decoded chunks).
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
const NONE: string[][] = [];

/**
 * The incremental parser: push() decoded text as it comes, finish() at the end of the input;
 * each returns the records completed so far. Pure and synchronous (the reader awaits once
 * per chunk, not per record).
 */
export class CsvRecordParser {
  private readonly delimiter: number;
  private readonly delimiterText: string;
  /** Text not yet parsed: the start of an unfinished record, then the chunks pushed since. */
  private readonly parts: string[] = [];
  private partsLength = 0;
  /** The line of text[0], for errors. */
  private line = 1;
  /** A long unfinished record is parsed again only once the text has doubled. */
  private retryAt = 0;
  // Within one pass over `text`: the next delimiter, CR and LF at or after the scan
  // position (text.length when there is none), each searched again only once passed, so
  // that an unquoted field costs no more than comparing three numbers.
  private nextDelimiter = 0;
  private nextCr = 0;
  private nextLf = 0;
  // What parse() found: where the record ends and how many lines it spans.
  private end = 0;
  private lines = 0;

  constructor(
    delimiter: string,
    /** Bounds one record, in characters. */
    private readonly maxRecord: number,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
    this.delimiterText = delimiter[0]!;
  }

  /** The records that `chunk` completes. */
  push(chunk: string): string[][] {
    this.parts.push(chunk);
    this.partsLength += chunk.length;
    // A 16 MB cell then costs a few passes, not one per chunk.
    if (this.partsLength < this.retryAt) return NONE;
    const out = this.drain(false);
    this.retryAt = this.partsLength > 65_536 ? this.partsLength * 2 : 0;
    return out;
  }

  /** The records left at the end of the input. */
  finish(): string[][] {
    return this.drain(true);
  }

  private drain(eof: boolean): string[][] {
    // join() makes one flat string, which charCodeAt reads faster than a concatenation.
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join("");
    const out: string[][] = [];
    this.nextDelimiter = this.nextCr = this.nextLf = -1;
    let i = 0;
    while (i < text.length) {
      const fields = this.parse(text, i, eof);
      if (fields === null) break;
      i = this.end;
      this.line += this.lines;
      out.push(fields);
    }
    const rest = text.slice(i);
    this.parts.length = 0;
    this.parts.push(rest);
    this.partsLength = rest.length;
    if (rest.length > this.maxRecord) throw new CsvSyntaxError("too-big", this.line);
    return out;
  }

  /**
   * Parses the record of `text` starting at `i` (this.end, this.lines: where it ends, the
   * lines it spans). Returns null when the text ends before the record does and more may
   * come (`eof` false).
   */
  private parse(text: string, i: number, eof: boolean): string[] | null {
    const n = text.length;
    const delimiter = this.delimiter;
    const line = this.line;
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
          // Line breaks inside the quotes, for the line numbers of errors.
          if (this.nextLf < j) this.nextLf = found(text.indexOf("\n", j), n);
          while (this.nextLf < k) {
            lines++;
            this.nextLf = found(text.indexOf("\n", this.nextLf + 1), n);
          }
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
        // Up to the next delimiter, CR or LF (or the end of the text).
        if (this.nextDelimiter < i) this.nextDelimiter = found(text.indexOf(this.delimiterText, i), n);
        if (this.nextCr < i) this.nextCr = found(text.indexOf("\r", i), n);
        if (this.nextLf < i) this.nextLf = found(text.indexOf("\n", i), n);
        const j = Math.min(this.nextDelimiter, this.nextCr, this.nextLf);
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
      this.end = i;
      this.lines = lines + 1;
      return fields;
    }
  }
}

function found(at: number, n: number): number {
  return at === -1 ? n : at;
}

/** The records of csvRecords, those completed by each chunk together: one await per chunk. */
export async function* csvRecordBatches(chunks: AsyncIterable<string>, delimiter: string, maxRecord: number): AsyncGenerator<string[][]> {
  const parser = new CsvRecordParser(delimiter, maxRecord);
  for await (const chunk of chunks) {
    const batch = parser.push(chunk);
    if (batch.length > 0) yield batch;
  }
  const last = parser.finish();
  if (last.length > 0) yield last;
}

/** The records of a stream of decoded text chunks. `maxRecord` bounds one record, in characters. */
export async function* csvRecords(chunks: AsyncIterable<string>, delimiter: string, maxRecord: number): AsyncGenerator<string[]> {
  for await (const batch of csvRecordBatches(chunks, delimiter, maxRecord)) yield* batch;
}
