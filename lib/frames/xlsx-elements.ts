import { isUtf8 } from "node:buffer";
import { incompleteTail } from "./utf8";

/**
 * Repeated elements of a SpreadsheetML part (`<si>` of shared strings, `<row>` of a sheet)
 * out of the part's inflated bytes, each as its attributes and body, without holding more
 * than one unfinished element.
 *
 * Two scanners with the same result: ElementScanner, regular expressions over decoded text
 * (any producer: namespace prefixes, elements of many megabytes, bytes that are not
 * UTF-8); and elementBatches' scan of the bytes themselves, which needs no decoding (a
 * sheet of shared strings is never decoded at all) and hands the rest of the part to
 * ElementScanner as soon as it meets something it does not handle.
 */

/** Text held while looking for the end of one element (or one shared string): a 10 MB cell fits. */
export const MAX_PENDING_CHARS = 64 * 1024 * 1024;
/** An element longer than this is left to ElementScanner, which does not copy long text again for each chunk. */
const LONG_ELEMENT_BYTES = 1024 * 1024;

export type Element = { attrs: string; body: string | null };

/**
 * Elements out of decoded text pushed a chunk at a time: push() returns the elements the
 * chunk completes, end() checks that none is left open.
 */
export class ElementScanner {
  private readonly start: RegExp;
  private pending = "";
  /** The start tag (at pending[0]) of an element whose end has not arrived yet. */
  private open: { tagLength: number; attrs: string; close: string } | null = null;
  /** Where to go on looking for that end. */
  private searchFrom = 0;
  /** While an element is open and long (a 10 MB cell), its text so far, not yet joined. */
  private readonly parts: string[] = [];
  private partsLength = 0;

  constructor(private readonly name: string) {
    this.start = new RegExp(`<([\\w.-]+:)?${name}\\b([^>]*?)(/?)>`, "g");
  }

  push(chunk: string): Element[] {
    const { name } = this;
    let open = this.open;
    if (open && this.parts.length > 0) {
      // Look for the end in the new text (and the few characters before it) only.
      const tail = this.tail(open.close.length - 1);
      if ((tail + chunk).indexOf(open.close) === -1) {
        this.parts.push(chunk);
        this.partsLength += chunk.length;
        if (this.partsLength > MAX_PENDING_CHARS) throw new Error(`<${name}> longer than ${MAX_PENDING_CHARS} characters`);
        return [];
      }
      this.searchFrom = Math.max(open.tagLength, this.partsLength - open.close.length + 1);
      this.pending = this.parts.join("") + chunk;
      this.parts.length = 0;
      this.partsLength = 0;
    } else {
      this.pending += chunk;
    }
    let pending = this.pending;
    let pos = 0;
    const done: Element[] = [];
    for (;;) {
      let at: number;
      if (open) {
        at = 0;
      } else {
        this.start.lastIndex = pos;
        const s = this.start.exec(pending);
        if (!s) break;
        if (s[3] === "/") {
          done.push({ attrs: s[2]!, body: null });
          pos = s.index + s[0].length;
          continue;
        }
        at = s.index;
        open = { tagLength: s[0].length, attrs: s[2]!, close: `</${s[1] ?? ""}${name}>` };
        this.searchFrom = at + open.tagLength;
      }
      const end = pending.indexOf(open.close, this.searchFrom);
      if (end === -1) {
        // Wait for more text; the part already searched is not searched again.
        pending = pending.slice(at);
        this.searchFrom = Math.max(open.tagLength, pending.length - open.close.length + 1);
        this.parts.push(pending);
        this.partsLength = pending.length;
        pending = "";
        pos = -1;
        break;
      }
      done.push({ attrs: open.attrs, body: pending.slice(at + open.tagLength, end) });
      pos = end + open.close.length;
      open = null;
    }
    if (pos !== -1) {
      // No element open: keep only what may begin the next start tag.
      const lt = pending.lastIndexOf("<");
      pending = lt >= pos ? pending.slice(lt) : "";
    }
    this.open = open;
    this.pending = pending;
    if (pending.length > MAX_PENDING_CHARS) throw new Error(`<${name}> longer than ${MAX_PENDING_CHARS} characters`);
    return done;
  }

  end(): void {
    if (this.open) throw new Error(`<${this.name}> not closed at the end of the part`);
  }

  /** The last `n` characters of the parts (which may each be shorter than that). */
  private tail(n: number): string {
    let tail = "";
    for (let i = this.parts.length - 1; i >= 0 && tail.length < n; i--) tail = this.parts[i]! + tail;
    return tail.slice(-n);
  }
}

/**
 * An element found in the bytes: its attribute text is data[attrs, attrsEnd), its body
 * data[body, bodyEnd) (body -1 when self-closing).
 */
export type FromBytes<T> = (data: Buffer, attrs: number, attrsEnd: number, body: number, bodyEnd: number) => T;
/** The same for an element that ElementScanner found. */
export type FromText<T> = (element: Element) => T;

const LT = 60;
const GT = 62;
const SLASH = 47;

/** [A-Za-z0-9_]: the characters after which `\b` needs a non-word character. */
function isWordByte(b: number): boolean {
  return (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b === 95;
}

/** [\w.-]: the characters of a namespace prefix. */
function isPrefixByte(b: number): boolean {
  return isWordByte(b) || b === 46 || b === 45;
}

/** Whether data[at…] begins with `bytes`. */
function startsAt(data: Buffer, at: number, bytes: Buffer): boolean {
  if (at + bytes.length > data.length) return false;
  for (let i = 0; i < bytes.length; i++) if (data[at + i] !== bytes[i]) return false;
  return true;
}

// Searches that look at the first bytes themselves before calling Buffer.indexOf: most
// tags and shared strings are short, and a call costs as much as a few dozen comparisons.
const NEAR = 48;

/** data.indexOf(byte, from). */
function find(data: Buffer, byte: number, from: number): number {
  const near = Math.min(from + NEAR, data.length);
  for (let i = from; i < near; i++) if (data[i] === byte) return i;
  return near === data.length ? -1 : data.indexOf(byte, near);
}

/** data.indexOf(close, from), close being `</name>`. */
function findClose(data: Buffer, from: number, close: Buffer): number {
  const near = Math.min(from + NEAR, data.length);
  for (let i = from; i < near; i++) if (data[i] === LT && startsAt(data, i, close)) return i;
  return near === data.length ? -1 : data.indexOf(close, near);
}

/** Where `<prefix:name` (the pattern `prefixed` being `:name`) first starts at or after `from`, or -1. */
function prefixedStart(data: Buffer, from: number, prefixed: Buffer): number {
  for (let h = data.indexOf(prefixed, from); h !== -1; h = data.indexOf(prefixed, h + 1)) {
    let j = h - 1;
    while (j >= from && isPrefixByte(data[j]!)) j--;
    if (j < h - 1 && j >= from && data[j] === LT) return j;
  }
  return -1;
}

/**
 * The elements `name` of a part, from its inflated bytes: those each chunk completes,
 * together, converted by `fromBytes` or, once the part has needed ElementScanner, by
 * `fromText`. The bytes are scanned as long as the part is what Excel and most producers
 * write: element names without a namespace prefix, valid UTF-8 (which `fromBytes` may
 * then decode a piece at a time), elements below 1 MB. At the first thing else, the rest
 * of the part, from the end of the last element found, goes to ElementScanner: the
 * elements found are the same either way.
 */
export async function* elementBatches<T>(
  chunks: AsyncIterable<Buffer>,
  name: string,
  fromBytes: FromBytes<T>,
  fromText: FromText<T>,
  /** Where a body starting at data[from] ends (its close tag), when that can be told by reading it; -1 otherwise. */
  bodyEnd?: (data: Buffer, from: number) => number,
): AsyncGenerator<T[]> {
  const open = Buffer.from(`<${name}`, "latin1");
  const close = Buffer.from(`</${name}>`, "latin1");
  const prefixed = Buffer.from(`:${name}`, "latin1");
  /** Bytes of the part after the last element found, not yet scanned to the end. */
  let carry: Buffer | null = null;
  /** Bytes of the part before `carry` (or before the chunk when there is none). */
  let offset = 0;
  let text: TextScan | null = null;
  const toText = (data: Buffer, from: number, out: T[]): TextScan => {
    // A BOM counts only at the very start of the part, where the decoder drops it.
    const decoder = new TextDecoder("utf-8", { ignoreBOM: offset + from > 0 });
    const scanner = new ElementScanner(name);
    for (const e of scanner.push(decoder.decode(data.subarray(from), { stream: true }))) out.push(fromText(e));
    return { scanner, decoder };
  };
  for await (const chunk of chunks) {
    if (text !== null) {
      const out = text.scanner.push(text.decoder.decode(chunk, { stream: true })).map(fromText);
      if (out.length > 0) yield out;
      continue;
    }
    const data: Buffer = carry === null ? chunk : Buffer.concat([carry, chunk]);
    carry = null;
    const out: T[] = [];
    const n = data.length;
    const complete = n - incompleteTail(data).length;
    let pos = 0;
    let switchAt = isUtf8(data.subarray(0, complete)) ? -1 : 0;
    let prefixedAt = switchAt === -1 ? prefixedStart(data, 0, prefixed) : -1;
    let keepFrom = -1;
    while (switchAt === -1) {
      // Elements mostly follow one another: look right here before searching.
      const k = startsAt(data, pos, open) ? pos : data.indexOf(open, pos);
      if (prefixedAt !== -1 && (k === -1 || prefixedAt < k)) {
        switchAt = pos;
        break;
      }
      if (k === -1) {
        // Keep what may begin the next start tag, and a character cut by the chunk's end.
        const lt = data.lastIndexOf(LT);
        keepFrom = Math.min(lt >= pos ? lt : n, complete);
        break;
      }
      const after = k + open.length;
      if (after >= n) {
        keepFrom = k;
        break;
      }
      if (isWordByte(data[after]!)) {
        // <rowBreaks, <sid…: another element
        pos = k + 1;
        continue;
      }
      const gt = find(data, GT, after);
      if (gt === -1) {
        keepFrom = k;
        break;
      }
      if (data[gt - 1] === SLASH && gt - 1 >= after) {
        out.push(fromBytes(data, after, gt - 1, -1, -1));
        pos = gt + 1;
      } else {
        const read = bodyEnd ? bodyEnd(data, gt + 1) : -1;
        const end = read !== -1 ? read : findClose(data, gt + 1, close);
        if (end === -1) {
          keepFrom = k;
          break;
        }
        out.push(fromBytes(data, after, gt, gt + 1, end));
        pos = end + close.length;
      }
      if (prefixedAt !== -1 && prefixedAt < pos) prefixedAt = prefixedStart(data, pos, prefixed);
    }
    if (switchAt === -1 && keepFrom !== -1 && n - keepFrom > LONG_ELEMENT_BYTES) switchAt = keepFrom;
    if (switchAt !== -1) {
      text = toText(data, switchAt, out);
    } else if (keepFrom !== -1 && keepFrom < n) {
      carry = Buffer.from(data.subarray(keepFrom));
      offset += keepFrom;
    } else {
      offset += n;
    }
    if (out.length > 0) yield out;
  }
  const last: T[] = [];
  if (text === null && carry !== null) text = toText(carry, 0, last);
  if (text !== null) {
    for (const e of text.scanner.push(text.decoder.decode())) last.push(fromText(e));
    text.scanner.end();
  }
  if (last.length > 0) yield last;
}

type TextScan = { scanner: ElementScanner; decoder: TextDecoder };
