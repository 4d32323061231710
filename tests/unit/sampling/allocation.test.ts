import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  allocate,
  largestRemainder,
  parseMargin,
  parseReserveShare,
  reserveSize,
  yamane,
  type StratumSize,
} from "@/lib/sampling/allocation";
import { SamplingInputError } from "@/lib/sampling/messages";
import type { AllocationRule } from "@/lib/sampling/types";

const e05 = parseMargin("0.05");

describe("Yamane, exact", () => {
  // e = 0.05 ⇒ n = ceil(400·N / (400 + N)), worked by hand:
  //   N=1     400/401          = 0.998  → 1
  //   N=10    4000/410         = 9.756  → 10
  //   N=30    12000/430        = 27.907 → 28
  //   N=50    20000/450        = 44.444 → 45
  //   N=80    32000/480        = 66.667 → 67   (not 68, and certainly not 81)
  //   N=100   40000/500        = 80 exactly → 80 (a float one ulp above 80 would give 81)
  //   N=400   160000/800       = 200 exactly → 200
  //   N=600   240000/1000      = 240 exactly → 240
  //   N=1200  480000/1600      = 300 exactly → 300
  //   N=2000  800000/2400      = 333.333 → 334
  //   N=3600  1440000/4000     = 360 exactly → 360
  //   N=10000 4000000/10400    = 384.615 → 385
  //   N=1e6   4e8/1000400      = 399.84 → 400
  it.each([
    [0, 0], [1, 1], [10, 10], [30, 28], [50, 45], [80, 67], [100, 80], [400, 200], [600, 240],
    [1200, 300], [2000, 334], [3600, 360], [10000, 385], [1_000_000, 400],
  ])("N=%i → %i", (N, n) => {
    expect(yamane(N, e05)).toBe(n);
  });

  it("other margins: e=0.1 ⇒ ceil(100N/(100+N)); e=0.03 ⇒ ceil(10000N/(10000+9N))", () => {
    const e10 = parseMargin("0.1");
    expect(yamane(100, e10)).toBe(50); // 10000/200 = 50 exactly
    expect(yamane(900, e10)).toBe(90); // 90000/1000 = 90 exactly
    expect(yamane(80, e10)).toBe(45); // 8000/180 = 44.4
    expect(yamane(1000, parseMargin("0.03"))).toBe(527); // 1e7/19000 = 526.3
  });

  it("reads 0.05, 0,05, .05, 5% and 0.050 as the same e", () => {
    for (const s of ["0,05", ".05", "5%", "0.050"]) expect(parseMargin(s)).toEqual(e05);
  });

  it("refuses e outside (0, 1) and non-numbers", () => {
    for (const s of ["0", "1", "1.5", "abc", "", "-0.05", "0.05.1"]) expect(() => parseMargin(s)).toThrow(SamplingInputError);
  });

  it("property: 1 ≤ n ≤ N for N ≥ 1, and n is the least integer with n·(400+N) ≥ 400·N", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), (N) => {
        const n = yamane(N, e05);
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(N);
        expect(BigInt(n) * BigInt(400 + N) >= 400n * BigInt(N)).toBe(true);
        expect(BigInt(n - 1) * BigInt(400 + N) < 400n * BigInt(N)).toBe(true);
      }),
    );
  });
});

describe("reserve", () => {
  it("r = min(ceil(n × share), N − n), exactly", () => {
    const s = parseReserveShare("0.2");
    expect(reserveSize(67, 80, s)).toBe(13); // ceil(13.4) = 14, but only 13 left
    expect(reserveSize(50, 1000, s)).toBe(10); // 50 × 0.2 = 10 exactly, not 11
    expect(reserveSize(51, 1000, s)).toBe(11); // 10.2 → 11
    expect(reserveSize(35, 1000, parseReserveShare("0.1"))).toBe(4); // 3.5 → 4
    expect(reserveSize(10, 10, s)).toBe(0);
  });
});

const rule = (r: AllocationRule) => r;

describe("allocate", () => {
  it("quota: min(q, N), census flagged", () => {
    const a = allocate(
      [
        { code: "X1", N: 120, rule: rule({ kind: "quota", q: 50 }) },
        { code: "X2", N: 30, rule: rule({ kind: "quota", q: 50 }) },
        { code: "X3", N: 0, rule: rule({ kind: "quota", q: 50 }) },
      ],
      "0.2",
    );
    expect(a.strata.map((s) => [s.code, s.n, s.r, s.census])).toEqual([
      ["X1", 50, 10, false],
      ["X2", 30, 0, true],
      ["X3", 0, 0, false],
    ]);
    expect(a.totals).toEqual({ N: 150, n: 80, r: 10 });
  });

  it("manual override and mixed rules per stratum (a level or block may use its own)", () => {
    const a = allocate([
      { code: "P01", N: 80, rule: rule({ kind: "yamane", e: "0.05" }) },
      { code: "X01", N: 1000, rule: rule({ kind: "quota", q: 150 }) },
      { code: "X02", N: 1000, rule: rule({ kind: "manual", n: 40 }) },
      { code: "X03", N: 20, rule: rule({ kind: "manual", n: 40 }) },
    ]);
    expect(a.strata.map((s) => [s.code, s.n, s.target, s.census])).toEqual([
      ["P01", 67, 67, false],
      ["X01", 150, 150, false],
      ["X02", 40, 40, false],
      ["X03", 20, 40, true],
    ]);
  });

  it("proportional: floor, then largest remainders; ties to larger N, then smaller code", () => {
    // total 10 over N = 5, 5, 5 (N=15): 10·5/15 = 3.33 each, floors 3+3+3 = 9, one left;
    // all remainders equal (5/15), all N equal → smallest code "A" gets it.
    expect(largestRemainder([{ code: "C", N: 5 }, { code: "A", N: 5 }, { code: "B", N: 5 }], 10)).toEqual([3, 4, 3]);
    // total 3 over N = 2, 4 (N=6): exactly 1 and 2, no remainder.
    expect(largestRemainder([{ code: "A", N: 2 }, { code: "B", N: 4 }], 3)).toEqual([1, 2]);
    // total 2 over N = 1, 1, 2 (N=4): exact 0.5, 0.5, 1 → floors 0,0,1; remainders 2,2,0 (of 4);
    // one left, tie between the two N=1 strata → smaller code "A".
    expect(largestRemainder([{ code: "B", N: 1 }, { code: "A", N: 1 }, { code: "C", N: 2 }], 2)).toEqual([0, 1, 1]);
    // total 4 over N = 3, 6, 6 (N=15): 0.8, 1.6, 1.6 → floors 0,1,1; remainders 12, 9, 9 (of 15);
    // two left: the largest remainder (N=3) first, then the tie N=6/N=6 → smaller code "M".
    expect(largestRemainder([{ code: "Z", N: 3 }, { code: "N", N: 6 }, { code: "M", N: 6 }], 4)).toEqual([1, 1, 2]);
    // total 3 over N = 1, 3, 5 (N=9): 0.33, 1, 1.67 → floors 0,1,1; remainders 3, 0, 6 (of 9);
    // one left → C, the largest remainder.
    expect(largestRemainder([{ code: "A", N: 1 }, { code: "B", N: 3 }, { code: "C", N: 5 }], 3)).toEqual([0, 1, 2]);
  });

  it("proportional: the tie on remainder goes to the larger N before the smaller code", () => {
    // total 3 over N = 2, 4, 6 (N=12): 0.5, 1, 1.5 → floors 0,1,1; rem 6, 0, 6 (of 12).
    // one left; A (N=2) and C (N=6) tie on remainder → larger N wins: C.
    expect(largestRemainder([{ code: "A", N: 2 }, { code: "B", N: 4 }, { code: "C", N: 6 }], 3)).toEqual([0, 1, 2]);
  });

  it("proportional with a minimum: raised to min(m, N_h), and the excess over the total is reported", () => {
    const sizes: StratumSize[] = [
      { code: "A", N: 10_000, rule: { kind: "proportional", total: 100, min: 30 } },
      { code: "B", N: 500, rule: { kind: "proportional", total: 100, min: 30 } },
      { code: "C", N: 12, rule: { kind: "proportional", total: 100, min: 30 } },
    ];
    const a = allocate(sizes);
    // before minimums: 100·10000/10512 = 95.13, 4.76, 0.11 → 95, 4, 0, remainders .76 > .13 > .11 → 95, 5, 0.
    expect(a.groups[0]?.allocatedBeforeMinimum).toBe(100);
    expect(a.strata.map((s) => [s.code, s.n, s.raisedToMinimum, s.census])).toEqual([
      ["A", 95, false, false],
      ["B", 30, true, false],
      ["C", 12, true, true],
    ]);
    expect(a.groups[0]).toMatchObject({ total: 100, allocated: 137, exceedsTotalBy: 37 });
  });

  it("proportional: a total above the population takes everyone", () => {
    const a = allocate([
      { code: "A", N: 3, rule: { kind: "proportional", total: 100, min: 0 } },
      { code: "B", N: 4, rule: { kind: "proportional", total: 100, min: 0 } },
    ]);
    expect(a.strata.map((s) => s.n)).toEqual([3, 4]);
    expect(a.strata.every((s) => s.census)).toBe(true);
  });

  it("proportional groups are pooled separately, and must agree on total and min", () => {
    const a = allocate([
      { code: "A", N: 100, rule: { kind: "proportional", total: 10, min: 0, group: "xa" } },
      { code: "B", N: 100, rule: { kind: "proportional", total: 10, min: 0, group: "xa" } },
      { code: "C", N: 100, rule: { kind: "proportional", total: 7, min: 0, group: "so" } },
    ]);
    expect(a.strata.map((s) => s.n)).toEqual([5, 5, 7]);
    expect(() =>
      allocate([
        { code: "A", N: 100, rule: { kind: "proportional", total: 10, min: 0 } },
        { code: "B", N: 100, rule: { kind: "proportional", total: 11, min: 0 } },
      ]),
    ).toThrow(SamplingInputError);
  });

  it("refuses duplicate strata and negative or fractional sizes", () => {
    expect(() => allocate([{ code: "A", N: 1, rule: { kind: "quota", q: 1 } }, { code: "A", N: 1, rule: { kind: "quota", q: 1 } }])).toThrow(SamplingInputError);
    expect(() => allocate([{ code: "A", N: -1, rule: { kind: "quota", q: 1 } }])).toThrow(SamplingInputError);
    expect(() => allocate([{ code: "A", N: 5, rule: { kind: "quota", q: 1.5 } }])).toThrow(SamplingInputError);
  });

  const arbSizes = fc.uniqueArray(
    fc.record({ code: fc.string({ minLength: 1, maxLength: 4 }), N: fc.integer({ min: 0, max: 20_000 }) }),
    { selector: (s) => s.code, minLength: 1, maxLength: 30 },
  );

  it("property: proportional sums to the total before minimums, and 0 ≤ n_h ≤ N_h always", () => {
    fc.assert(
      fc.property(arbSizes, fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 100 }), (sizes, total, min) => {
        const population = sizes.reduce((s, x) => s + x.N, 0);
        const base = largestRemainder(sizes, Math.min(total, population));
        expect(base.reduce((s, x) => s + x, 0)).toBe(Math.min(total, population));
        sizes.forEach((s, i) => {
          const exact = (Math.min(total, population) * s.N) / Math.max(1, population);
          expect(Math.abs((base[i] as number) - exact)).toBeLessThan(1);
        });
        const a = allocate(sizes.map((s) => ({ ...s, rule: { kind: "proportional", total, min } })), "0.3");
        for (const s of a.strata) {
          expect(s.n).toBeGreaterThanOrEqual(Math.min(min, s.N));
          expect(s.n).toBeLessThanOrEqual(s.N);
          expect(s.r).toBeLessThanOrEqual(s.N - s.n);
          expect(s.r).toBeGreaterThanOrEqual(0);
        }
        const g = a.groups[0];
        expect(g?.allocatedBeforeMinimum).toBe(Math.min(total, population));
        expect(g?.allocated).toBe(a.totals.n);
      }),
    );
  });

  it("property: every rule keeps n_h ≤ N_h and r_h ≤ N_h − n_h", () => {
    const arbRule = fc.oneof(
      fc.constantFrom("0.05", "0.1", "0.03", "0.07").map((e): AllocationRule => ({ kind: "yamane", e })),
      fc.integer({ min: 0, max: 500 }).map((q): AllocationRule => ({ kind: "quota", q })),
      fc.integer({ min: 0, max: 500 }).map((n): AllocationRule => ({ kind: "manual", n })),
    );
    fc.assert(
      fc.property(arbSizes, fc.array(arbRule, { minLength: 30, maxLength: 30 }), fc.constantFrom("0", "0.2", "1", "2.5"), (sizes, rules, share) => {
        const a = allocate(sizes.map((s, i) => ({ ...s, rule: rules[i] as AllocationRule })), share);
        for (const s of a.strata) {
          expect(s.n).toBeLessThanOrEqual(s.N);
          expect(s.n + s.r).toBeLessThanOrEqual(s.N);
          expect(s.census).toBe(s.N > 0 && s.n === s.N);
        }
      }),
    );
  });
});
