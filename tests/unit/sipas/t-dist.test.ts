import jStat from "jstat";
import { describe, expect, it } from "vitest";
import { CORNISH_FISHER_FROM, normalQuantile, t975, tCdf, tQuantile, tQuantileBySeries, tTwoSidedP } from "@/lib/sipas/t-dist";

/** qt(0.975, df) from closed forms (df 1, 2, 4) and from R / SciPy (16 digits). */
const Q975: [number, number][] = [
  [1, Math.tan(0.475 * Math.PI)],
  [2, 0.95 / Math.sqrt(2 * 0.975 * 0.025)],
  [3, 3.1824463052837078],
  // df 4: t = 2·√(q − 1), q = cos(acos(√α)/3)/√α, α = 4p(1 − p).
  [4, 2 * Math.sqrt(Math.cos(Math.acos(Math.sqrt(0.0975)) / 3) / Math.sqrt(0.0975) - 1)],
  [5, 2.5705818356363146],
  [10, 2.228138851986274],
  [29, 2.045229642132703],
  [30, 2.0422724563012378],
  [100, 1.9839715185235518],
  [1000, 1.9623390808264083],
  [99999, 1.9599877077718442],
];

describe("Student t quantiles", () => {
  it.each(Q975)("qt(0.975, %i) to 1e-9", (df, expected) => {
    expect(Math.abs(t975(df) - expected)).toBeLessThan(1e-9);
    expect(Math.abs(tQuantile(0.975, df) - expected)).toBeLessThan(1e-9);
  });

  it("other probabilities, and symmetry", () => {
    expect(Math.abs(tQuantile(0.995, 7) - 3.4994832973504924)).toBeLessThan(1e-9);
    expect(Math.abs(tQuantile(0.9, 3) - 1.637744353696209)).toBeLessThan(1e-9);
    expect(tQuantile(0.025, 12)).toBe(-tQuantile(0.975, 12));
    expect(tQuantile(0.5, 8)).toBe(0);
    expect(Math.abs(normalQuantile(0.975) - 1.959963984540054)).toBeLessThan(1e-12);
  });

  it("jStat alone is not accurate enough (why t-dist.ts refines it)", () => {
    expect(Math.abs(jStat.studentt.inv(0.975, 30) - 2.0422724563012378)).toBeGreaterThan(1e-8);
  });

  it("the Cornish–Fisher branch agrees with the exact series where they meet", () => {
    for (const df of [CORNISH_FISHER_FROM, 2 * CORNISH_FISHER_FROM]) {
      expect(Math.abs(tQuantile(0.975, df) - tQuantileBySeries(0.975, df))).toBeLessThan(1e-12);
    }
  });

  it("CDF and p-values", () => {
    expect(Math.abs(tCdf(2, 10) - 0.9633059826146299)).toBeLessThan(1e-12);
    expect(Math.abs(tCdf(-3.5, 30) - 0.0007384037188221266)).toBeLessThan(1e-12);
    expect(Math.abs(tTwoSidedP(2.1, 40) - 0.04208201897650226)).toBeLessThan(1e-12);
    for (const df of [1, 2, 7, 60]) expect(tCdf(tQuantile(0.975, df), df)).toBeCloseTo(0.975, 12);
  });

  it("refuses non-integer or zero degrees of freedom", () => {
    expect(() => tQuantile(0.975, 0)).toThrow(RangeError);
    expect(() => tQuantile(0.975, 2.5)).toThrow(RangeError);
  });
});
