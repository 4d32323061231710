import { describe, expect, it } from "vitest";
import { computeIndices } from "@/lib/sipas/indices";
import { buildInput, column, formsFromColumns, makeQuestionnaire } from "./helpers";

/**
 * §7's worked example. Elements 1, 2, 4, 5 have one criterion each, with
 * answers chosen to give 82.10, 80.50, 88.00 and 70.25; element 3 (Công chức)
 * has criteria A, B, C answered as in §7. Blanks pad the columns: they must
 * not count in any denominator.
 */
const q = makeQuestionnaire([1, 1, 3, 1, 1]);
const columns = [
  column([0, 0, 179, 821, 0]), // 821/1000 = 82.10
  column([0, 195, 0, 0, 805]), // 805/1000 = 80.50
  column([2, 3, 10, 60, 25], 5), // A: 85/100
  column([0, 5, 15, 55, 20], 5), // B: 75/95
  column([1, 4, 20, 50, 22], 3), // C: 72/97
  column([60, 60, 0, 440, 440]), // 880/1000 = 88.00
  column([100, 0, 19, 200, 81], 600), // 281/400 = 70.25
];
const input = buildInput(
  q,
  [{ code: "U1", name: "Đơn vị 1", level: "Sở", block: "Sở, ban, ngành" }],
  [{ code: "U1", unitCode: "U1", population: 50_000 }],
  formsFromColumns("U1", columns),
);

describe("§7 worked example", () => {
  const r = computeIndices(input);
  const unit = r.units[0]!;

  it("gives the criterion indices", () => {
    const [a, b, c] = unit.criteria.slice(2, 5);
    expect(a?.index).toBeCloseTo(85, 12);
    expect(a?.n).toBe(100);
    expect(b?.index).toBeCloseTo((75 / 95) * 100, 12);
    expect(b?.index).toBeCloseTo(78.947368421, 8);
    expect(c?.index).toBeCloseTo(74.226804124, 8);
    expect(c?.n).toBe(97);
  });

  it("averages criteria into the element: 79.39", () => {
    const e3 = unit.elements[2]!;
    expect(e3.index).toBeCloseTo((85 + 7500 / 95 + 7200 / 97) / 3, 12);
    expect(e3.index!.toFixed(2)).toBe("79.39");
    expect(e3.parts).toBe(3);
  });

  it("averages elements into the unit SIPAS: 80.05", () => {
    expect(unit.elements.map((e) => e.index!.toFixed(2))).toEqual(["82.10", "80.50", "79.39", "88.00", "70.25"]);
    const expected = (82.1 + 80.5 + (85 + 7500 / 95 + 7200 / 97) / 3 + 88 + 70.25) / 5;
    expect(unit.sipas.index).toBeCloseTo(expected, 10);
    expect(unit.sipas.index!.toFixed(2)).toBe("80.05");
    expect(unit.forms).toBe(1000);
    expect(unit.eligible).toBe(true);
  });

  it("pooled method: 232/292 = 79.45", () => {
    const pooled = computeIndices(input, { method: "pooled" }).units[0]!;
    expect(pooled.elements[2]!.index).toBeCloseTo((232 / 292) * 100, 12);
    expect(pooled.elements[2]!.index!.toFixed(2)).toBe("79.45");
    // One-criterion elements are the same under both methods.
    expect(pooled.elements[0]!.index).toBeCloseTo(82.1, 12);
  });

  it("a single-unit province's group index equals the unit's SIPAS", () => {
    const province = r.groups.find((g) => g.key === "province")!;
    expect(province.units).toBe(1);
    expect(province.index).toBe(unit.sipas.index);
    expect(province.se).toBe(unit.sipas.se);
    expect(r.provinceWeighted.sipas.index).toBeCloseTo(unit.sipas.index!, 12);
  });
});

describe("aspects", () => {
  // Three elements; aspects K1 = {E1, E2}, K2 = {E3}: SIPAS = (E1 + E2)/4 + E3/2.
  const base = makeQuestionnaire([1, 2, 1]);
  const withAspects = {
    ...base,
    aspects: [
      { code: "K1", title: "Khía cạnh 1" },
      { code: "K2", title: "Khía cạnh 2" },
    ],
    elements: base.elements.map((e, i) => ({ ...e, aspect: i < 2 ? "K1" : "K2" })),
  };
  // The same SIPAS without aspects: E3 twice (a copy of its criterion with identical answers).
  const twice = makeQuestionnaire([1, 2, 1, 1]);
  const unit = [{ code: "U", name: "Đơn vị", level: "Xã", block: "Khối xã" }];
  const strata = [
    { code: "U/a", unitCode: "U", population: 90 },
    { code: "U/b", unitCode: "U", population: 40 },
  ];
  const answers = [
    [5, 4, 3, 2],
    [4, 0, 5, 4],
    [2, 3, 3, 5],
    [4, 4, 4, 1],
    [5, 5, 0, 4],
    [1, 2, 4, 4],
    [3, 4, 5, 5],
  ];
  const forms = answers.map((a, i) => ({ stratum: i < 4 ? "U/a" : "U/b", answers: a }));
  const a = computeIndices(buildInput(withAspects, unit, strata, forms), { minValid: 1 }).units[0]!;
  const b = computeIndices(
    buildInput(twice, unit, strata, forms.map((f) => ({ ...f, answers: [...f.answers, f.answers[3]!] }))),
    { minValid: 1 },
  ).units[0]!;

  it("aspect = mean of its elements; SIPAS = mean of aspects", () => {
    const [e1, e2, e3] = a.elements.map((e) => e.index!);
    expect(a.aspects[0]!.index).toBeCloseTo((e1! + e2!) / 2, 12);
    expect(a.aspects[1]!.index).toBeCloseTo(e3!, 12);
    expect(a.sipas.index).toBeCloseTo(((e1! + e2!) / 2 + e3!) / 2, 12);
    expect(a.aspects[1]!.se).toBeCloseTo(a.elements[2]!.se!, 12);
  });

  it("its SE is that of the equivalent average of element averages", () => {
    expect(a.sipas.index).toBeCloseTo(b.sipas.index!, 12);
    expect(a.sipas.se).toBeCloseTo(b.sipas.se!, 12);
  });
});
