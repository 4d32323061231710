import type { ElementMethod } from "./engine-input";
import type { StratumCounts } from "./counts";
import type { QuestionnaireLayout } from "./layout";

/**
 * Point estimates of the composites of every domain of one partition, and
 * the coefficients of their linearised scores (used by composite.ts).
 *
 * Slots per domain: elements 0…E−1, aspects E…E+A−1, SIPAS last. For domain d
 * and satisfaction item s, table[(d·S + s)·3 + p] is the item's contribution
 * to its element's score z for an answer of pattern p (0 invalid, 1 valid not
 * satisfied, 2 satisfied): mean method a_c·(p==2 − R̂_c·[p>0])/X̂_c with
 * a_c = 1/(criteria with an index); pooled (p==2 − R̂_E·[p>0])/X̂_E.
 * toAspect / toSipas give each element score's coefficient in its aspect's
 * score and in the SIPAS score.
 */
export interface CompositeTables {
  D: number;
  /** D × slots, ratio scale (0–1); NaN where there is no index. */
  index: Float64Array;
  /** D × slots: criteria (elements) or elements/aspects (aspects, SIPAS) that had an index. */
  parts: Int32Array;
  table: Float64Array;
  toAspect: Float64Array;
  toSipas: Float64Array;
}

export function compositeTables(
  layout: QuestionnaireLayout,
  counts: StratumCounts,
  partition: Int32Array,
  D: number,
  method: ElementMethod,
): CompositeTables {
  const S = layout.satisfactionCodes.length;
  const E = layout.elementCodes.length;
  const A = layout.aspectCodes.length;
  const K = E + A + 1;
  const { weight, valid } = counts;

  // Weighted totals per domain and criterion.
  const X = new Float64Array(D * S);
  const Y = new Float64Array(D * S);
  for (let h = 0; h < partition.length; h++) {
    const d = partition[h] ?? -1;
    if (d < 0 || (valid[h] ?? 0) === 0) continue;
    const w = weight[h] ?? 0;
    for (let s = 0; s < S; s++) {
      X[d * S + s] = (X[d * S + s] ?? 0) + w * (counts.answered[h * S + s] ?? 0);
      Y[d * S + s] = (Y[d * S + s] ?? 0) + w * (counts.satisfied[h * S + s] ?? 0);
    }
  }

  const index = new Float64Array(D * K).fill(Number.NaN);
  const parts = new Int32Array(D * K);
  const table = new Float64Array(D * S * 3);
  const toAspect = new Float64Array(D * E);
  const toSipas = new Float64Array(D * E);
  const has = (j: number) => !Number.isNaN(index[j] ?? Number.NaN);

  for (let d = 0; d < D; d++) {
    for (let e = 0; e < E; e++) {
      const items = layout.itemsOfElement[e] ?? [];
      let used = 0;
      let sumR = 0;
      let sumX = 0;
      let sumY = 0;
      for (const s of items) {
        const x = X[d * S + s] ?? 0;
        if (x === 0) continue;
        used++;
        sumR += (Y[d * S + s] ?? 0) / x;
        sumX += x;
        sumY += Y[d * S + s] ?? 0;
      }
      parts[d * K + e] = used;
      if (used === 0) continue;
      const pooledR = sumY / sumX;
      index[d * K + e] = method === "pooled" ? pooledR : sumR / used;
      for (const s of items) {
        const x = X[d * S + s] ?? 0;
        if (x === 0) continue;
        const o = (d * S + s) * 3;
        if (method === "pooled") {
          table[o + 1] = -pooledR / sumX;
          table[o + 2] = (1 - pooledR) / sumX;
        } else {
          const r = (Y[d * S + s] ?? 0) / x;
          table[o + 1] = -r / x / used;
          table[o + 2] = (1 - r) / x / used;
        }
      }
    }
    // Aspects (if any): mean of their elements that have an index.
    let usedTop = 0;
    let sumTop = 0;
    for (let a = 0; a < A; a++) {
      const els = (layout.elementsOfAspect[a] ?? []).filter((e) => has(d * K + e));
      parts[d * K + E + a] = els.length;
      if (els.length === 0) continue;
      let sum = 0;
      for (const e of els) {
        sum += index[d * K + e] ?? 0;
        toAspect[d * E + e] = 1 / els.length;
      }
      index[d * K + E + a] = sum / els.length;
      usedTop++;
      sumTop += sum / els.length;
    }
    if (A === 0) {
      for (let e = 0; e < E; e++) {
        if (!has(d * K + e)) continue;
        usedTop++;
        sumTop += index[d * K + e] ?? 0;
      }
    }
    parts[d * K + K - 1] = usedTop;
    if (usedTop === 0) continue;
    index[d * K + K - 1] = sumTop / usedTop;
    for (let e = 0; e < E; e++) {
      if (!has(d * K + e)) continue;
      const a = layout.aspectOfElement[e] ?? -1;
      if (A === 0) toSipas[d * E + e] = 1 / usedTop;
      else if (a >= 0 && has(d * K + E + a)) toSipas[d * E + e] = (toAspect[d * E + e] ?? 0) / usedTop;
    }
  }
  return { D, index, parts, table, toAspect, toSipas };
}
