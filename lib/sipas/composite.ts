import type { ElementMethod, FormTable } from "./engine-input";
import type { StratumCounts } from "./counts";
import { PATTERN } from "./counts";
import type { CompositeTables } from "./composite-tables";
import { compositeTables } from "./composite-tables";
import type { QuestionnaireLayout } from "./layout";

/**
 * Element, aspect and SIPAS indices of every domain of several partitions
 * (units, the province, levels, blocks: each stratum in at most one domain of
 * a partition), with their linearised variances.
 *
 * Each composite is Σ a_c R̂_c (pooled elements: one ratio of sums), so its
 * score is z_i = Σ a_c (y_ic − R̂_c x_ic)/X̂_c, and
 * V = Σ_h (1 − m_h/N_h)·m_h/(m_h − 1)·Σ_{i∈h}(w_i z_i − mean_h)². Forms outside
 * a domain score 0 and strata outside it add 0, so only its own strata are
 * summed. One pass over the forms serves every partition: an answer's
 * contribution is one table lookup (composite-tables.ts).
 */
export interface Partition {
  /** Domain of each stratum, or −1. */
  of: Int32Array;
  D: number;
}

export interface CompositeOutput extends CompositeTables {
  slots: number;
  /** D × slots, on the ratio scale. */
  variance: Float64Array;
}

export function computeComposites(
  layout: QuestionnaireLayout,
  forms: FormTable,
  counts: StratumCounts,
  partitions: Partition[],
  method: ElementMethod,
): CompositeOutput[] {
  const S = layout.satisfactionCodes.length;
  const E = layout.elementCodes.length;
  const K = E + layout.aspectCodes.length + 1;
  const H = counts.valid.length;
  const P = partitions.length;
  const tables = partitions.map((p) => compositeTables(layout, counts, p.of, p.D, method));

  // Stack the partitions: global domain g = base[p] + d; domainOf[p·H + h] = g or −1.
  const base = new Int32Array(P);
  let G = 0;
  partitions.forEach((p, k) => {
    base[k] = G;
    G += p.D;
  });
  const domainOf = new Int32Array(P * H);
  partitions.forEach((p, k) => {
    for (let h = 0; h < H; h++) {
      const d = p.of[h] ?? -1;
      domainOf[k * H + h] = d < 0 ? -1 : (base[k] ?? 0) + d;
    }
  });
  const table = new Float64Array(G * S * 3);
  const toAspect = new Float64Array(G * E);
  const toSipas = new Float64Array(G * E);
  tables.forEach((t, k) => {
    table.set(t.table, (base[k] ?? 0) * S * 3);
    toAspect.set(t.toAspect, (base[k] ?? 0) * E);
    toSipas.set(t.toSipas, (base[k] ?? 0) * E);
  });

  const { sum, sq } = accumulate(layout, forms, counts, P, domainOf, table, toAspect, toSipas);

  return tables.map((t, k) => {
    const variance = new Float64Array(t.D * K);
    for (let h = 0; h < H; h++) {
      const g = domainOf[k * H + h] ?? -1;
      const f = counts.varianceFactor[h] ?? 0;
      if (g < 0 || f === 0) continue;
      const d = g - (base[k] ?? 0);
      const m = counts.valid[h] ?? 1;
      const o = (k * H + h) * K;
      for (let j = 0; j < K; j++) {
        const s1 = sum[o + j] ?? 0;
        variance[d * K + j] = (variance[d * K + j] ?? 0) + f * ((sq[o + j] ?? 0) - (s1 * s1) / m);
      }
    }
    for (let j = 0; j < variance.length; j++) variance[j] = Math.max(0, variance[j] ?? 0);
    return { ...t, slots: K, variance };
  });
}

/**
 * The pass over forms: per partition, stratum and slot, Σ w·z and Σ (w·z)².
 * Every array sits in a local so that V8 optimises the loop as a whole (an
 * imported binding read inside the loop would cost a getter call per answer).
 */
function accumulate(
  layout: QuestionnaireLayout,
  forms: FormTable,
  counts: StratumCounts,
  P: number,
  domainOf: Int32Array,
  table: Float64Array,
  toAspect: Float64Array,
  toSipas: Float64Array,
): { sum: Float64Array; sq: Float64Array } {
  const S = layout.satisfactionCodes.length;
  const E = layout.elementCodes.length;
  const A = layout.aspectCodes.length;
  const K = E + A + 1;
  const H = counts.valid.length;
  const sum = new Float64Array(P * H * K);
  const sq = new Float64Array(P * H * K);
  const zE = new Float64Array(E);
  const zA = new Float64Array(A);
  const pattern = PATTERN;
  const sat = forms.satisfaction;
  const strata = forms.stratum;
  const validForm = counts.validForm;
  const weight = counts.weight;
  const aspectOf = layout.aspectOfElement;
  // Criteria grouped by element: flat[bounds[e]…bounds[e+1]) are element e's items.
  const flat = Int32Array.from(layout.itemsOfElement.flat());
  const bounds = new Int32Array(E + 1);
  for (let e = 0; e < E; e++) bounds[e + 1] = (bounds[e] ?? 0) + (layout.itemsOfElement[e]?.length ?? 0);
  // Per form: each criterion's offset s·3 + pattern, decoded once for all partitions.
  const off = new Int32Array(flat.length);

  for (let i = 0; i < forms.count; i++) {
    if (validForm[i] === 0) continue;
    const h = strata[i] ?? 0;
    const base = i * S;
    for (let k = 0; k < flat.length; k++) {
      const s = flat[k] ?? 0;
      off[k] = s * 3 + (pattern[sat[base + s] ?? 0] ?? 0);
    }
    const w = weight[h] ?? 0;
    for (let p = 0; p < P; p++) {
      const g = domainOf[p * H + h] ?? -1;
      if (g < 0) continue;
      const tb = g * S * 3;
      for (let e = 0, k = 0; e < E; e++) {
        let z = 0;
        for (const end = bounds[e + 1] ?? 0; k < end; k++) z += table[tb + (off[k] ?? 0)] ?? 0;
        zE[e] = z;
      }
      const o = (p * H + h) * K;
      const c = g * E;
      let zS = 0;
      for (let a = 0; a < A; a++) zA[a] = 0;
      for (let e = 0; e < E; e++) {
        const z = zE[e] ?? 0;
        const v = w * z;
        sum[o + e] = (sum[o + e] ?? 0) + v;
        sq[o + e] = (sq[o + e] ?? 0) + v * v;
        zS += (toSipas[c + e] ?? 0) * z;
        if (A > 0) {
          const a = aspectOf[e] ?? 0;
          zA[a] = (zA[a] ?? 0) + (toAspect[c + e] ?? 0) * z;
        }
      }
      for (let a = 0; a < A; a++) {
        const v = w * (zA[a] ?? 0);
        sum[o + E + a] = (sum[o + E + a] ?? 0) + v;
        sq[o + E + a] = (sq[o + E + a] ?? 0) + v * v;
      }
      const v = w * zS;
      sum[o + K - 1] = (sum[o + K - 1] ?? 0) + v;
      sq[o + K - 1] = (sq[o + K - 1] ?? 0) + v * v;
    }
  }
  return { sum, sq };
}
