import type pg from "pg";

/** The parts of pg's connection a COPY FROM STDIN talks to (pg's Submittable protocol). */
type CopyConnection = { query: (text: string) => void; sendCopyFromChunk: (chunk: Buffer) => void; endCopyFrom: () => void };

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
    connection.sendCopyFromChunk(this.data);
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
 * COPY text accumulated in one growing buffer, so that a chunk of rows lives outside the
 * JavaScript heap and the buffer is reused from chunk to chunk.
 */
export class CopyBuffer {
  private buf = Buffer.allocUnsafe(1 << 20);
  length = 0;

  append(s: string): void {
    // At most 3 bytes per UTF-16 code unit.
    if (this.buf.length - this.length < s.length * 3) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + s.length * 3));
      this.buf.copy(bigger, 0, 0, this.length);
      this.buf = bigger;
    }
    this.length += this.buf.write(s, this.length, "utf8");
  }

  /** The bytes so far (a view: valid until the next append or clear). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }
}
