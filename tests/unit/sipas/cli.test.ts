import { afterEach, describe, expect, it, vi } from "vitest";
import indices from "@/lib/cli/indices";
import template from "@/lib/cli/template";
import { ZQuestionnaire } from "@/lib/sipas/questionnaire";

const FIXTURE = "tests/fixtures/open-data-small";

async function capture(run: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((err += String(chunk)), true));
  const code = await run();
  vi.restoreAllMocks();
  return { code, out, err };
}

type Json = Record<string, unknown> & {
  units: Record<string, Record<string, unknown> & { sipas: Record<string, number>; criteria: Record<string, number>[]; elements: Record<string, number>[] }>;
  groups: Record<string, Record<string, unknown>>;
  province_weighted: { df: number; sipas: Record<string, number> };
};

/**
 * The fixture: 4 units, 6 strata, 112 forms of the classic questionnaire
 * (2 entirely blank forms in S02; X01/DAT_DAI holds a single form; X02 has 12
 * forms, below the minimum of 30). The figures were checked to 1e-8 against
 * an independent implementation (covariance of weighted totals by stratum
 * with the delta method, the computation svyratio + svycontrast perform).
 */
describe("npm run sipas -- indices", () => {
  afterEach(() => vi.restoreAllMocks());

  it("computes the fixture's indices", async () => {
    const { code, out } = await capture(() => indices.run([FIXTURE]));
    expect(code).toBe(0);
    const r = JSON.parse(out) as Json;
    const s01 = r.units.S01!;
    expect(s01).toMatchObject({ forms: 34, excluded_forms: 0, eligible: true, rank: 2, df: 32, strata: 2 });
    expect(s01.sipas.index).toBeCloseTo(82.52233692450423, 9);
    expect(s01.sipas.se).toBeCloseTo(1.5816683791444481, 9);
    expect(s01.sipas.ci_low).toBeCloseTo(79.30058386472841, 9);
    expect(s01.sipas.ci_high).toBeCloseTo(85.74408998428005, 9);
    expect(s01.elements[2]).toMatchObject({ code: "YT3" });
    expect(s01.elements[2]!.se).toBeCloseTo(2.3548787193167757, 9);
    expect(s01.criteria[9]).toMatchObject({ code: "TC3.1", n_valid: 31, df: 29 });
    expect(s01.criteria[9]!.index).toBeCloseTo(86.074177746676, 9);
    expect(s01.criteria[9]!.ci_low).toBeCloseTo(70.60476966106732, 9);
    expect(s01.criteria[9]!.ci_high).toBeCloseTo(94.08475981773717, 9);

    expect(r.units.S02).toMatchObject({ forms: 33, excluded_forms: 2, rank: 3 });
    expect(r.units.X01).toMatchObject({ forms: 31, df: 29, lonely_strata: ["X01/DAT_DAI"], rank: 1 });
    expect(r.units.X01!.criteria[0]!.index).toBeCloseTo(93.71069182389937, 9);
    expect(r.units.X02).toMatchObject({ forms: 12, eligible: false, rank: null });

    const province = r.groups.province as Record<string, number>;
    expect(province).toMatchObject({ units: 3, units_total: 4, df: 93 });
    expect(province.index).toBeCloseTo(80.64560482567644, 9);
    expect(province.se).toBeCloseTo(0.9319121779450755, 9);
    expect(province.ci_low).toBeCloseTo(78.79501193190215, 9);
    expect(r.groups["level:Cấp xã"]).toMatchObject({ units: 1, index: r.units.X01!.sipas.index });
    expect(r.province_weighted.df).toBe(104);
    expect(r.province_weighted.sipas.index).toBeCloseTo(78.42335531701985, 9);
    expect(r.province_weighted.sipas.se).toBeCloseTo(1.125780749434568, 9);
    expect(r.ranking).toMatchObject([
      { unit_code: "X01", significantly_above_next: false },
      { unit_code: "S01", significantly_above_next: true },
      { unit_code: "S02", significantly_above_next: null },
    ]);
  });

  it("pooled method and a higher minimum", async () => {
    const { code, out } = await capture(() => indices.run([FIXTURE, "--method", "pooled", "--min-valid", "40"]));
    expect(code).toBe(0);
    const r = JSON.parse(out) as Json;
    expect(r.units.S01!.elements[2]!.index).toBeCloseTo(82.43739565943238, 9);
    expect(r.groups.province).toMatchObject({ units: 0, df: null, index: null, se: null, ci_low: null, ci_high: null });
  });

  it("usage errors exit with 2, bad folders with 1 and Vietnamese reasons", async () => {
    expect((await capture(() => indices.run([]))).code).toBe(2);
    expect((await capture(() => indices.run([FIXTURE, "--method", "median"]))).err).toContain("--method phải là mean hoặc pooled");
    const missing = await capture(() => indices.run(["tests/fixtures/khong-co"]));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("questionnaire.json: Thiếu tệp trong thư mục");
    expect(missing.out).toBe("");
  });
});

describe("npm run sipas -- template", () => {
  it("prints the classic form as a valid questionnaire.json", async () => {
    const { code, out } = await capture(() => template.run(["classic"]));
    expect(code).toBe(0);
    const q = ZQuestionnaire.parse(JSON.parse(out));
    expect(q.template).toBe("classic-2640");
  });

  it("refuses an unknown template", async () => {
    const { code, err } = await capture(() => template.run(["dai"]));
    expect(code).toBe(2);
    expect(err).toContain('Không có mẫu phiếu "dai"');
  });
});
