import { describe, expect, it } from "vitest";
import { compareEstimates, rankUnits } from "@/lib/sipas/compare";
import { computeIndices } from "@/lib/sipas/indices";
import { buildInput, makeQuestionnaire } from "./helpers";

describe("comparing and ranking units", () => {
  it("t test on √(SE₁² + SE₂²) with df₁ + df₂", () => {
    // 82 vs 78, SEs 1.5 and 2: SE = 2.5, t = 1.6, df = 60 → p ≈ 0.1149, not significant.
    const c = compareEstimates({ index: 82, se: 1.5, df: 28 }, { index: 78, se: 2, df: 32 })!;
    expect(c.se).toBeCloseTo(2.5, 12);
    expect(c.statistic).toBeCloseTo(1.6, 12);
    expect(c.df).toBe(60);
    expect(c.pValue).toBeCloseTo(0.11485, 4);
    expect(c.significant).toBe(false);
    expect(compareEstimates({ index: 86, se: 1.5, df: 28 }, { index: 78, se: 2, df: 32 })!.significant).toBe(true);
  });

  it("no test without an index or degrees of freedom; exact when both SEs are 0", () => {
    expect(compareEstimates({ index: null, se: null, df: 0 }, { index: 50, se: 1, df: 9 })).toBeNull();
    expect(compareEstimates({ index: 60, se: 1, df: 0 }, { index: 50, se: 1, df: 0 })!.significant).toBe(false);
    expect(compareEstimates({ index: 60, se: 0, df: 5 }, { index: 50, se: 0, df: 5 })).toMatchObject({ significant: true, pValue: 0 });
  });

  it("ranks by index, shares ranks on ties and marks non-significant gaps", () => {
    const r = rankUnits([
      { code: "B", index: 80, se: 1, df: 40 },
      { code: "A", index: 80, se: 1, df: 40 },
      { code: "C", index: 79.5, se: 1, df: 40 },
      { code: "D", index: 70, se: 1, df: 40 },
      { code: "E", index: null, se: null, df: 0 },
    ]);
    expect(r.map((e) => [e.code, e.rank, e.tiedWithNext, e.significantlyAboveNext])).toEqual([
      ["A", 1, true, false],
      ["B", 1, false, false],
      ["C", 3, false, true],
      ["D", 4, false, null],
    ]);
  });
});

describe("degenerate input", () => {
  it("no units, no forms: a province with nulls, never NaN", () => {
    const r = computeIndices(buildInput(makeQuestionnaire([2]), [], [], []));
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]).toMatchObject({ key: "province", units: 0, index: null, se: null, df: null, ci: null });
    expect(r.provinceWeighted.sipas).toMatchObject({ index: null, se: null, ci: null, df: 0 });
    expect(JSON.stringify(r)).not.toMatch(/NaN/);
  });
});
