import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session";
import { ruleLabel, samplingText as t } from "@/lib/i18n/sampling";
import { assertPlanAllows } from "@/lib/plans/lifecycle";
import { ZPlanSettings } from "@/lib/plans/schemas";
import { planScope } from "@/lib/plans/service";
import { allocate, type ProportionalGroup } from "@/lib/sampling/allocation";
import { dedupStratum } from "@/lib/sampling/dedup";
import { SamplingInputError } from "@/lib/sampling/messages";
import { groupByStratum } from "@/lib/sampling/strata";
import { loadFrame } from "./load-frame";
import { assertUnitsInPlan, loadPlanUnits, planRuleFor, type PlanUnitInfo } from "./plan-units";

export type AllocationRow = {
  code: string;
  unitCode: string;
  unitName: string;
  fieldCode: string | null;
  levelName: string;
  blockName: string;
  rawCount: number;
  N: number;
  n: number;
  r: number;
  rule: string;
  census: boolean;
  raisedToMinimum: boolean;
};

export type GroupTotal = { name: string; strata: number; rawCount: number; N: number; n: number; r: number };

export type AllocationView = {
  strataMode: "unit" | "unit-field";
  reserveShare: string;
  rows: AllocationRow[];
  byLevel: GroupTotal[];
  byBlock: GroupTotal[];
  totals: { rawCount: number; N: number; n: number; r: number };
  notes: string[];
};

/** Totals per level and per block, in the registry's order. */
export function groupTotals(rows: readonly AllocationRow[], units: ReadonlyMap<string, PlanUnitInfo>, by: "level" | "block"): GroupTotal[] {
  const acc = new Map<string, GroupTotal & { order: number }>();
  for (const row of rows) {
    const u = units.get(row.unitCode);
    const name = u ? (by === "level" ? u.levelName : u.blockName) : row.unitCode;
    const order = u ? (by === "level" ? u.levelOrder : u.blockOrder) : 0;
    const g = acc.get(name) ?? { name, order, strata: 0, rawCount: 0, N: 0, n: 0, r: 0 };
    g.strata++;
    g.rawCount += row.rawCount;
    g.N += row.N;
    g.n += row.n;
    g.r += row.r;
    acc.set(name, g);
  }
  return [...acc.values()].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, "vi")).map(({ order: _o, ...g }) => g);
}

export function groupNotes(groups: readonly ProportionalGroup[]): string[] {
  const notes: string[] = [];
  for (const g of groups) {
    if (g.exceedsTotalBy > 0) notes.push(t.exceeds(g.min, g.allocated, g.total, g.exceedsTotalBy));
    if (g.allocatedBeforeMinimum < g.total) notes.push(t.totalAbovePopulation(g.total, g.population));
  }
  return notes;
}

/**
 * The allocation the draw would use now (§5): strata, deduplicated N_h, n_h, reserve,
 * rule, census flags, totals per level and block. Reads the frame without personal data;
 * changes nothing.
 */
export async function previewAllocation(user: SessionUser, planId: number): Promise<AllocationView> {
  const plan = await db().plan.findFirst({ where: { AND: [{ id: planId }, planScope(user)] }, select: { id: true, title: true, state: true, settings: true } });
  if (!plan) throw notFound(t.drawNotFound);
  assertPlanAllows(plan, "sampling.preview");
  const settings = ZPlanSettings.parse(plan.settings);
  const [units, records] = await Promise.all([loadPlanUnits(db(), plan.id), loadFrame(db(), plan.id, { personal: false })]);
  if (records.length === 0) throw invalid(t.noFrame);
  assertUnitsInPlan(records.map((r) => r.unitCode), units);
  try {
    const groups = groupByStratum(records, settings.strata);
    const ruleFor = planRuleFor(settings, units);
    const strata = groups.map((g) => ({ ...g, N: dedupStratum(g.code, g.records).kept.length }));
    const allocation = allocate(
      strata.map((s) => ({ code: s.code, N: s.N, rule: ruleFor({ code: s.code, unitCode: s.unitCode, fieldCode: s.fieldCode, N: s.N, rawCount: s.records.length }) })),
      settings.reserveShare,
    );
    const byCode = new Map(strata.map((s) => [s.code, s]));
    const rows: AllocationRow[] = allocation.strata.map((a) => {
      const s = byCode.get(a.code)!;
      const u = units.get(s.unitCode);
      return {
        code: a.code, unitCode: s.unitCode, unitName: u?.name ?? s.unitCode, fieldCode: s.fieldCode,
        levelName: u?.levelName ?? "", blockName: u?.blockName ?? "", rawCount: s.records.length,
        N: a.N, n: a.n, r: a.r, rule: ruleLabel(a.rule), census: a.census, raisedToMinimum: a.raisedToMinimum,
      };
    });
    return {
      strataMode: settings.strata,
      reserveShare: settings.reserveShare,
      rows,
      byLevel: groupTotals(rows, units, "level"),
      byBlock: groupTotals(rows, units, "block"),
      totals: { rawCount: records.length, ...allocation.totals },
      notes: groupNotes(allocation.groups),
    };
  } catch (err) {
    if (err instanceof SamplingInputError) throw invalid(err.message);
    throw err;
  }
}
