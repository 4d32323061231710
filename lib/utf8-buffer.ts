/**
 * UTF-8 text accumulated in one growing buffer outside the JavaScript heap, reused after
 * clear(): COPY chunks of the frame import (lib/frames/import-writer.ts) and the shared
 * strings of an .xlsx (lib/frames/read-xlsx.ts).
 */
export class Utf8Buffer {
  private buf = Buffer.allocUnsafe(1 << 20);
  length = 0;

  /** Appends `s`; returns the byte offset where it ends. */
  append(s: string): number {
    // At most 3 bytes per UTF-16 code unit.
    if (this.buf.length - this.length < s.length * 3) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + s.length * 3));
      this.buf.copy(bigger, 0, 0, this.length);
      this.buf = bigger;
    }
    this.length += this.buf.write(s, this.length, "utf8");
    return this.length;
  }

  /** The bytes so far (a view: valid until the next append or clear). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.length);
  }

  /** The text between two byte offsets that append() returned. */
  text(start: number, end: number): string {
    return this.buf.toString("utf8", start, end);
  }

  clear(): void {
    this.length = 0;
  }
}
