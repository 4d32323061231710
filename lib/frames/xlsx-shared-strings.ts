import { Utf8Buffer } from "@/lib/utf8-buffer";

/** Shared strings per block: decoded together. */
const BLOCK = 64;
/** Bytes per segment of the table: a new segment starts with the first block past this. */
const SEGMENT_BYTES = 8 << 20;
/** Decoded blocks kept (direct-mapped): cells mostly ask for recent strings and a few frequent ones. */
const CACHED_BLOCKS = 256;
/** Strings kept by index (direct-mapped), so that a frequent one is the same string object each time. */
const CACHED_STRINGS = 1 << 14;

/**
 * The shared-string table of an .xlsx, which Excel files use for every text cell: a
 * million-row list holds millions of distinct strings. Kept as UTF-8 outside the
 * JavaScript heap (about a third of the memory of an array of strings), in segments of
 * 8 MB that are never copied to grow (one growing buffer would, at its last doubling, hold
 * the table three times over), with the character offset where each string ends in its
 * block of 64. A cell's string is cut from its block, which is decoded once for the cells
 * that follow: the cells of a sheet mostly ask for the strings in order, so there is one
 * decoding per block rather than per cell. Push every string before the first get().
 */
export class SharedStrings {
  private readonly segments: Utf8Buffer[];
  private segment: Utf8Buffer;
  /** Where each string ends, in UTF-16 code units from the start of its block. */
  private charEnds = new Uint32Array(1 << 14);
  /** Per block: its segment and where it starts in it, in bytes (a block ends where the next starts, or at its segment's end). */
  private blockSegments = new Uint32Array(1 << 10);
  private blockStarts = new Uint32Array(1 << 10);
  private blockChars = 0;
  private readonly blockKey = new Int32Array(CACHED_BLOCKS).fill(-1);
  private readonly blockText: string[] = new Array<string>(CACHED_BLOCKS).fill("");
  private readonly stringKey = new Int32Array(CACHED_STRINGS).fill(-1);
  private readonly stringText: string[] = new Array<string>(CACHED_STRINGS).fill("");
  count = 0;

  constructor(private readonly segmentBytes = SEGMENT_BYTES) {
    this.segment = new Utf8Buffer(segmentBytes);
    this.segments = [this.segment];
  }

  /** Adds a string (a lone surrogate reads back as U+FFFD, as UTF-8 cannot hold it). */
  push(s: string): void {
    this.next(s.length);
    this.segment.append(s);
  }

  /** Adds a string given as valid UTF-8, src[start, end), `units` UTF-16 code units long. */
  pushBytes(src: Uint8Array, start: number, end: number, units: number): void {
    this.next(units);
    this.segment.appendBytes(src, start, end);
  }

  private next(units: number): void {
    const i = this.count;
    if (i % BLOCK === 0) {
      const b = i / BLOCK;
      if (b === this.blockStarts.length) {
        this.blockStarts = grown(this.blockStarts);
        this.blockSegments = grown(this.blockSegments);
      }
      if (this.segment.length >= this.segmentBytes) {
        this.segment = new Utf8Buffer(this.segmentBytes);
        this.segments.push(this.segment);
      }
      this.blockSegments[b] = this.segments.length - 1;
      this.blockStarts[b] = this.segment.length;
      this.blockChars = 0;
    }
    if (i === this.charEnds.length) this.charEnds = grown(this.charEnds);
    this.blockChars += units;
    this.charEnds[i] = this.blockChars;
    this.count++;
  }

  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count && Number.isInteger(i))) return undefined;
    const slot = i % CACHED_STRINGS;
    if (this.stringKey[slot] === i) return this.stringText[slot];
    const b = Math.floor(i / BLOCK);
    const cached = b % CACHED_BLOCKS;
    let block = this.blockText[cached]!;
    if (this.blockKey[cached] !== b) {
      const segment = this.blockSegments[b]!;
      const sameSegment = b + 1 < Math.ceil(this.count / BLOCK) && this.blockSegments[b + 1] === segment;
      const bytes = this.segments[segment]!;
      block = bytes.text(this.blockStarts[b]!, sameSegment ? this.blockStarts[b + 1]! : bytes.length);
      this.blockText[cached] = block;
      this.blockKey[cached] = b;
    }
    const s = block.slice(i % BLOCK === 0 ? 0 : this.charEnds[i - 1], this.charEnds[i]);
    this.stringKey[slot] = i;
    this.stringText[slot] = s;
    return s;
  }
}

function grown(a: Uint32Array) {
  const bigger = new Uint32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}
