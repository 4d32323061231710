import { describe, expect, it } from "vitest";
import { computeIndices } from "@/lib/sipas/indices";
import { buildInput, makeQuestionnaire } from "./helpers";

/**
 * A unit in three strata, one element with criteria c1 and c2; SEs worked out
 * by hand (exact fractions), in the notation of §8.
 *
 *   stratum  N_h  forms (c1, c2; "-" blank)         m_h  w_h = N_h/m_h
 *   h1        10  (5,4) (4,3) (2,4) (-,5)           4    5/2
 *   h2        20  (4,2) (1,-) (5,4)                 3    20/3
 *   h3         5  (4,1)                             1    5      ← lonely
 *
 * c1: X̂ = 5/2·3 + 20/3·3 + 5·1 = 65/2, Ŷ = 5/2·2 + 20/3·2 + 5·1 = 70/3,
 *     R̂ = 28/39 = 71.7949 %.
 * c2: X̂ = 5/2·4 + 20/3·2 + 5 = 85/3, Ŷ = 5/2·3 + 20/3·1 + 0 = 85/6, R̂ = 1/2.
 *
 * Scores w_i z_i = w_h (y − R̂x)/X̂, per stratum, then
 * V = Σ_h (1 − m_h/N_h)·m_h/(m_h − 1)·Σ_i (w z_i − mean_h)²; h3 has m_h = 1 → 0.
 *
 * c1, h1: satisfied 5/2·(11/39)/(65/2) = 11/507, not 5/2·(−28/39)/(65/2) = −28/507, blank 0
 *     values 11, 11, −28, 0 (/507); mean −1/338; Σ(v − mean)² = 113/28561;
 *     factor (1 − 4/10)·4/3 = 4/5 → 452/142805.
 *   h2: values 88, −224, 88 (/1521); mean −16/1521; Σ(v − mean)² = 128/4563;
 *     factor (1 − 3/20)·3/2 = 51/40 → 272/7605.
 *   V = 452/142805 + 272/7605 = 50036/1285245 = 0.0389311; SE = 19.73097 points.
 * c2, h1: values 3, −3, 3, 3 (/68); mean 3/136; SS 27/4624; ×4/5 → 27/5780.
 *   h2: values −2/17, 0 (blank), 2/17; mean 0; SS 8/289; ×51/40 → 3/85.
 *   V = 27/5780 + 3/85 = 231/5780 = 0.0399654; SE = 19.99135 points.
 * Element (mean of c1, c2): 100·(28/39 + 1/2)/2 = 60.89744; z = (z1 + z2)/2:
 *   h1 values 2269/68952, −773/68952, −383/68952, 3/136; SS·4/5 = 719059/660330320
 *   h2 values −773/25857, −112/1521, 2269/25857; SS·51/40 = 9187/517140
 *   V = 0.0188539536; SE = 13.73097 points. Here element = SIPAS.
 * Pooled element: (70/3 + 85/6)/(65/2 + 85/3) = 45/73 = 61.64384 %, SE 12.88704.
 *
 * df: c1 has valid answers on 7 forms in 3 strata → 4; c2 on 7 forms
 * (one blank) in 3 strata → 4; the element on all 8 forms in 3 strata → 5.
 * qt(0.975, 4) = 2.776445105197793, qt(0.975, 5) = 2.570581835636314.
 * c1 interval on the logit scale: logit(28/39) ± 2.7764451·0.1973097/((28/39)(11/39))
 *   → [14.54188, 97.44095]; c2: logit(1/2) = 0 ± 2.7764451·0.1999135/0.25 → [9.79516, 90.20484].
 * Element: 60.89744 ± 2.5705818·13.73097 → [25.60085, 96.19402].
 */
const q = makeQuestionnaire([2]);
const forms = [
  ["h1", 5, 4],
  ["h1", 4, 3],
  ["h1", 2, 4],
  ["h1", 0, 5],
  ["h2", 4, 2],
  ["h2", 1, 0],
  ["h2", 5, 4],
  ["h3", 4, 1],
] as const;
const input = buildInput(
  q,
  [{ code: "U", name: "Đơn vị", level: "Xã", block: "Khối xã" }],
  [
    { code: "h1", unitCode: "U", population: 10 },
    { code: "h2", unitCode: "U", population: 20 },
    { code: "h3", unitCode: "U", population: 5 },
  ],
  forms.map(([stratum, a, b]) => ({ stratum, answers: [a, b] })),
);

describe("stratified variance, by hand", () => {
  const u = computeIndices(input, { minValid: 1 }).units[0]!;
  const [c1, c2] = u.criteria;

  it("criterion shares, SEs, df and logit intervals", () => {
    expect(c1!.index).toBeCloseTo((100 * 28) / 39, 12);
    expect(c1!.se).toBeCloseTo(100 * Math.sqrt(50036 / 1285245), 10);
    expect(c1!.df).toBe(4);
    expect(c1!.ci!.low).toBeCloseTo(14.541878447905892, 8);
    expect(c1!.ci!.high).toBeCloseTo(97.44095451623228, 8);
    expect(c2!.index).toBeCloseTo(50, 12);
    expect(c2!.se).toBeCloseTo(100 * Math.sqrt(231 / 5780), 10);
    expect(c2!.n).toBe(7);
    expect(c2!.ci!.low).toBeCloseTo(9.795155841773337, 8);
    expect(c2!.ci!.high).toBeCloseTo(90.20484415822668, 8);
  });

  it("element and SIPAS: mean of criteria, score averaged", () => {
    const v = 719059 / 660330320 + 9187 / 517140;
    expect(u.elements[0]!.index).toBeCloseTo(60.8974358974359, 12);
    expect(u.elements[0]!.se).toBeCloseTo(100 * Math.sqrt(v), 10);
    expect(u.sipas.se).toBeCloseTo(100 * Math.sqrt(v), 10);
    expect(u.df).toBe(5);
    expect(u.sipas.ci!.low).toBeCloseTo(25.600853924841132, 8);
    expect(u.sipas.ci!.high).toBeCloseTo(96.19401787003066, 8);
  });

  it("flags the lonely stratum", () => {
    expect(u.lonelyStrata).toEqual(["h3"]);
    expect(u.forms).toBe(8);
    expect(u.strata).toBe(3);
  });

  it("pooled element", () => {
    const p = computeIndices(input, { method: "pooled", minValid: 1 }).units[0]!;
    expect(p.elements[0]!.index).toBeCloseTo((100 * 45) / 73, 12);
    expect(p.elements[0]!.se).toBeCloseTo(12.887044656705326, 9);
  });

  it("a census stratum (m_h = N_h) contributes no variance", () => {
    const census = { ...input, strata: input.strata.map((s) => (s.code === "h2" ? { ...s, population: 3 } : s)) };
    const c = computeIndices(census, { minValid: 1 }).units[0]!;
    // Only h1 remains: V = 452/142805 with h2's weight now 1 (X̂, R̂ change too), so just check h2 adds 0:
    expect(c.criteria[1]!.se).toBeGreaterThan(0);
    const onlyH1 = computeIndices(
      { ...census, strata: census.strata.map((s) => (s.code === "h1" ? { ...s, population: 4 } : s)) },
      { minValid: 1 },
    ).units[0]!;
    expect(onlyH1.sipas.se).toBe(0);
    expect(onlyH1.sipas.ci).toEqual({ low: onlyH1.sipas.index, high: onlyH1.sipas.index });
  });
});
