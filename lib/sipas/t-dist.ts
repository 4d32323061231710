import jStat from "jstat";

/**
 * Student t distribution for integer degrees of freedom, accurate to ~1e-12.
 *
 * jStat's own inverse stops its iterations at ~1e-8 (qt(0.975, 30) comes out
 * 3.5e-8 low), too coarse for intervals that must agree with R to 1e-6 after
 * multiplying by SEs of several points. So we use jStat only for a starting
 * value and the density, and refine with Newton's method on an exact CDF:
 * for integer ν, P(|T| ≤ t) has the closed finite series of Abramowitz &
 * Stegun 26.7.3–26.7.4 (θ = atan(t/√ν)), a sum of positive terms with no
 * cancellation. Its cost is O(ν), so for ν ≥ 1000 the quantile comes instead
 * from the Cornish–Fisher expansion (A&S 26.7.5) around an exact normal
 * quantile, whose first omitted term is below 1e-13 there.
 */

function assertDf(df: number): void {
  if (!Number.isInteger(df) || df < 1) {
    throw new RangeError(`Bậc tự do phải là số nguyên dương, nhận được ${df}`);
  }
}

/** P(|T| ≤ |t|) for T ~ t(df). */
function centralProbability(t: number, df: number): number {
  const theta = Math.atan(Math.abs(t) / Math.sqrt(df));
  const s = Math.sin(theta);
  const c = Math.cos(theta);
  const c2 = c * c;
  if (df % 2 === 1) {
    if (df === 1) return (2 * theta) / Math.PI;
    // θ + sinθ [cosθ + (2/3)cos³θ + (2·4)/(3·5)cos⁵θ + … + cos^{ν−2}θ term]
    let term = c;
    let sum = c;
    for (let k = 2; k <= df - 3; k += 2) {
      term *= (c2 * k) / (k + 1);
      sum += term;
    }
    return Math.min(1, (2 / Math.PI) * (theta + s * sum));
  }
  // sinθ [1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + … + cos^{ν−2}θ term]
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= df - 3; k += 2) {
    term *= (c2 * k) / (k + 1);
    sum += term;
  }
  return Math.min(1, s * sum);
}

/** The exact iteration, whatever ν (exported for tests of the expansion). */
export function tQuantileBySeries(p: number, df: number): number {
  assertDf(df);
  const target = 2 * p - 1;
  let x = jStat.studentt.inv(p, df);
  if (!Number.isFinite(x) || x <= 0) x = 1;
  for (let i = 0; i < 60; i++) {
    const step = (centralProbability(x, df) - target) / (2 * jStat.studentt.pdf(x, df));
    const next = Math.max(x - step, x / 2);
    const done = Math.abs(next - x) <= 1e-15 * Math.max(1, x);
    x = next;
    if (done) break;
  }
  return x;
}

/** P(T ≤ t) for T ~ t(df), df a positive integer. */
export function tCdf(t: number, df: number): number {
  assertDf(df);
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const half = centralProbability(t, df) / 2;
  return t >= 0 ? 0.5 + half : 0.5 - half;
}

/** Two-sided p-value P(|T| ≥ |t|). */
export function tTwoSidedP(t: number, df: number): number {
  assertDf(df);
  if (!Number.isFinite(t)) return Number.isNaN(t) ? Number.NaN : 0;
  return Math.max(0, 1 - centralProbability(t, df));
}

/** Φ(x) by Marsaglia's series (J. Stat. Software 11(4), 2004): double precision for |x| < 8. */
function normalCdf(x: number): number {
  if (x < -8) return 0;
  if (x > 8) return 1;
  let sum = x;
  let term = x;
  const x2 = x * x;
  for (let i = 3; term !== 0 && Math.abs(term) > 1e-17 * Math.abs(sum); i += 2) {
    term *= x2 / i;
    sum += term;
  }
  return 0.5 + sum * Math.exp(-x2 / 2 - LOG_SQRT_2PI);
}
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** The p-quantile of N(0, 1), 1e-8 < p < 1 − 1e-8, by Newton's method on Φ. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`Xác suất phải nằm trong (0, 1), nhận được ${p}`);
  // Start from Tukey's lambda approximation; Newton converges in a few steps.
  let z = 4.91 * (p ** 0.14 - (1 - p) ** 0.14);
  for (let i = 0; i < 50; i++) {
    const step = (normalCdf(z) - p) / Math.exp(-(z * z) / 2 - LOG_SQRT_2PI);
    z -= step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(z))) break;
  }
  return z;
}

/** Cornish–Fisher expansion of the t quantile in powers of 1/ν (A&S 26.7.5). */
function cornishFisher(p: number, df: number): number {
  const z = normalQuantile(p);
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/** From this many degrees of freedom on, the expansion replaces the O(ν) series. */
export const CORNISH_FISHER_FROM = 1000;

const cache = new Map<string, number>();

/** The p-quantile of t(df), 0 < p < 1, df a positive integer. */
export function tQuantile(p: number, df: number): number {
  assertDf(df);
  if (!(p > 0 && p < 1)) throw new RangeError(`Xác suất phải nằm trong (0, 1), nhận được ${p}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  const key = `${p}|${df}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const x = df >= CORNISH_FISHER_FROM ? cornishFisher(p, df) : tQuantileBySeries(p, df);
  if (cache.size > 10_000) cache.clear();
  cache.set(key, x);
  return x;
}

const cache975 = new Map<number, number>();

/** The two-sided 95% multiplier qt(0.975, df), cached by df (called once per estimate). */
export function t975(df: number): number {
  const hit = cache975.get(df);
  if (hit !== undefined) return hit;
  const q = tQuantile(0.975, df);
  if (cache975.size > 100_000) cache975.clear();
  cache975.set(df, q);
  return q;
}
