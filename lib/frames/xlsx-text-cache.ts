import { decodeBytes } from "@/lib/utf8-buffer";
import { xmlText } from "./xlsx-xml";

const TEXT_CACHE_SLOTS = 1 << 12;
const TEXT_CACHE_BYTES = 64;
/** Columns followed for their cache hits; cells of columns further right are not cached. */
const TEXT_CACHE_COLUMNS = 64;
/** Lookups per column between two looks at its hit rate. */
const TEXT_CACHE_ROUND = 512;

/**
 * The texts of text cells (xmlText of the decoded bytes) by their UTF-8 bytes
 * (direct-mapped, texts up to 64 bytes): the unit, kind, field, procedure and date columns
 * repeat a few values a million times, which are then decoded once and are the same
 * string each time. A column whose values seldom repeat (names, dossier codes) is not
 * cached, but looked at again from time to time.
 */
export class TextCache {
  private readonly bytes = new Uint8Array(TEXT_CACHE_SLOTS * TEXT_CACHE_BYTES);
  private readonly hashes = new Int32Array(TEXT_CACHE_SLOTS);
  private readonly lengths = new Int32Array(TEXT_CACHE_SLOTS).fill(-1);
  private readonly texts: string[] = new Array<string>(TEXT_CACHE_SLOTS).fill("");
  /** Per column: lookups and hits in this round, and rounds left without the cache. */
  private readonly lookups = new Int32Array(TEXT_CACHE_COLUMNS);
  private readonly hits = new Int32Array(TEXT_CACHE_COLUMNS);
  private readonly skip = new Int32Array(TEXT_CACHE_COLUMNS);

  /** xmlText of data[start, end) (valid UTF-8 without markup; `ascii`: all of it below 0x80), a cell of column `column`. */
  get(data: Buffer, start: number, end: number, ascii: boolean, column: number): string {
    const n = end - start;
    if (n > TEXT_CACHE_BYTES || column >= TEXT_CACHE_COLUMNS || column < 0) return xmlText(decodeBytes(data, start, end, ascii));
    if (this.skip[column]! > 0) {
      if (++this.lookups[column]! === TEXT_CACHE_ROUND) {
        this.lookups[column] = 0;
        this.skip[column]!--;
      }
      return xmlText(decodeBytes(data, start, end, ascii));
    }
    if (++this.lookups[column]! === TEXT_CACHE_ROUND) {
      // Fewer than one hit in four: leave the column out for the next eight rounds.
      if (this.hits[column]! < TEXT_CACHE_ROUND / 4) this.skip[column] = 8;
      this.lookups[column] = 0;
      this.hits[column] = 0;
    }
    // A hash of the length and of the first and last eight bytes: the slot is only a hint.
    let hash = n;
    const head = Math.min(n, 8);
    for (let i = 0; i < head; i++) hash = (Math.imul(hash, 31) + data[start + i]!) | 0;
    for (let i = Math.max(head, n - 8); i < n; i++) hash = (Math.imul(hash, 31) + data[start + i]!) | 0;
    hash ^= hash >>> 15;
    const slot = hash & (TEXT_CACHE_SLOTS - 1);
    const at = slot * TEXT_CACHE_BYTES;
    const bytes = this.bytes;
    if (this.hashes[slot] === hash && this.lengths[slot] === n) {
      let i = 0;
      while (i < n && bytes[at + i] === data[start + i]) i++;
      if (i === n) {
        this.hits[column]!++;
        return this.texts[slot]!;
      }
    }
    const text = xmlText(decodeBytes(data, start, end, ascii));
    for (let i = 0; i < n; i++) bytes[at + i] = data[start + i]!;
    this.hashes[slot] = hash;
    this.lengths[slot] = n;
    this.texts[slot] = text;
    return text;
  }
}
