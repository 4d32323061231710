import type { RankEntry } from "./compare";
import { rankUnits } from "./compare";
import type { CompositeOutput } from "./composite";
import { computeComposites } from "./composite";
import { countStrata } from "./counts";
import type { DomainEstimates } from "./domains";
import { domainEstimates } from "./domains";
import type { ElementMethod, IndexInput, IndexOptions } from "./engine-input";
import { SipasInputError, validateIndexInput } from "./engine-input";
import type { Interval } from "./estimate";
import { clippedInterval } from "./estimate";
import { compileQuestionnaire } from "./layout";

/**
 * The SIPAS index engine (§7, §8): one call from columnar forms to every
 * published figure. Pure and deterministic.
 */
export interface UnitIndices extends DomainEstimates {
  code: string;
  name: string;
  level: string;
  block: string;
  /** Forms without a single valid satisfaction answer: counted here, excluded from everything else. */
  excludedForms: number;
  /** At least `minValid` valid forms and a SIPAS index: ranked and averaged into groups. */
  eligible: boolean;
  rank: number | null;
}

/** A level, a block or the province. */
export interface GroupIndex {
  key: string;
  kind: "province" | "level" | "block";
  name: string;
  unitsTotal: number;
  /** K: eligible units averaged. */
  units: number;
  /** Mean of the eligible units' SIPAS; SE = √(Σ SE_u²)/K; all null when K = 0. */
  index: number | null;
  se: number | null;
  /** Valid forms of the eligible units minus their strata; null when K = 0. */
  df: number | null;
  ci: Interval | null;
  /** The population-weighted estimate over all forms of the group's units (§8). */
  weighted: DomainEstimates;
}

export interface IndexResult {
  method: ElementMethod;
  minValid: number;
  totals: { forms: number; valid: number; excluded: number };
  units: UnitIndices[];
  provinceWeighted: DomainEstimates;
  groups: GroupIndex[];
  ranking: RankEntry[];
  /** Strata with no valid form: their population is not represented in weighted estimates. */
  emptyStrata: string[];
  lonelyStrata: string[];
}

interface Grouping {
  of: Int32Array;
  members: number[][];
}

function groupStrata(H: number, key: (h: number) => number, D: number): Grouping {
  const of = new Int32Array(H);
  const members: number[][] = Array.from({ length: D }, () => []);
  for (let h = 0; h < H; h++) {
    const d = key(h);
    of[h] = d;
    members[d]?.push(h);
  }
  return { of, members };
}

const GROUP_KINDS = ["province", "level", "block"] as const;

export function computeIndices(input: IndexInput, options: IndexOptions = {}): IndexResult {
  const method = options.method ?? "mean";
  const minValid = options.minValid ?? 30;
  if (method !== "mean" && method !== "pooled") throw new SipasInputError(`Phương pháp "${String(method)}" không hợp lệ`);
  if (!Number.isSafeInteger(minValid) || minValid < 1) {
    throw new SipasInputError("Số phiếu hợp lệ tối thiểu phải là số nguyên dương");
  }
  const layout = compileQuestionnaire(input.questionnaire);
  validateIndexInput(input, layout);
  const counts = countStrata(input, layout);
  const { units, strata, forms } = input;
  const H = strata.length;
  const unitIndex = new Map(units.map((u, i) => [u.code, i]));
  const unitOfStratum = (h: number): number => unitIndex.get(strata[h]?.unitCode ?? "") ?? 0;

  // Partitions of the strata: units, then the province, levels and blocks.
  const byUnit = groupStrata(H, unitOfStratum, units.length);
  const groupSpecs = GROUP_KINDS.map((kind) => {
    const nameOf = (u: (typeof units)[number]) => (kind === "province" ? "Toàn tỉnh" : kind === "level" ? u.level : u.block);
    const names = kind === "province" ? ["Toàn tỉnh"] : [...new Set(units.map(nameOf))];
    const pos = new Map(names.map((n, i) => [n, i]));
    const unitGroup = units.map((u) => pos.get(nameOf(u)) ?? 0);
    return { kind, names, unitGroup, grouping: groupStrata(H, (h) => unitGroup[unitOfStratum(h)] ?? 0, names.length) };
  });
  const groupings = [byUnit, ...groupSpecs.map((g) => g.grouping)];
  const outputs = computeComposites(layout, forms, counts, groupings.map((g) => ({ of: g.of, D: g.members.length })), method);
  const [unitEstimates = [], ...groupEstimates] = groupings.map((g, k) =>
    g.members.map((hs, d) => domainEstimates(layout, strata, counts, hs, outputs[k] as CompositeOutput, d)),
  );

  const unitResults: UnitIndices[] = units.map((u, i) => {
    const est = unitEstimates[i] as DomainEstimates;
    let excludedForms = 0;
    for (const h of byUnit.members[i] ?? []) excludedForms += counts.excluded[h] ?? 0;
    const eligible = est.forms >= minValid && est.sipas.index !== null;
    return { ...est, code: u.code, name: u.name, level: u.level, block: u.block, excludedForms, eligible, rank: null };
  });

  const ranking = rankUnits(
    unitResults.filter((u) => u.eligible).map((u) => ({ code: u.code, index: u.sipas.index, se: u.sipas.se, df: u.df })),
  );
  const rankOf = new Map(ranking.map((r) => [r.code, r.rank]));
  for (const u of unitResults) u.rank = rankOf.get(u.code) ?? null;

  const groups: GroupIndex[] = groupSpecs.flatMap((spec, k) =>
    spec.names.map((name, g) => {
      const members = unitResults.filter((_, i) => spec.unitGroup[i] === g);
      const key = spec.kind === "province" ? "province" : `${spec.kind}:${name}`;
      const weighted = groupEstimates[k]?.[g] as DomainEstimates;
      return { key, kind: spec.kind, name, unitsTotal: members.length, ...groupMean(members), weighted };
    }),
  );

  let valid = 0;
  let excluded = 0;
  const emptyStrata: string[] = [];
  const lonelyStrata: string[] = [];
  strata.forEach((s, h) => {
    const m = counts.valid[h] ?? 0;
    valid += m;
    excluded += counts.excluded[h] ?? 0;
    if (m === 0) emptyStrata.push(s.code);
    if (m === 1) lonelyStrata.push(s.code);
  });

  return {
    method,
    minValid,
    totals: { forms: forms.count, valid, excluded },
    units: unitResults,
    provinceWeighted: groupEstimates[0]?.[0] as DomainEstimates,
    groups,
    ranking,
    emptyStrata,
    lonelyStrata,
  };
}

/** §8: a group index is the mean of its eligible units' SIPAS; units are sampled independently. */
function groupMean(members: UnitIndices[]): Pick<GroupIndex, "units" | "index" | "se" | "df" | "ci"> {
  const eligible = members.filter((u) => u.eligible);
  const K = eligible.length;
  if (K === 0) return { units: 0, index: null, se: null, df: null, ci: null };
  let sum = 0;
  let sumVar = 0;
  let df = 0;
  for (const u of eligible) {
    sum += u.sipas.index ?? 0;
    sumVar += (u.sipas.se ?? 0) ** 2;
    df += u.df;
  }
  const index = sum / K;
  const se = Math.sqrt(sumVar) / K;
  return { units: K, index, se, df, ci: clippedInterval(index, se, df) };
}
