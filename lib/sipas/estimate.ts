import { t975 } from "./t-dist";

/**
 * Estimate types and their 95% intervals. Indices are percentages in full
 * precision; rounding is for display only. `null` means "no such number":
 * no valid answer (index), or no interval (see below); never NaN.
 */
export interface Interval {
  low: number;
  high: number;
}

/** A share: a criterion's satisfied share, or an option's share of valid answers. */
export interface ShareEstimate {
  code: string;
  /** Forms with a valid answer (the denominator, unweighted). */
  n: number;
  /** Forms satisfied / choosing the option (unweighted). */
  hits: number;
  /** Strata the n forms come from. */
  strata: number;
  /** n − strata (§8). */
  df: number;
  index: number | null;
  se: number | null;
  ci: Interval | null;
}

/** An element, aspect or SIPAS index: an average of ratio estimators. */
export interface CompositeEstimate {
  code: string;
  /** Criteria (element), or elements/aspects (aspect, SIPAS) that had an index. */
  parts: number;
  /** Valid forms of the domain. */
  n: number;
  df: number;
  index: number | null;
  se: number | null;
  ci: Interval | null;
}

/**
 * Interval for a share p (0–1) on the logit scale, as R's
 * svyciprop(method = "xlogit"): expit(logit p ± t·SE/(p(1 − p))), the SE
 * carried to the logit scale by the delta method. At p = 0 or 1 the logit is
 * infinite and so is the interval's width: we return null rather than the
 * degenerate [0, 0] or [100, 100] R would print. Also null when df < 1.
 * Returned in percent.
 */
export function logitInterval(p: number, se: number, df: number): Interval | null {
  if (df < 1 || !(p > 0 && p < 1)) return null;
  const logit = Math.log(p / (1 - p));
  const half = (t975(df) * se) / (p * (1 - p));
  return { low: 100 * expit(logit - half), high: 100 * expit(logit + half) };
}

function expit(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Interval for a composite index (percent): estimate ± t·SE, clipped to [0, 100]; null when df < 1. */
export function clippedInterval(index: number, se: number, df: number): Interval | null {
  if (df < 1) return null;
  const half = t975(df) * se;
  return { low: Math.max(0, index - half), high: Math.min(100, index + half) };
}

/**
 * A ratio Σw·y / Σw·x over the given strata from per-stratum counts, with
 * its Taylor-linearised variance. With binary y ≤ x, the score
 * z_i = (y_i − R x_i)/X̂ takes three values, so each stratum's sum and sum of
 * squares of w·z follow from (hits, valid) counts:
 *   S_h = w_h (a_h − R b_h)/X̂,  Q_h = w_h² (a_h (1 − R)² + (b_h − a_h) R²)/X̂²,
 *   V = Σ_h (1 − m_h/N_h) · m_h/(m_h − 1) · (Q_h − S_h²/m_h).
 */
export function shareFromCounts(
  code: string,
  strataIdx: ArrayLike<number>,
  hits: Int32Array,
  valid: Int32Array,
  stride: number,
  col: number,
  weight: Float64Array,
  varianceFactor: Float64Array,
  formsPerStratum: Int32Array,
): ShareEstimate {
  let X = 0;
  let Y = 0;
  let n = 0;
  let a = 0;
  let strata = 0;
  for (let t = 0; t < strataIdx.length; t++) {
    const h = strataIdx[t] ?? 0;
    const b = valid[h * stride + col] ?? 0;
    if (b === 0) continue;
    const w = weight[h] ?? 0;
    const y = hits[h * stride + col] ?? 0;
    X += w * b;
    Y += w * y;
    n += b;
    a += y;
    strata++;
  }
  const df = n - strata;
  if (X === 0) return { code, n, hits: a, strata, df, index: null, se: null, ci: null };
  const R = Y / X;
  let v = 0;
  for (let t = 0; t < strataIdx.length; t++) {
    const h = strataIdx[t] ?? 0;
    const g = varianceFactor[h] ?? 0;
    const b = valid[h * stride + col] ?? 0;
    if (g === 0 || b === 0) continue;
    const w = weight[h] ?? 0;
    const y = hits[h * stride + col] ?? 0;
    const m = formsPerStratum[h] ?? 1;
    const sum = (w * (y - R * b)) / X;
    const sq = (w * w * (y * (1 - R) * (1 - R) + (b - y) * R * R)) / (X * X);
    v += g * (sq - (sum * sum) / m);
  }
  const se = Math.sqrt(Math.max(0, v));
  return { code, n, hits: a, strata, df, index: 100 * R, se: 100 * se, ci: logitInterval(R, se, df) };
}
