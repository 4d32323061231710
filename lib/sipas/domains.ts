import type { CompositeOutput } from "./composite";
import type { StratumCounts } from "./counts";
import type { StratumInfo } from "./engine-input";
import type { CompositeEstimate, ShareEstimate } from "./estimate";
import { clippedInterval, shareFromCounts } from "./estimate";
import type { QuestionnaireLayout } from "./layout";

/** Shares of each option of an assessment, expectation or respondent item. */
export interface ChoiceShares {
  code: string;
  itemKind: "assessment" | "expectation" | "respondent";
  options: ShareEstimate[];
}

/** Every estimate for one domain (a unit, a level, a block, the province). */
export interface DomainEstimates {
  /** Valid forms. */
  forms: number;
  /** Strata with at least one valid form. */
  strata: number;
  /** forms − strata: the df of element, aspect and SIPAS intervals. */
  df: number;
  /** Strata with a single valid form: they add no variance (lonely.psu = "certainty"). */
  lonelyStrata: string[];
  /** Every satisfaction item, stand-alone ones included, in questionnaire order. */
  criteria: ShareEstimate[];
  elements: CompositeEstimate[];
  aspects: CompositeEstimate[];
  sipas: CompositeEstimate;
  choices: ChoiceShares[];
}

function composite(code: string, out: CompositeOutput, j: number, n: number, df: number): CompositeEstimate {
  const r = out.index[j] ?? Number.NaN;
  const parts = out.parts[j] ?? 0;
  if (Number.isNaN(r)) return { code, parts, n, df, index: null, se: null, ci: null };
  const index = 100 * r;
  const se = 100 * Math.sqrt(out.variance[j] ?? 0);
  return { code, parts, n, df, index, se, ci: clippedInterval(index, se, df) };
}

/** Assembles DomainEstimates for domain d of a partition, given the strata it holds. */
export function domainEstimates(
  layout: QuestionnaireLayout,
  strata: StratumInfo[],
  counts: StratumCounts,
  strataOfDomain: number[],
  out: CompositeOutput,
  d: number,
): DomainEstimates {
  const { weight, varianceFactor, valid } = counts;
  let forms = 0;
  let used = 0;
  const lonelyStrata: string[] = [];
  for (const h of strataOfDomain) {
    const m = valid[h] ?? 0;
    if (m === 0) continue;
    forms += m;
    used++;
    if (m === 1) lonelyStrata.push(strata[h]?.code ?? "");
  }
  const df = forms - used;
  const S = layout.satisfactionCodes.length;
  const criteria = layout.satisfactionCodes.map((code, s) =>
    shareFromCounts(code, strataOfDomain, counts.satisfied, counts.answered, S, s, weight, varianceFactor, valid),
  );
  const choices = layout.choices.map((c, j): ChoiceShares => {
    const J = c.optionCodes.length;
    const hits = counts.choiceHits[j] ?? new Int32Array(0);
    const answers = counts.choiceValid[j] ?? new Int32Array(0);
    return {
      code: c.code,
      itemKind: c.itemKind,
      options: c.optionCodes.map((code, k) =>
        shareFromCounts(code, strataOfDomain, hits, answers, J, k, weight, varianceFactor, valid),
      ),
    };
  });
  const E = layout.elementCodes.length;
  const K = out.slots;
  const elements = layout.elementCodes.map((code, e) => composite(code, out, d * K + e, forms, df));
  const aspects = layout.aspectCodes.map((code, a) => composite(code, out, d * K + E + a, forms, df));
  const sipas = composite("SIPAS", out, d * K + K - 1, forms, df);
  return { forms, strata: used, df, lonelyStrata, criteria, elements, aspects, sipas, choices };
}
