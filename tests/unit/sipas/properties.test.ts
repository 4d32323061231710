import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IndexInput } from "@/lib/sipas/engine-input";
import type { CompositeEstimate, ShareEstimate } from "@/lib/sipas/estimate";
import type { IndexResult } from "@/lib/sipas/indices";
import { computeIndices } from "@/lib/sipas/indices";
import { buildInput, makeQuestionnaire, type SimpleForm } from "./helpers";

const q = makeQuestionnaire([2, 3, 1]);
const S = 6;

/** Random surveys: 1–4 units of 1–3 strata, 0–14 forms per stratum, any answer code. */
const survey = fc
  .array(fc.array(fc.record({ forms: fc.array(fc.array(fc.integer({ min: 0, max: 7 }), { minLength: S, maxLength: S }), { maxLength: 14 }), extra: fc.integer({ min: 0, max: 40 }) }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 })
  .map((units) => {
    const unitRows = units.map((_, u) => ({ code: `U${u}`, name: `Đơn vị ${u}`, level: u % 2 ? "Xã" : "Tỉnh", block: `K${u % 3}` }));
    const strata = units.flatMap((ss, u) => ss.map((s, k) => ({ code: `U${u}/${k}`, unitCode: `U${u}`, population: s.forms.length + s.extra + 1 })));
    const forms: SimpleForm[] = units.flatMap((ss, u) => ss.flatMap((s, k) => s.forms.map((answers) => ({ stratum: `U${u}/${k}`, answers }))));
    return buildInput(q, unitRows, strata, forms);
  });

function shuffle(input: IndexInput, seed: number): IndexInput {
  const n = input.forms.count;
  const order = Array.from({ length: n }, (_, i) => i);
  let s = seed >>> 0;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const sat = new Uint8Array(n * S);
  order.forEach((from, to) => sat.set(input.forms.satisfaction.subarray(from * S, from * S + S), to * S));
  return {
    ...input,
    forms: { ...input.forms, codes: order.map((i) => input.forms.codes[i] ?? ""), stratum: Uint32Array.from(order.map((i) => input.forms.stratum[i] ?? 0)), satisfaction: sat },
  };
}

function everyEstimate(r: IndexResult): (ShareEstimate | CompositeEstimate)[] {
  const domains = [r.provinceWeighted, ...r.units, ...r.groups.map((g) => g.weighted)];
  return domains.flatMap((d) => [...d.criteria, ...d.elements, ...d.aspects, d.sipas]);
}

function closeResults(a: IndexResult, b: IndexResult): void {
  const ea = everyEstimate(a);
  const eb = everyEstimate(b);
  expect(ea.length).toBe(eb.length);
  ea.forEach((x, i) => {
    const y = eb[i] as ShareEstimate | CompositeEstimate;
    expect(y.index).toBe(x.index);
    expect(y.df).toBe(x.df);
    if (x.se === null) expect(y.se).toBeNull();
    else expect(Math.abs((y.se ?? Number.NaN) - x.se)).toBeLessThan(1e-9);
  });
}

describe("index engine properties", () => {
  it("every index, SE and interval is a number in range, never NaN", () => {
    fc.assert(
      fc.property(survey, fc.constantFrom("mean" as const, "pooled" as const), (input, method) => {
        const r = computeIndices(input, { method, minValid: 5 });
        expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
        for (const e of everyEstimate(r)) {
          if (e.index === null) {
            expect(e.se).toBeNull();
            expect(e.ci).toBeNull();
            continue;
          }
          expect(e.index).toBeGreaterThanOrEqual(0);
          expect(e.index).toBeLessThanOrEqual(100 + 1e-9);
          expect(e.se).toBeGreaterThanOrEqual(0);
          if (e.ci) {
            expect(e.ci.low).toBeGreaterThanOrEqual(0);
            expect(e.ci.high).toBeLessThanOrEqual(100);
            expect(e.ci.low).toBeLessThanOrEqual(e.index + 1e-9);
            expect(e.ci.high).toBeGreaterThanOrEqual(e.index - 1e-9);
          } else {
            // No interval: df < 1, or a share of exactly 0 or 100 (logit undefined).
            expect(e.df < 1 || e.index === 0 || e.index === 100 || e.index > 99.9999999 || e.index < 1e-7).toBe(true);
          }
        }
        for (const g of r.groups) if (g.units === 0) expect([g.index, g.se, g.df, g.ci]).toEqual([null, null, null, null]);
      }),
      { numRuns: 150 },
    );
  });

  it("reordering forms changes nothing (SEs up to rounding)", () => {
    fc.assert(
      fc.property(survey, fc.integer(), (input, seed) => {
        closeResults(computeIndices(input, { minValid: 3 }), computeIndices(shuffle(input, seed), { minValid: 3 }));
      }),
      { numRuns: 100 },
    );
  });

  it("a unit's figures do not depend on other units' forms", () => {
    fc.assert(
      fc.property(survey, (input) => {
        const first = input.units[0]?.code ?? "";
        const ours = new Set(input.strata.flatMap((s, h) => (s.unitCode === first ? [h] : [])));
        const keep = Array.from({ length: input.forms.count }, (_, i) => i).filter((i) => ours.has(input.forms.stratum[i] ?? 0));
        const only: IndexInput = {
          ...input,
          forms: {
            ...input.forms,
            count: keep.length,
            codes: keep.map((i) => input.forms.codes[i] ?? ""),
            stratum: Uint32Array.from(keep.map((i) => input.forms.stratum[i] ?? 0)),
            satisfaction: Uint8Array.from(keep.flatMap((i) => Array.from(input.forms.satisfaction.subarray(i * S, i * S + S)))),
            choices: [],
            texts: [],
          },
        };
        const a = computeIndices(input).units[0];
        const b = computeIndices(only).units[0];
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  /**
   * Doubling every stratum's population and forms (each form twice) keeps the
   * weights N_h/m_h and every ratio, so all point estimates are unchanged. SEs
   * are not invariant: each form's score halves (X̂ doubles), the centred sum
   * of squares halves, and m/(m − 1) becomes 2m/(2m − 1), so a stratum's
   * variance is multiplied by (m − 1)/(2m − 1) — not exactly 1/2 — and a
   * lonely stratum (m = 1) starts to contribute. Degrees of freedom change too.
   */
  it("doubling populations and forms leaves point estimates unchanged", () => {
    fc.assert(
      fc.property(survey, (input) => {
        const n = input.forms.count;
        const doubled: IndexInput = {
          ...input,
          strata: input.strata.map((s) => ({ ...s, population: 2 * s.population })),
          forms: {
            ...input.forms,
            count: 2 * n,
            codes: [...input.forms.codes, ...input.forms.codes.map((c) => `${c}b`)],
            stratum: Uint32Array.from([...input.forms.stratum, ...input.forms.stratum]),
            satisfaction: Uint8Array.from([...input.forms.satisfaction, ...input.forms.satisfaction]),
            choices: [],
            texts: [],
          },
        };
        const a = computeIndices(input, { minValid: 1 });
        const b = computeIndices(doubled, { minValid: 1 });
        everyEstimate(a).forEach((x, i) => {
          const y = everyEstimate(b)[i];
          if (x.index === null) expect(y?.index).toBeNull();
          else expect(y?.index).toBeCloseTo(x.index, 10);
        });
        // The exact SE relation, for units sampled in a single stratum with m ≥ 2.
        a.units.forEach((u, k) => {
          const v = b.units[k];
          if (!v || u.strata !== 1 || u.forms < 2 || u.sipas.se === null) return;
          const m = u.forms;
          expect(v.sipas.se ?? 0).toBeCloseTo(u.sipas.se * Math.sqrt((m - 1) / (2 * m - 1)), 9);
          expect(v.df).toBe(2 * m - 1);
        });
      }),
      { numRuns: 100 },
    );
  });
});
