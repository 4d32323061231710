import type { DomainEstimates } from "@/lib/sipas/domains";
import type { CompositeEstimate, ShareEstimate } from "@/lib/sipas/estimate";
import type { GroupIndex, IndexResult, UnitIndices } from "@/lib/sipas/indices";

/**
 * The published JSON shape of an index computation (snake_case, percent,
 * full precision, null where there is no number or no interval; see
 * docs/open-data.md). Pure.
 */
type Num = number | null;

function ci(low: Num, high: Num) {
  return { ci_low: low, ci_high: high };
}

function compositeJson(c: CompositeEstimate) {
  return { code: c.code, index: c.index, se: c.se, ...ci(c.ci?.low ?? null, c.ci?.high ?? null), parts_used: c.parts };
}

function shareJson(s: ShareEstimate) {
  return {
    code: s.code,
    n_valid: s.n,
    n_hits: s.hits,
    strata: s.strata,
    df: s.df,
    index: s.index,
    se: s.se,
    ...ci(s.ci?.low ?? null, s.ci?.high ?? null),
  };
}

function domainJson(d: DomainEstimates) {
  const { code: _code, ...sipas } = compositeJson(d.sipas);
  return {
    forms: d.forms,
    strata: d.strata,
    df: d.df,
    lonely_strata: d.lonelyStrata,
    sipas,
    aspects: d.aspects.map(compositeJson),
    elements: d.elements.map(compositeJson),
    criteria: d.criteria.map(shareJson),
    choices: Object.fromEntries(d.choices.map((c) => [c.code, { kind: c.itemKind, options: c.options.map(shareJson) }])),
  };
}

function unitJson(u: UnitIndices) {
  return {
    name: u.name,
    level: u.level,
    block: u.block,
    excluded_forms: u.excludedForms,
    eligible: u.eligible,
    rank: u.rank,
    ...domainJson(u),
  };
}

function groupJson(g: GroupIndex) {
  return {
    kind: g.kind,
    name: g.name,
    units: g.units,
    units_total: g.unitsTotal,
    df: g.df,
    index: g.index,
    se: g.se,
    ...ci(g.ci?.low ?? null, g.ci?.high ?? null),
    weighted: domainJson(g.weighted),
  };
}

export function indicesJson(r: IndexResult) {
  return {
    method: r.method,
    min_valid: r.minValid,
    totals: { forms: r.totals.forms, valid_forms: r.totals.valid, excluded_forms: r.totals.excluded },
    units: Object.fromEntries(r.units.map((u) => [u.code, unitJson(u)])),
    province_weighted: domainJson(r.provinceWeighted),
    groups: Object.fromEntries(r.groups.map((g) => [g.key, groupJson(g)])),
    ranking: r.ranking.map((e) => ({
      unit_code: e.code,
      rank: e.rank,
      index: e.index,
      tied_with_next: e.tiedWithNext,
      significantly_above_next: e.significantlyAboveNext,
      difference_to_next: e.vsNext?.difference ?? null,
      p_value_to_next: e.vsNext?.pValue ?? null,
    })),
    empty_strata: r.emptyStrata,
    lonely_strata: r.lonelyStrata,
  };
}
