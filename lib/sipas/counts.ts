import type { IndexInput } from "./engine-input";
import { CHOICE_MULTIPLE, MULTI_MULTIPLE, MULTI_UNREADABLE } from "./engine-input";
import type { QuestionnaireLayout } from "./layout";

/**
 * Pass 1: per-stratum counts. Every domain the engine reports on (a unit, a
 * level, a block, the province) is a union of whole strata, and a share's
 * linearised variance depends on a stratum's forms only through how many
 * of them were valid and how many satisfied, so these counts are all that
 * shares need; composites need one more pass over the forms (composite.ts).
 *
 * A valid form is one with at least one valid answer (1–5) to any
 * satisfaction item (stand-alone items included). Other forms are counted
 * as excluded and take no part in anything: not in m_h, not in weights, not
 * in choice shares, not in degrees of freedom.
 */

/** 0: not a valid answer; 1: valid, not satisfied (1–3); 2: satisfied (4–5). */
export const PATTERN = new Uint8Array(256);
PATTERN[1] = PATTERN[2] = PATTERN[3] = 1;
PATTERN[4] = PATTERN[5] = 2;

export interface StratumCounts {
  /** m_h: valid forms per stratum. */
  valid: Int32Array;
  excluded: Int32Array;
  /** 1 for a valid form, per form. */
  validForm: Uint8Array;
  /** H × S: valid answers, and satisfied answers, per stratum and satisfaction item. */
  answered: Int32Array;
  satisfied: Int32Array;
  /** Per choice item, H × J: valid answers, and hits (chose / rated in the top two), per option. */
  choiceValid: Int32Array[];
  choiceHits: Int32Array[];
  /** w_h = N_h / m_h (0 when m_h = 0). */
  weight: Float64Array;
  /** (1 − m_h/N_h) · m_h/(m_h − 1); 0 for lonely (m_h = 1) and empty strata. */
  varianceFactor: Float64Array;
}

export function countStrata(input: IndexInput, layout: QuestionnaireLayout): StratumCounts {
  const { forms, strata } = input;
  const H = strata.length;
  const S = layout.satisfactionCodes.length;
  const n = forms.count;
  const sat = forms.satisfaction;
  const valid = new Int32Array(H);
  const excluded = new Int32Array(H);
  const validForm = new Uint8Array(n);
  const answered = new Int32Array(H * S);
  const satisfied = new Int32Array(H * S);

  // A histogram of answer codes per stratum and item: one branch-free increment per answer.
  const hist = new Int32Array(H * S * 8);
  for (let i = 0; i < n; i++) {
    const h = forms.stratum[i] ?? 0;
    const base = i * S;
    let any = 0;
    for (let s = 0; s < S; s++) any |= PATTERN[sat[base + s] ?? 0] ?? 0;
    if (any === 0) {
      excluded[h] = (excluded[h] ?? 0) + 1;
      continue;
    }
    validForm[i] = 1;
    valid[h] = (valid[h] ?? 0) + 1;
    const o = h * S * 8;
    for (let s = 0; s < S; s++) {
      const k = o + s * 8 + (sat[base + s] ?? 0);
      hist[k] = (hist[k] ?? 0) + 1;
    }
  }
  for (let hs = 0; hs < H * S; hs++) {
    const o = hs * 8;
    const sat45 = (hist[o + 4] ?? 0) + (hist[o + 5] ?? 0);
    satisfied[hs] = sat45;
    answered[hs] = sat45 + (hist[o + 1] ?? 0) + (hist[o + 2] ?? 0) + (hist[o + 3] ?? 0);
  }

  const choiceValid: Int32Array[] = [];
  const choiceHits: Int32Array[] = [];
  layout.choices.forEach((c, j) => {
    const J = c.optionCodes.length;
    const vArr = new Int32Array(H * J);
    const hArr = new Int32Array(H * J);
    const col = forms.choices[j] ?? new Uint8Array(0);
    // single / multi: one valid count per stratum, spread over the options afterwards.
    const itemValid = new Int32Array(H);
    for (let i = 0; i < n; i++) {
      if (validForm[i] === 0) continue;
      const h = forms.stratum[i] ?? 0;
      const o = h * J;
      if (c.kind === "rate3") {
        for (let k = 0; k < J; k++) {
          const v = col[i * J + k] ?? 0;
          if (v >= 1 && v <= 3) {
            vArr[o + k] = (vArr[o + k] ?? 0) + 1;
            // Top two of the three levels.
            if (v >= 2) hArr[o + k] = (hArr[o + k] ?? 0) + 1;
          }
        }
        continue;
      }
      const v = col[i] ?? 0;
      if (c.kind === "single") {
        if (v === 0 || v >= CHOICE_MULTIPLE) continue;
        itemValid[h] = (itemValid[h] ?? 0) + 1;
        hArr[o + v - 1] = (hArr[o + v - 1] ?? 0) + 1;
        continue;
      }
      if (v === 0 || v === MULTI_MULTIPLE || v === MULTI_UNREADABLE) continue;
      itemValid[h] = (itemValid[h] ?? 0) + 1;
      for (let mask = v >>> 0, k = 0; mask !== 0; mask >>>= 1, k++) {
        if (mask & 1) hArr[o + k] = (hArr[o + k] ?? 0) + 1;
      }
    }
    if (c.kind !== "rate3") {
      for (let h = 0; h < H; h++) vArr.fill(itemValid[h] ?? 0, h * J, (h + 1) * J);
    }
    choiceValid.push(vArr);
    choiceHits.push(hArr);
  });

  const weight = new Float64Array(H);
  const varianceFactor = new Float64Array(H);
  strata.forEach((st, h) => {
    const m = valid[h] ?? 0;
    if (m === 0) return;
    weight[h] = st.population / m;
    // R's survey package, lonely.psu = "certainty": a stratum with one PSU adds nothing.
    if (m > 1) varianceFactor[h] = ((1 - m / st.population) * m) / (m - 1);
  });
  return { valid, excluded, validForm, answered, satisfied, choiceValid, choiceHits, weight, varianceFactor };
}
