/**
 * 64-bit fingerprints of what a frame import must find twice — a dossier code in its unit,
 * a person in their unit and field — held in typed arrays: eight bytes a row where a Set of
 * strings would hold a hundred, so that a million-row import can look at every row without
 * the database aggregating the plan afterwards. A fingerprint seen twice is a candidate: two
 * different values share one with a probability of about n²/2⁶⁵ (3·10⁻⁸ for a million
 * rows), so whatever must be exact is confirmed on the real values (lib/frames/import-writer.ts).
 */

/** Shards of a FingerprintSet, chosen by the top bits of the high half. */
const SHARD_BITS = 9;

/**
 * A set of 64-bit values (two uint32 halves): 512 open-addressing tables chosen by the top
 * bits, each growing at half full. A million values take 16 MB, in tables of at most
 * 64 KB: growing one never copies or frees a large block. (One table of a million slots
 * frees its old 8 MB self as it grows; once glibc has freed an mmap'ed block that large it
 * serves every smaller request from its heap, which does not shrink: the import process
 * kept tens of MB more.)
 */
export class FingerprintSet {
  private readonly shards: Shard[] = [];
  size = 0;

  constructor(capacity = 1 << 16) {
    const each = Math.ceil(capacity / (1 << SHARD_BITS));
    for (let i = 0; i < 1 << SHARD_BITS; i++) this.shards.push(new Shard(each));
  }

  /** Adds the value; true if it was there already. */
  add(hi: number, lo: number): boolean {
    hi >>>= 0;
    const seen = this.shards[hi >>> (32 - SHARD_BITS)]!.add(hi, lo >>> 0);
    if (!seen) this.size++;
    return seen;
  }
}

/** One open-addressing table (the halves side by side, so that a probe touches one cache line). */
class Shard {
  private slots: Uint32Array;
  private mask: number;
  private size = 0;

  constructor(capacity: number) {
    let n = 8;
    while (n < capacity * 2) n *= 2;
    this.slots = new Uint32Array(n * 2);
    this.mask = n - 1;
  }

  /** (0, 0) is reserved: it is stored as (0, 1). */
  add(hi: number, lo: number): boolean {
    if (hi === 0 && lo === 0) lo = 1;
    const slots = this.slots;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const h = slots[2 * i]!;
      const l = slots[2 * i + 1]!;
      if (h === 0 && l === 0) break;
      if (h === hi && l === lo) return true;
      i = (i + 1) & this.mask;
    }
    slots[2 * i] = hi;
    slots[2 * i + 1] = lo;
    if (++this.size * 2 > this.mask) this.grow();
    return false;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = this.slots.length / 2 - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0 || old[i + 1] !== 0) this.add(old[i]!, old[i + 1]!);
  }
}

/** The two 32-bit halves of a fingerprint, returned through one reused object (no allocation per row). */
export type Halves = { hi: number; lo: number };

/**
 * Fingerprint of a string with a 32-bit tag (a unit id): two independent multiplicative
 * hashes over the UTF-16 code units, finished with murmur3's mixer.
 */
export function stringFingerprint(s: string, tag: number, out: Halves): Halves {
  let a = 0x811c9dc5 ^ tag;
  let b = 0x27d4eb2f ^ Math.imul(tag, 0x165667b1);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  out.hi = fmix(a ^ s.length);
  out.lo = fmix(b ^ Math.imul(s.length, 0xcc9e2d51));
  return out;
}

/**
 * Fingerprint of a stored person key ("p"/"n" + 64 hex digits of SHA-256, already uniform)
 * within a unit and field: its first 64 bits, mixed with the tags.
 */
export function personFingerprint(personKey: string, unitId: number, fieldId: number, out: Halves): Halves {
  const reason = personKey.charCodeAt(0);
  out.hi = (hex32(personKey, 1) ^ fmix(Math.imul(unitId, 0x9e3779b1) ^ reason)) >>> 0;
  out.lo = (hex32(personKey, 9) ^ fmix(Math.imul(fieldId + 1, 0x85ebca77) ^ unitId)) >>> 0;
  return out;
}

/** The 32 bits of the 8 lowercase hex digits at s[at…]. */
function hex32(s: string, at: number): number {
  let v = 0;
  for (let i = at; i < at + 8; i++) {
    const c = s.charCodeAt(i);
    v = (v << 4) | (c <= 0x39 ? c - 0x30 : c - 0x57);
  }
  return v >>> 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
