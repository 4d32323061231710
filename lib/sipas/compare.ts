import { t975, tTwoSidedP } from "./t-dist";

/** What a comparison needs of an estimate (percent). */
export interface Comparable {
  index: number | null;
  se: number | null;
  df: number;
}

export interface Comparison {
  /** a − b, percentage points. */
  difference: number;
  /** √(SE₁² + SE₂²): the two estimates come from independent samples (§8). */
  se: number;
  /** difference / se; null when se = 0. */
  statistic: number | null;
  df: number;
  /** Two-sided; null when there are no degrees of freedom. */
  pValue: number | null;
  /** At 5%, two-sided. */
  significant: boolean;
}

/**
 * Tests a − b = 0 with a t test, df = df₁ + df₂.
 *
 * Why t and not z: every interval here uses a t quantile whose df counts the
 * forms that contribute minus the strata they come from (§8); a difference
 * of two units is one more such estimate, whose contributing forms are both
 * units' forms, so df₁ + df₂ by the same rule — what R's survey package uses
 * for a contrast within the design covering both (degf). The test then never
 * claims more than the intervals do; from ~60 degrees of freedom it is a z
 * test in all but name. With df < 1 nothing can be claimed: not significant,
 * p null. With SE = 0 (both units surveyed completely) a non-zero difference
 * is exact and significant.
 */
export function compareEstimates(a: Comparable, b: Comparable): Comparison | null {
  if (a.index === null || b.index === null || a.se === null || b.se === null) return null;
  const difference = a.index - b.index;
  const se = Math.sqrt(a.se * a.se + b.se * b.se);
  const df = a.df + b.df;
  if (df < 1) return { difference, se, statistic: null, df, pValue: null, significant: false };
  if (se === 0) {
    return { difference, se, statistic: null, df, pValue: difference === 0 ? 1 : 0, significant: difference !== 0 };
  }
  const statistic = difference / se;
  return {
    difference,
    se,
    statistic,
    df,
    pValue: tTwoSidedP(statistic, df),
    significant: Math.abs(statistic) > t975(df),
  };
}

export interface RankInput extends Comparable {
  code: string;
}

export interface RankEntry {
  code: string;
  /** Competition ranking: equal indices share a rank (1, 2, 2, 4). */
  rank: number;
  index: number;
  /** Same index as the next unit in the ranking. */
  tiedWithNext: boolean;
  /** Comparison with the next unit; null for the last one. */
  vsNext: Comparison | null;
  /** false when the gap to the next unit is not significant at 5%; null for the last one. */
  significantlyAboveNext: boolean | null;
}

/** Ranks the given (eligible) units by index, highest first; ties broken by code for a stable order. */
export function rankUnits(units: RankInput[]): RankEntry[] {
  const ranked = units
    .filter((u): u is RankInput & { index: number } => u.index !== null)
    .sort((x, y) => y.index - x.index || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  let rank = 0;
  return ranked.map((u, i) => {
    const prev = ranked[i - 1];
    if (!prev || prev.index !== u.index) rank = i + 1;
    const next = ranked[i + 1];
    const vsNext = next ? compareEstimates(u, next) : null;
    return {
      code: u.code,
      rank,
      index: u.index,
      tiedWithNext: next !== undefined && next.index === u.index,
      vsNext,
      significantlyAboveNext: next ? (vsNext?.significant ?? false) : null,
    };
  });
}
