/**
 * UTF-8 text accumulated in one growing buffer outside the JavaScript heap, reused after
 * clear(): COPY chunks of the frame import (lib/frames/import-writer.ts) and the shared
 * strings of an .xlsx (lib/frames/xlsx-shared-strings.ts).
 */
/** Buffer's own decoders, without toString's handling of its arguments (a call per cell). */
type Decoders = { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };
const hasDecoders = typeof (Buffer.prototype as unknown as Partial<Decoders>).latin1Slice === "function";

/** The text of data[start, end), valid UTF-8 (`ascii`: all of it below 0x80). */
export function decodeBytes(data: Buffer, start: number, end: number, ascii: boolean): string {
  if (!hasDecoders) return data.toString(ascii ? "latin1" : "utf8", start, end);
  const d = data as unknown as Decoders;
  return ascii ? d.latin1Slice(start, end) : d.utf8Slice(start, end);
}

export class Utf8Buffer {
  private buf: Buffer;
  length = 0;

  constructor(initialBytes = 1 << 20) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  /** Appends `s`; returns the byte offset where it ends. */
  append(s: string): number {
    // At most 3 bytes per UTF-16 code unit.
    this.reserve(s.length * 3);
    this.length += this.buf.write(s, this.length, "utf8");
    return this.length;
  }

  /** Appends bytes that are already UTF-8, src[start, end); returns the byte offset where they end. */
  appendBytes(src: Uint8Array, start: number, end: number): number {
    this.reserve(end - start);
    const buf = this.buf;
    let at = this.length;
    // Most pieces are a few dozen bytes: a loop costs less than a call into C++.
    if (end - start <= 64) {
      for (let i = start; i < end; i++) buf[at++] = src[i]!;
    } else {
      buf.set(src.subarray(start, end), at);
      at += end - start;
    }
    this.length = at;
    return at;
  }

  private reserve(bytes: number): void {
    if (this.buf.length - this.length < bytes) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + bytes));
      this.buf.copy(bigger, 0, 0, this.length);
      this.buf = bigger;
    }
  }

  /** Bytes it holds without growing. */
  get capacity(): number {
    return this.buf.length;
  }

  /** Drops the bytes from `length` on (they may be read first through bytes()). */
  truncate(length: number): void {
    this.length = Math.min(this.length, length);
  }

  /** The bytes so far (a view: valid until the next append or clear). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.length);
  }

  /** The text between two byte offsets that append() returned. */
  text(start: number, end: number): string {
    return decodeBytes(this.buf, start, end, false);
  }

  clear(): void {
    this.length = 0;
  }
}
