import { Utf8Buffer } from "@/lib/utf8-buffer";

/** Shared strings per block: a block lies in one segment. */
const BLOCK = 64;
/** Bytes per segment of the table: a new segment starts with the first block past this. */
const SEGMENT_BYTES = 8 << 20;
/** Strings kept by index (direct-mapped) once asked for twice, so that a frequent one is one string object. */
const CACHED_STRINGS = 1 << 14;
/** Entries per page of the offset tables (64 KB). */
const PAGE_BITS = 14;
const PAGE = 1 << PAGE_BITS;

/**
 * A growing table of uint32 in pages of 64 KB: it grows without copying, and no page is
 * freed while it grows. (A typed array that doubles frees its old self each time; once
 * glibc has freed an mmap'ed block of a few MB it serves every smaller request from its
 * heap, which does not shrink: the process kept 90 MB more after a large import.)
 */
class PagedUint32 {
  private readonly pages: Uint32Array[] = [];

  get(i: number): number {
    return this.pages[i >>> PAGE_BITS]![i & (PAGE - 1)]!;
  }

  set(i: number, value: number): void {
    const p = i >>> PAGE_BITS;
    while (p >= this.pages.length) this.pages.push(new Uint32Array(PAGE));
    this.pages[p]![i & (PAGE - 1)] = value;
  }

  /** Subtracts `delta` from entries [from, to). */
  shift(from: number, to: number, delta: number): void {
    for (let i = from; i < to; i++) this.set(i, this.get(i) - delta);
  }
}

/**
 * The shared-string table of an .xlsx, which Excel files use for every text cell: a
 * million-row list holds millions of distinct strings. Kept as UTF-8 outside the
 * JavaScript heap (about a third of the memory of an array of strings), in segments of
 * 8 MB that never grow: a block of 64 strings that would overflow its segment moves whole
 * to the next one (a grown segment would be copied to twice its size, and the table take
 * twice its memory). For each string, the byte where it ends in its segment.
 *
 * A cell's string is decoded from its bytes when asked for: the string is garbage as soon
 * as its row is written, and the young generation collects it. (Decoding a block of 64 at
 * once and cutting the cells from it kept every block alive in a cache long enough for the
 * garbage collector to move it to the old generation: 160 MB of heap for a million rows.)
 * A string asked for twice in a row of its cache slot is kept, so that the unit, kind,
 * field and date columns get the same string object each time; a string asked for once is
 * never kept. Push every string before the first get().
 */
export class SharedStrings {
  private readonly segments: Utf8Buffer[];
  private segment: Utf8Buffer;
  /** Per string: the byte where it ends in its segment. */
  private readonly ends = new PagedUint32();
  /** Per block: its segment, and the byte where it starts in it. */
  private readonly blockSegments = new PagedUint32();
  private readonly blockStarts = new PagedUint32();
  private readonly cachedKey = new Int32Array(CACHED_STRINGS).fill(-1);
  private readonly cachedText: string[] = new Array<string>(CACHED_STRINGS).fill("");
  /** Per cache slot: the last string asked for that was not kept. */
  private readonly seenKey = new Int32Array(CACHED_STRINGS).fill(-1);
  count = 0;

  constructor(private readonly segmentBytes = SEGMENT_BYTES) {
    this.segment = new Utf8Buffer(segmentBytes);
    this.segments = [this.segment];
  }

  /** Adds a string (a lone surrogate reads back as U+FFFD, as UTF-8 cannot hold it). */
  push(s: string): void {
    this.next(s.length * 3);
    this.ends.set(this.count - 1, this.segment.append(s));
  }

  /** Adds a string given as valid UTF-8, src[start, end). */
  pushBytes(src: Uint8Array, start: number, end: number): void {
    this.next(end - start);
    this.ends.set(this.count - 1, this.segment.appendBytes(src, start, end));
  }

  /** Counts a new string of at most `bytes` bytes and makes room for it in its block's segment. */
  private next(bytes: number): void {
    const i = this.count++;
    const b = Math.floor(i / BLOCK);
    if (i % BLOCK === 0) {
      if (this.segment.length >= this.segmentBytes) this.newSegment();
      this.blockSegments.set(b, this.segments.length - 1);
      this.blockStarts.set(b, this.segment.length);
      return;
    }
    const segment = this.segment;
    const start = this.blockStarts.get(b);
    // A block that alone outgrows a segment grows its own.
    if (segment.length + bytes <= segment.capacity || start === 0) return;
    // The block so far moves to a new segment.
    const fresh = this.newSegment(segment.length - start + bytes);
    fresh.appendBytes(segment.bytes(), start, segment.length);
    segment.truncate(start);
    this.blockSegments.set(b, this.segments.length - 1);
    this.blockStarts.set(b, 0);
    this.ends.shift(b * BLOCK, i, start);
  }

  private newSegment(bytes = 0): Utf8Buffer {
    this.segment = new Utf8Buffer(Math.max(this.segmentBytes, bytes));
    this.segments.push(this.segment);
    return this.segment;
  }

  /** Bytes of the segments (their capacity, not what they hold). */
  get heldBytes(): number {
    let n = 0;
    for (const s of this.segments) n += s.capacity;
    return n;
  }

  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count && Number.isInteger(i))) return undefined;
    const slot = i & (CACHED_STRINGS - 1);
    if (this.cachedKey[slot] === i) return this.cachedText[slot];
    const b = Math.floor(i / BLOCK);
    const start = i % BLOCK === 0 ? this.blockStarts.get(b) : this.ends.get(i - 1);
    const s = this.segments[this.blockSegments.get(b)]!.text(start, this.ends.get(i));
    if (this.seenKey[slot] === i) {
      this.cachedKey[slot] = i;
      this.cachedText[slot] = s;
    } else {
      this.seenKey[slot] = i;
    }
    return s;
  }
}
