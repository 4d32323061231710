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

/** Runs `COPY <table> (<columns>) FROM STDIN` with `data` in text format; returns the rows copied. */
export function copyFrom(client: pg.ClientBase, table: string, columns: readonly string[], data: string): Promise<number> {
  const q = new CopyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`, Buffer.from(data, "utf8"));
  void client.query(q as unknown as pg.QueryConfig);
  return q.done;
}

/** One value in COPY text format: NULL as \N; backslash, tab, newline and carriage return escaped. */
export function copyText(v: string | number | null): string {
  if (v === null) return "\\N";
  if (typeof v === "number") return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : v;
}
