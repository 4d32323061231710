import type pg from "pg";

/** The parts of pg's connection a COPY FROM STDIN talks to (pg's Submittable protocol). */
type CopyConnection = { query: (text: string) => void; sendCopyFromChunk: (chunk: Buffer) => void; endCopyFrom: () => void };

/** Bytes per CopyData message. */
const COPY_PIECE = 64 * 1024;

/**
 * `COPY … FROM STDIN` with pg's own client (pg-copy-streams is not a dependency): a query
 * object pg drives through its protocol hooks. The data is one buffer of COPY text format
 * (copyText below); a chunk of ten thousand rows is a few megabytes.
 */
class CopyFrom {
  rowCount = 0;
  readonly done: Promise<number>;
  private settle!: (err: unknown) => void;

  constructor(
    readonly text: string,
    private readonly data: Buffer,
  ) {
    this.done = new Promise<number>((resolve, reject) => {
      this.settle = (err) => (err ? reject(err) : resolve(this.rowCount));
    });
  }

  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: CopyConnection): void {
    // pg copies each piece into a message buffer of its own size: pieces of 64 KB keep
    // those below glibc's mmap threshold (a freed mmap'ed block of a few MB raises the
    // threshold, after which the process keeps freed memory instead of returning it).
    for (let at = 0; at < this.data.length; at += COPY_PIECE) connection.sendCopyFromChunk(this.data.subarray(at, at + COPY_PIECE));
    connection.endCopyFrom();
  }
  handleCommandComplete(msg: { text: string }): void {
    this.rowCount = Number(msg.text.split(" ").pop());
  }
  handleReadyForQuery(): void {
    this.settle(null);
  }
  handleError(err: unknown): void {
    this.settle(err);
  }
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
}

/**
 * Runs `COPY <table> (<columns>) FROM STDIN` with `data` in text format (a string, or its
 * UTF-8 bytes); returns the rows copied. A buffer is not copied: it may be reused once the
 * returned promise settles (the server has then read all of it).
 */
export function copyFrom(client: pg.ClientBase, table: string, columns: readonly string[], data: string | Buffer): Promise<number> {
  const q = new CopyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`, typeof data === "string" ? Buffer.from(data, "utf8") : data);
  void client.query(q as unknown as pg.QueryConfig);
  return q.done;
}

/** One value in COPY text format: NULL as \N; backslash, tab, newline and carriage return escaped. */
export function copyText(v: string | number | null): string {
  if (v === null) return "\\N";
  if (typeof v === "number") return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : v;
}

/**
 * `COPY (…) TO STDOUT` with pg's own client (no pg-copy-streams): a query object pg drives
 * through its protocol hooks, handing every data row (one CopyData message, COPY text
 * format, ending in LF) to `onRow` as a view of pg's receive buffer, valid only during the
 * call. Rows are never turned into objects or strings unless `onRow` does so.
 */
class CopyTo {
  rowCount = 0;
  readonly done: Promise<number>;
  private settle!: (err: unknown) => void;
  private failed: unknown = null;

  constructor(
    readonly text: string,
    private readonly onRow: (row: Buffer) => void,
  ) {
    this.done = new Promise<number>((resolve, reject) => {
      this.settle = (err) => (err ? reject(err) : resolve(this.rowCount));
    });
  }

  submit(connection: { query: (text: string) => void }): void {
    connection.query(this.text);
  }
  handleCopyData(msg: { chunk: Buffer }): void {
    if (this.failed) return;
    try {
      this.onRow(msg.chunk);
    } catch (err) {
      // Keep reading to the end of the protocol exchange, then report.
      this.failed = err;
    }
  }
  handleCommandComplete(msg: { text: string }): void {
    this.rowCount = Number(msg.text.split(" ").pop());
  }
  handleReadyForQuery(): void {
    this.settle(this.failed);
  }
  handleError(err: unknown): void {
    this.settle(err);
  }
  handleCopyInResponse(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
}

/** Runs `COPY (<select>) TO STDOUT` (text format); `onRow` sees each row's bytes. Returns the rows read. */
export function copyTo(client: pg.ClientBase, select: string, onRow: (row: Buffer) => void): Promise<number> {
  const q = new CopyTo(`COPY (${select}) TO STDOUT`, onRow);
  void client.query(q as unknown as pg.QueryConfig);
  return q.done;
}

/**
 * One field of COPY text format back to its value: `\\` `\t` `\n` `\r` `\b` `\f` `\v` and
 * octal/hex escapes. `\N` (NULL) is the caller's business.
 */
export function unescapeCopy(s: string): string {
  if (!s.includes("\\")) return s;
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/gs, (_, e: string) => {
    switch (e[0]) {
      case "b":
        return "\b";
      case "f":
        return "\f";
      case "n":
        return "\n";
      case "r":
        return "\r";
      case "t":
        return "\t";
      case "v":
        return "\v";
      case "x":
        return String.fromCharCode(parseInt(e.slice(1), 16));
      default:
        return /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e;
    }
  });
}
