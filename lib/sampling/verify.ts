import { compareCodeUnits } from "./normalize";
import { runDraw, type DrawInput, type DrawResult } from "./draw";
import type { FrameRecord, SelectionRole } from "./types";

/** What is stored of a draw, and what a monitor re-checks. */
export type StoredDraw = {
  algorithmVersion: string;
  seed: string;
  frameChecksum: string;
  allocationChecksum: string;
  strata: { code: string; N: number; n: number; r: number }[];
  selections: { stratum: string; dossierCode: string; role: SelectionRole; order: number }[];
};

export type Placement = { dossierCode: string; role: SelectionRole; order: number };

export type StratumDifference = {
  stratum: string;
  /** Sizes that differ: stored value vs re-computed value (undefined: stratum absent). */
  sizes: { field: "N" | "n" | "r"; stored: number | undefined; recomputed: number | undefined }[];
  /** Selected by the re-run, absent from the stored draw. */
  missing: Placement[];
  /** In the stored draw, not selected by the re-run. */
  extra: Placement[];
  /** In both, with another role or order. */
  reordered: { dossierCode: string; stored: Omit<Placement, "dossierCode">; recomputed: Omit<Placement, "dossierCode"> }[];
};

export type Mismatch = { stored: string; recomputed: string };

export type VerifyResult =
  | { matches: true }
  | {
      matches: false;
      algorithmVersion?: Mismatch;
      seed?: Mismatch;
      frameChecksum?: Mismatch;
      allocationChecksum?: Mismatch;
      strata: StratumDifference[];
    };

/** What of a draw result is stored: a DrawResult, or the database draw's result. */
export type DrawOutcome = Pick<DrawResult<unknown>, "algorithmVersion" | "seed" | "frameChecksum" | "allocationChecksum" | "allocation"> & {
  selections: readonly Pick<DrawResult<unknown>["selections"][number], "stratum" | "dossierCode" | "role" | "order">[];
};

/** The stored form of a draw result. */
export function toStoredDraw(result: DrawOutcome): StoredDraw {
  return {
    algorithmVersion: result.algorithmVersion,
    seed: result.seed,
    frameChecksum: result.frameChecksum,
    allocationChecksum: result.allocationChecksum,
    strata: result.allocation.strata.map(({ code, N, n, r }) => ({ code, N, n, r })),
    selections: result.selections.map(({ stratum, dossierCode, role, order }) => ({ stratum, dossierCode, role, order })),
  };
}

/** Re-runs the draw from the frame, seed and rules, and compares it with the stored one. */
export function verifyDraw<T extends FrameRecord>(input: DrawInput<T>, stored: StoredDraw): VerifyResult {
  return compareDraws(stored, toStoredDraw(runDraw(input)));
}

function mismatch(stored: string, recomputed: string): Mismatch | undefined {
  return stored === recomputed ? undefined : { stored, recomputed };
}

/** Compares a stored draw with a re-computed one: "matches", or exactly what differs. */
export function compareDraws(stored: StoredDraw, recomputed: StoredDraw): VerifyResult {
  const heads = {
    algorithmVersion: mismatch(stored.algorithmVersion, recomputed.algorithmVersion),
    seed: mismatch(stored.seed, recomputed.seed),
    frameChecksum: mismatch(stored.frameChecksum, recomputed.frameChecksum),
    allocationChecksum: mismatch(stored.allocationChecksum, recomputed.allocationChecksum),
  };
  const codes = new Set([...stored.strata, ...recomputed.strata].map((s) => s.code));
  for (const p of [...stored.selections, ...recomputed.selections]) codes.add(p.stratum);
  const storedSizes = new Map(stored.strata.map((s) => [s.code, s]));
  const newSizes = new Map(recomputed.strata.map((s) => [s.code, s]));
  const storedSel = byStratum(stored.selections);
  const newSel = byStratum(recomputed.selections);

  const strata: StratumDifference[] = [];
  for (const code of [...codes].sort(compareCodeUnits)) {
    const a = storedSizes.get(code);
    const b = newSizes.get(code);
    const sizes = (["N", "n", "r"] as const)
      .filter((f) => a?.[f] !== b?.[f])
      .map((field) => ({ field, stored: a?.[field], recomputed: b?.[field] }));
    const before = storedSel.get(code) ?? new Map<string, Placement>();
    const after = newSel.get(code) ?? new Map<string, Placement>();
    const diff: StratumDifference = { stratum: code, sizes, missing: [], extra: [], reordered: [] };
    for (const [dossier, p] of after) {
      const q = before.get(dossier);
      if (!q) diff.missing.push(p);
      else if (q.role !== p.role || q.order !== p.order) {
        diff.reordered.push({ dossierCode: dossier, stored: { role: q.role, order: q.order }, recomputed: { role: p.role, order: p.order } });
      }
    }
    for (const [dossier, q] of before) if (!after.has(dossier)) diff.extra.push(q);
    if (diff.sizes.length || diff.missing.length || diff.extra.length || diff.reordered.length) {
      for (const list of [diff.missing, diff.extra]) list.sort(comparePlacement);
      diff.reordered.sort((x, y) => comparePlacement({ dossierCode: x.dossierCode, ...x.recomputed }, { dossierCode: y.dossierCode, ...y.recomputed }));
      strata.push(diff);
    }
  }
  const anyHead = Object.values(heads).some((v) => v !== undefined);
  if (!anyHead && strata.length === 0) return { matches: true };
  const result: VerifyResult = { matches: false, strata };
  for (const [k, v] of Object.entries(heads) as [keyof typeof heads, Mismatch | undefined][]) if (v) result[k] = v;
  return result;
}

function comparePlacement(a: Placement, b: Placement): number {
  return (a.role === b.role ? 0 : a.role === "main" ? -1 : 1) || a.order - b.order || compareCodeUnits(a.dossierCode, b.dossierCode);
}

function byStratum(list: StoredDraw["selections"]): Map<string, Map<string, Placement>> {
  const out = new Map<string, Map<string, Placement>>();
  for (const p of list) {
    let m = out.get(p.stratum);
    if (!m) out.set(p.stratum, (m = new Map()));
    m.set(p.dossierCode, { dossierCode: p.dossierCode, role: p.role, order: p.order });
  }
  return out;
}
