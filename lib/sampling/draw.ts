import { allocate, type AllocationResult } from "./allocation";
import { ALGORITHM_VERSION, allocationChecksum, frameChecksum } from "./checksum";
import { dedupStratum, type DuplicateEntry } from "./dedup";
import { SamplingInputError, samplingMessages } from "./messages";
import { normalizeSeed, selectStratum, type SelectedPerson } from "./selection";
import { groupByStratum } from "./strata";
import type { AllocationRule, FrameRecord, StratumMode } from "./types";

/** What the rule resolver sees of a stratum (to pick the rule of its level or block). */
export type StratumInfo = { code: string; unitCode: string; fieldCode: string | null; N: number; rawCount: number };

export type DrawInput<T extends FrameRecord> = {
  seed: string;
  records: readonly T[];
  strata: StratumMode;
  ruleFor: (stratum: StratumInfo) => AllocationRule;
  /** Decimal text, e.g. "0.2"; "0" for no reserve. */
  reserveShare: string;
  /**
   * Computes the frame checksum of the deduplicated strata instead of lib/sampling's
   * frameChecksum: for a caller holding the records in another form (lib/draws keeps the
   * personal data as bytes). It must give exactly frameChecksum's result.
   */
  frameChecksum?: (strata: readonly { code: string; records: readonly T[] }[]) => string;
};

export type DrawnStratum<T> = StratumInfo & { kept: T[] };

export type DrawResult<T> = {
  algorithmVersion: string;
  /** The seed as used (NFC, trimmed). */
  seed: string;
  frameChecksum: string;
  allocationChecksum: string;
  allocation: AllocationResult;
  strata: DrawnStratum<T>[];
  /** Sorted by stratum code, then main before reserve, then order. */
  selections: SelectedPerson<T>[];
  duplicates: DuplicateEntry<T>[];
};

/**
 * The whole draw: strata → dedup → allocation → selection → checksums. Pure and
 * deterministic: the same records (in any order), seed and rules give the same result.
 */
export function runDraw<T extends FrameRecord>(input: DrawInput<T>): DrawResult<T> {
  const seed = normalizeSeed(input.seed);
  const groups = groupByStratum(input.records, input.strata);
  const strata: DrawnStratum<T>[] = [];
  const duplicates: DuplicateEntry<T>[] = [];
  for (const g of groups) {
    const { kept, duplicates: d } = dedupStratum(g.code, g.records);
    assertUniqueDossiers(g.code, kept);
    for (const x of d) duplicates.push(x);
    strata.push({ code: g.code, unitCode: g.unitCode, fieldCode: g.fieldCode, N: kept.length, rawCount: g.records.length, kept });
  }
  const allocation = allocate(
    strata.map((s) => ({ code: s.code, N: s.N, rule: input.ruleFor(withoutKept(s)) })),
    input.reserveShare,
  );
  const selections: SelectedPerson<T>[] = [];
  // Both lists are sorted by stratum code, so they line up index by index.
  strata.forEach((s, i) => {
    const a = allocation.strata[i];
    if (!a || a.code !== s.code) throw new Error("runDraw: allocation out of line with strata");
    for (const p of selectStratum(seed, s.code, s.kept, a.n, a.r)) selections.push(p);
  });
  return {
    algorithmVersion: ALGORITHM_VERSION,
    seed,
    frameChecksum: (input.frameChecksum ?? frameChecksum)(strata.map((s) => ({ code: s.code, records: s.kept }))),
    allocationChecksum: allocationChecksum(allocation),
    allocation,
    strata,
    selections,
    duplicates,
  };
}

function withoutKept<T>(s: DrawnStratum<T>): StratumInfo {
  return { code: s.code, unitCode: s.unitCode, fieldCode: s.fieldCode, N: s.N, rawCount: s.rawCount };
}

function assertUniqueDossiers(stratum: string, kept: readonly FrameRecord[]): void {
  const seen = new Set<string>();
  for (const r of kept) {
    if (seen.has(r.dossierCode)) throw new SamplingInputError(samplingMessages.repeatedDossier(stratum, r.dossierCode));
    seen.add(r.dossierCode);
  }
}
