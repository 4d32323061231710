import type { DbOrTx } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { samplingText as t } from "@/lib/i18n/sampling";
import { resolveRule } from "@/lib/plans/rules";
import type { TPlanSettings } from "@/lib/plans/schemas";
import type { StratumInfo } from "@/lib/sampling/draw";
import type { AllocationRule } from "@/lib/sampling/types";

export type PlanUnitInfo = {
  id: number;
  code: string;
  name: string;
  levelCode: string;
  levelName: string;
  levelOrder: number;
  blockCode: string;
  blockName: string;
  blockOrder: number;
};

/** The plan's units with their level and block (for rules and the totals per level/block). */
export async function loadPlanUnits(client: DbOrTx, planId: number): Promise<Map<string, PlanUnitInfo>> {
  const rows = await client.planUnit.findMany({
    where: { planId },
    select: {
      unit: {
        select: {
          id: true, code: true, name: true,
          level: { select: { code: true, name: true, sortOrder: true } },
          block: { select: { code: true, name: true, sortOrder: true } },
        },
      },
    },
  });
  return new Map(
    rows.map(({ unit: u }) => [
      u.code,
      {
        id: u.id, code: u.code, name: u.name,
        levelCode: u.level.code, levelName: u.level.name, levelOrder: u.level.sortOrder,
        blockCode: u.block.code, blockName: u.block.name, blockOrder: u.block.sortOrder,
      },
    ]),
  );
}

/** Refuses a frame holding units the plan no longer includes (its scope changed after the import). */
export function assertUnitsInPlan(unitCodes: Iterable<string>, units: ReadonlyMap<string, PlanUnitInfo>): void {
  const outside = [...new Set(unitCodes)].filter((c) => !units.has(c)).sort();
  if (outside.length > 0) throw invalid(t.unitOutsidePlan(outside.slice(0, 20).join(", ") + (outside.length > 20 ? "…" : "")));
}

/** The plan's size rule for each stratum (override → block → level → default, lib/plans/rules.ts). */
export function planRuleFor(settings: TPlanSettings, units: ReadonlyMap<string, PlanUnitInfo>): (s: StratumInfo) => AllocationRule {
  return (s) => {
    const unit = units.get(s.unitCode);
    const resolved = unit ? resolveRule(settings, unit) : null;
    if (!resolved) throw invalid(t.noRule(s.unitCode));
    return resolved.rule;
  };
}
