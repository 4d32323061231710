import { SamplingInputError, samplingMessages } from "./messages";
import { compareCodeUnits } from "./normalize";
import { ceilDiv, parseDecimal, rationalText, type Rational } from "./rational";
import type { AllocationRule } from "./types";

export type StratumSize = { code: string; N: number; rule: AllocationRule };

export type StratumAllocation = {
  code: string;
  /** Deduplicated frame size. */
  N: number;
  rule: AllocationRule;
  /** What the rule asked for before the cap n_h ≤ N_h. */
  target: number;
  /** Sample size n_h ≤ N_h. */
  n: number;
  /** Reserve size r_h = min(ceil(n_h × share), N_h − n_h). */
  r: number;
  /** The whole stratum is taken (n_h = N_h > 0): a census, shown as such. */
  census: boolean;
  /** Proportional rule only: n_h was raised to the minimum. */
  raisedToMinimum: boolean;
};

/** One pool of the proportional rule: the preview shows when minimums push it past its total. */
export type ProportionalGroup = {
  group: string;
  total: number;
  min: number;
  strata: number;
  population: number;
  /** Σ n_h after largest remainders: equals `total` unless the population is smaller. */
  allocatedBeforeMinimum: number;
  /** Σ n_h after raising to the minimum. */
  allocated: number;
  /** allocated − total when positive: the minimums cost this many extra forms. */
  exceedsTotalBy: number;
};

export type AllocationResult = {
  /** Sorted by stratum code. */
  strata: StratumAllocation[];
  groups: ProportionalGroup[];
  reserveShare: Rational;
  totals: { N: number; n: number; r: number };
};

const DEFAULT_GROUP = "";

/**
 * Yamane's n = ceil(N / (1 + N·e²)) in exact integer arithmetic: with e = p/q,
 * n = ceil(N·q² / (q² + N·p²)). For e = 0.05 this is ceil(400·N / (400 + N)).
 */
export function yamane(N: number, e: Rational): number {
  if (N === 0) return 0;
  const bigN = BigInt(N);
  const q2 = e.den * e.den;
  return Number(ceilDiv(bigN * q2, q2 + bigN * e.num * e.num));
}

/** Parses e for Yamane: 0 < e < 1. */
export function parseMargin(e: string): Rational {
  const r = parseDecimal(e, "Sai số e");
  if (r.num === 0n || r.num >= r.den) throw new SamplingInputError(samplingMessages.marginOutOfRange(e));
  return r;
}

/** Parses the reserve share: 0 ≤ share ≤ 10. */
export function parseReserveShare(share: string): Rational {
  const r = parseDecimal(share, "Tỷ lệ dự phòng");
  if (r.num > 10n * r.den) throw new SamplingInputError(samplingMessages.reserveOutOfRange(share));
  return r;
}

/** r_h = min(ceil(n_h × share), N_h − n_h), exactly. */
export function reserveSize(n: number, N: number, share: Rational): number {
  return Math.min(Number(ceilDiv(BigInt(n) * share.num, share.den)), N - n);
}

/**
 * Largest-remainder allocation of `total` over sizes: floor(total·N_h/N), then one more to
 * the strata with the largest remainders (ties: larger N_h, then smaller code) until the
 * sum is `total`. Requires total ≤ ΣN_h; exact (BigInt) products.
 */
export function largestRemainder(strata: readonly { code: string; N: number }[], total: number): number[] {
  const population = BigInt(strata.reduce((s, x) => s + x.N, 0));
  if (population === 0n) return strata.map(() => 0);
  const t = BigInt(total);
  const base = strata.map((s) => Number((t * BigInt(s.N)) / population));
  const remainder = strata.map((s) => (t * BigInt(s.N)) % population);
  let deficit = total - base.reduce((s, x) => s + x, 0);
  const order = strata.map((_, i) => i);
  order.sort((a, b) => {
    const ra = remainder[a] as bigint;
    const rb = remainder[b] as bigint;
    if (ra !== rb) return ra > rb ? -1 : 1;
    const sa = strata[a] as { code: string; N: number };
    const sb = strata[b] as { code: string; N: number };
    return sb.N - sa.N || compareCodeUnits(sa.code, sb.code);
  });
  for (const i of order) {
    if (deficit === 0) break;
    base[i] = (base[i] as number) + 1;
    deficit--;
  }
  return base;
}

function checkCount(what: string, code: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new SamplingInputError(samplingMessages.badCount(what, code, value));
}

type Sized = { target: number; n: number; raisedToMinimum: boolean };

function sizeByRule(s: StratumSize): Sized | null {
  const { rule, N } = s;
  switch (rule.kind) {
    case "yamane": {
      const target = yamane(N, parseMargin(rule.e));
      return { target, n: Math.min(target, N), raisedToMinimum: false };
    }
    case "quota":
      checkCount("Chỉ tiêu q", s.code, rule.q);
      return { target: rule.q, n: Math.min(rule.q, N), raisedToMinimum: false };
    case "manual":
      checkCount("Cỡ mẫu nhập tay", s.code, rule.n);
      return { target: rule.n, n: Math.min(rule.n, N), raisedToMinimum: false };
    case "proportional":
      return null;
  }
}

function allocateGroup(group: string, members: StratumSize[], out: Map<string, Sized>): ProportionalGroup {
  const first = members[0]?.rule;
  if (first?.kind !== "proportional") throw new Error("allocateGroup: not a proportional group");
  const { total, min } = first;
  for (const m of members) {
    if (m.rule.kind !== "proportional" || m.rule.total !== total || m.rule.min !== min) {
      throw new SamplingInputError(samplingMessages.groupMismatch(group));
    }
    checkCount("Tổng cỡ mẫu", m.code, total);
    checkCount("Cỡ mẫu tối thiểu", m.code, min);
  }
  const population = members.reduce((s, m) => s + m.N, 0);
  // A total above the population cannot be met: every stratum is then taken whole.
  const base = total >= population ? members.map((m) => m.N) : largestRemainder(members, total);
  let before = 0;
  let after = 0;
  members.forEach((m, i) => {
    const b = base[i] as number;
    const floor = Math.min(min, m.N);
    const n = Math.max(b, floor);
    before += b;
    after += n;
    out.set(m.code, { target: Math.max(b, min), n, raisedToMinimum: n > b });
  });
  return {
    group,
    total,
    min,
    strata: members.length,
    population,
    allocatedBeforeMinimum: before,
    allocated: after,
    exceedsTotalBy: Math.max(0, after - total),
  };
}

/**
 * Sample and reserve sizes for every stratum (§5). Each stratum carries its own rule, so a
 * level or block can use its own; proportional strata are pooled by `group`.
 * Always 0 ≤ n_h ≤ N_h and 0 ≤ r_h ≤ N_h − n_h.
 */
export function allocate(strata: readonly StratumSize[], reserveShare = "0"): AllocationResult {
  const share = parseReserveShare(reserveShare);
  const seen = new Set<string>();
  const partial = new Map<string, Sized>();
  const pools = new Map<string, StratumSize[]>();
  for (const s of strata) {
    if (seen.has(s.code)) throw new SamplingInputError(samplingMessages.duplicateStratum(s.code));
    seen.add(s.code);
    checkCount("Số người trong danh sách", s.code, s.N);
    const sized = sizeByRule(s);
    if (sized) partial.set(s.code, sized);
    else if (s.rule.kind === "proportional") {
      const key = s.rule.group ?? DEFAULT_GROUP;
      const pool = pools.get(key);
      if (pool) pool.push(s);
      else pools.set(key, [s]);
    }
  }
  const groups = [...pools.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([g, members]) => allocateGroup(g, members, partial));

  const result = strata
    .map((s): StratumAllocation => {
      const p = partial.get(s.code) as Sized;
      return {
        code: s.code,
        N: s.N,
        rule: s.rule,
        target: p.target,
        n: p.n,
        r: reserveSize(p.n, s.N, share),
        census: s.N > 0 && p.n === s.N,
        raisedToMinimum: p.raisedToMinimum,
      };
    })
    .sort((a, b) => compareCodeUnits(a.code, b.code));
  const totals = result.reduce((t, s) => ({ N: t.N + s.N, n: t.n + s.n, r: t.r + s.r }), { N: 0, n: 0, r: 0 });
  return { strata: result, groups, reserveShare: share, totals };
}

/** The canonical text of a rule, used in the allocation checksum and stored with a stratum. */
export function ruleText(rule: AllocationRule): string {
  switch (rule.kind) {
    case "yamane":
      return `yamane:e=${rationalText(parseMargin(rule.e))}`;
    case "quota":
      return `quota:q=${rule.q}`;
    case "manual":
      return `manual:n=${rule.n}`;
    case "proportional":
      return `proportional:group=${rule.group ?? DEFAULT_GROUP}:total=${rule.total}:min=${rule.min}`;
  }
}
