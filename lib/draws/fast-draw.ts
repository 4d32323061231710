import { createHash, type Hash } from "node:crypto";
import { allocate, type AllocationResult } from "@/lib/sampling/allocation";
import { ALGORITHM_VERSION, allocationChecksum } from "@/lib/sampling/checksum";
import type { StratumInfo } from "@/lib/sampling/draw";
import { compareCodeUnits } from "@/lib/sampling/normalize";
import { normalizeSeed, pickStratum } from "@/lib/sampling/selection";
import type { AllocationRule, SelectionRole } from "@/lib/sampling/types";
import { STAGE, type FrameColumns, type StratumColumns } from "./frame-columns";

/** One selected person, with the frame record it is. */
export type DrawnSelection = {
  stratum: string;
  dossierCode: string;
  role: SelectionRole;
  order: number;
  key: string;
  inclusionProbability: number;
  recordId: number;
};

/**
 * A draw from the database: what lib/sampling's runDraw gives (same algorithm version,
 * seed, checksums, allocation, strata and selections) and the anonymised frame checksum,
 * without the records themselves.
 */
export type FrameDraw = {
  algorithmVersion: string;
  seed: string;
  frameChecksum: string;
  allocationChecksum: string;
  /** lib/frames/anonymised.ts's checksum of the whole frame; "" when not asked for. */
  anonymisedFrameChecksum: string;
  allocation: AllocationResult;
  /** Sorted by code, as allocation.strata. */
  strata: StratumInfo[];
  /** Sorted by stratum code, then main before reserve, then order. */
  selections: DrawnSelection[];
  /** Records dropped as repeats of a person in their stratum. */
  duplicates: number;
};

export type ColumnsDrawInput = {
  seed: string;
  ruleFor: (stratum: StratumInfo) => AllocationRule;
  reserveShare: string;
  /** Also compute the anonymised frame checksum (the draw stores it; a re-verification does not need it). */
  anonymised: boolean;
};

/**
 * lib/sampling's runDraw over a frame read by readFrameColumns (usable), with the same
 * result byte for byte. Every step is the pure module's own, taken on columns:
 *
 * - dedup (lib/sampling/dedup.ts): a person is their person key within the stratum, and of
 *   the records of one person the one with the latest result date, then the greatest
 *   dossier code, is kept. The last tie-break of comparePreference (the other fields) is
 *   never reached: dossier codes are unique in a stratum here.
 * - allocation and the allocation checksum: lib/sampling's allocate and allocationChecksum.
 * - selection (selectStratum): the key of each kept person is SHA-256 of
 *   `seed|stratum|dossier`, the n_h + r_h smallest (firstByKey) are main then reserve.
 *   Keys are distinct (so is each dossier code), so the order of the kept records does
 *   not matter.
 * - frame checksum (frameChecksum): the kept records' lines in line order, which is the
 *   order of their dossier codes (each line is `<same head> TAB dossier TAB …` and a plain
 *   code holds no character up to TAB), strata by code + TAB.
 * - anonymised checksum (lib/frames/anonymised.ts): every record's line, in the same order.
 *
 * Returns null when a dossier code repeats within a stratum: lib/sampling's way then
 * decides (a repeat that dedup removes is allowed, any other is an error).
 */
export function drawColumns(frame: FrameColumns, input: ColumnsDrawInput): FrameDraw | null {
  if (!frame.usable) throw new Error(`drawColumns: frame not usable (${frame.reason})`);
  const seed = normalizeSeed(input.seed);
  const table = new PersonTable(frame.strata.reduce((m, s) => Math.max(m, s.count), 0));
  const prepared: { s: StratumColumns; order: Int32Array | null; kept: Int32Array }[] = [];
  let duplicates = 0;
  for (const s of frame.strata) {
    const order = dossierOrder(s);
    if (order === undefined) return null;
    const dropped = table.dedup(frame.arena, s);
    let kept: Int32Array;
    if (dropped === null) kept = order ?? identity(s.count);
    else {
      const seq = order ?? identity(s.count);
      kept = new Int32Array(s.count);
      let n = 0;
      for (let k = 0; k < seq.length; k++) if (dropped[seq[k]!] === 0) kept[n++] = seq[k]!;
      kept = kept.subarray(0, n);
      duplicates += s.count - n;
    }
    prepared.push({ s, order, kept });
  }

  const strata: StratumInfo[] = prepared.map(({ s, kept }) => ({ code: s.code, unitCode: s.unitCode, fieldCode: s.fieldCode, N: kept.length, rawCount: s.count }));
  const allocation = allocate(strata.map((s) => ({ code: s.code, N: s.N, rule: input.ruleFor(s) })), input.reserveShare);

  const selections: DrawnSelection[] = [];
  prepared.forEach(({ s, kept }, i) => {
    const a = allocation.strata[i];
    if (!a || a.code !== s.code) throw new Error("drawColumns: allocation out of line with strata");
    for (const p of pickStratum(seed, s.code, kept.length, (j) => s.dossier[kept[j]!]!, a.n, a.r)) {
      const k = kept[p.index]!;
      selections.push({
        stratum: s.code, dossierCode: s.dossier[k]!, role: p.role, order: p.order, key: p.key, inclusionProbability: p.inclusionProbability, recordId: s.id[k]!,
      });
    }
  });

  // Both checksums go through the strata in code + TAB order (every line starts with the
  // code and a TAB), their lines gathered in the arena's stage and hashed a megabyte at a time.
  const byLine = [...prepared].sort((a, b) => compareCodeUnits(`${a.s.code}\t`, `${b.s.code}\t`));
  const frameHash = new Gather(frame.arena, createHash("sha256").update("sipas-frame-v1\n"));
  for (const { s, kept } of byLine) for (const k of kept) frameHash.line(s.frameAt[k]!, s.frameEnd[k]!);
  const frameChecksum = frameHash.digest();
  let anonymisedFrameChecksum = "";
  if (input.anonymised) {
    const anonHash = new Gather(frame.arena, createHash("sha256").update("sipas-frame-anon-v1\n"));
    for (const { s, order } of byLine) {
      if (order === null) for (let k = 0; k < s.count; k++) anonHash.line(s.anonAt[k]!, s.anonEnd[k]!);
      else for (const k of order) anonHash.line(s.anonAt[k]!, s.anonEnd[k]!);
    }
    anonymisedFrameChecksum = anonHash.digest();
  }

  return {
    algorithmVersion: ALGORITHM_VERSION, seed, frameChecksum, allocationChecksum: allocationChecksum(allocation),
    anonymisedFrameChecksum, allocation, strata, selections, duplicates,
  };
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/**
 * The stratum's records in dossier-code order: null when they came in that order (the
 * common case, checked in one pass), else their indexes sorted; undefined when a code
 * repeats. Plain codes are ASCII: JavaScript's `<` is code-unit order, frameLine's order.
 */
function dossierOrder(s: StratumColumns): Int32Array | null | undefined {
  const d = s.dossier;
  let sorted = true;
  for (let k = 1; k < s.count; k++) {
    if (!(d[k - 1]! < d[k]!)) {
      sorted = false;
      break;
    }
  }
  if (sorted) return null;
  const order = Array.from({ length: s.count }, (_, k) => k).sort((a, b) => (d[a]! < d[b]! ? -1 : d[a]! > d[b]! ? 1 : 0));
  for (let k = 1; k < order.length; k++) if (d[order[k - 1]!] === d[order[k]!]) return undefined;
  return Int32Array.from(order);
}

/**
 * Open addressing on person-key prints, one stratum at a time (a stamp per slot saves
 * clearing it between strata). Equal prints are confirmed on the whole key.
 */
class PersonTable {
  private readonly mask: number;
  private readonly slot: Int32Array;
  private readonly stamp: Int32Array;
  private generation = 0;

  constructor(largest: number) {
    let size = 1024;
    while (size < largest * 2) size *= 2;
    this.mask = size - 1;
    this.slot = new Int32Array(size);
    this.stamp = new Int32Array(size);
  }

  /** Marks every record that dedupStratum drops; null when none is. */
  dedup(arena: Buffer, s: StratumColumns): Uint8Array | null {
    const gen = ++this.generation;
    const { slot, stamp, mask } = this;
    let dropped: Uint8Array | null = null;
    for (let k = 0; k < s.count; k++) {
      const print = s.print[k]!;
      let h = Math.imul((print >>> 0) ^ Math.imul(Math.floor(print / 4294967296) | 0, 0x85ebca6b), 0x9e3779b1) & mask;
      for (;;) {
        if (stamp[h] !== gen) {
          stamp[h] = gen;
          slot[h] = k;
          break;
        }
        const j = slot[h]!;
        if (s.print[j] === print && sameKey(arena, s, j, k)) {
          // The same person: keep the later result date, then the greater dossier code.
          const kWins = s.date[k]! > s.date[j]! || (s.date[k] === s.date[j] && s.dossier[k]! > s.dossier[j]!);
          dropped ??= new Uint8Array(s.count);
          if (kWins) {
            dropped[j] = 1;
            slot[h] = k;
          } else dropped[k] = 1;
          break;
        }
        h = (h + 1) & mask;
      }
    }
    return dropped;
  }
}

/** Whether records j and k have the same person key: the end of their anonymised lines (`… TAB key LF`). */
function sameKey(a: Buffer, s: StratumColumns, j: number, k: number): boolean {
  let x = s.anonEnd[j]! - 2;
  let y = s.anonEnd[k]! - 2;
  for (; a[x] !== 0x09 && a[y] !== 0x09; x--, y--) if (a[x] !== a[y]) return false;
  return a[x] === 0x09 && a[y] === 0x09;
}

/**
 * Lines of the arena handed to a hash in order: lines that follow each other in the arena
 * (a stratum read in line order) as one piece, others gathered in the arena's stage
 * (copyWithin allocates nothing, where a copy to another buffer allocates a view per call)
 * and hashed a megabyte at a time.
 */
class Gather {
  private used = 0;
  private from = 0;
  private to = 0;
  constructor(
    private readonly arena: Buffer,
    private readonly h: Hash,
  ) {}
  line(start: number, end: number): void {
    if (start === this.to) this.to = end;
    else {
      this.piece(this.from, this.to);
      this.from = start;
      this.to = end;
    }
  }
  private piece(start: number, end: number): void {
    const n = end - start;
    if (n <= 0) return;
    if (n >= 16 << 10 || this.used + n > STAGE) {
      this.flush();
      if (n >= 16 << 10) {
        this.h.update(this.arena.subarray(start, end));
        return;
      }
    }
    this.arena.copyWithin(this.used, start, end);
    this.used += n;
  }
  private flush(): void {
    if (this.used > 0) this.h.update(this.arena.subarray(0, this.used));
    this.used = 0;
  }
  digest(): string {
    this.piece(this.from, this.to);
    this.from = this.to = 0;
    this.flush();
    return this.h.digest("hex");
  }
}
