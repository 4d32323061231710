import type { DbOrTx } from "@/lib/db";
import { isoDay } from "@/lib/units/days";
import { ZPlanSettings, type TPlanSettings } from "./schemas";
import { settingsProblems, unitScopeProblems, type Problem, type ScopeUnit } from "./validate";

const SCOPE_UNIT_SELECT = {
  id: true, code: true, validFrom: true, validTo: true, providesPublicServices: true,
  level: { select: { code: true } }, block: { select: { code: true } },
} as const;

/** Units by id with what the scope checks read. */
export async function loadScopeUnits(client: DbOrTx, unitIds: readonly number[]): Promise<ScopeUnit[]> {
  const rows = await client.unit.findMany({ where: { id: { in: [...unitIds] } }, select: SCOPE_UNIT_SELECT, orderBy: { code: "asc" } });
  return rows.map((u) => ({
    id: u.id,
    code: u.code,
    levelCode: u.level.code,
    blockCode: u.block.code,
    validFrom: isoDay(u.validFrom),
    validTo: u.validTo ? isoDay(u.validTo) : null,
    providesPublicServices: u.providesPublicServices,
  }));
}

export async function loadRegistryCodes(client: DbOrTx): Promise<{ levelCodes: Set<string>; blockCodes: Set<string> }> {
  const levels = await client.adminLevel.findMany({ select: { code: true } });
  const blocks = await client.block.findMany({ select: { code: true } });
  return { levelCodes: new Set(levels.map((l) => l.code)), blockCodes: new Set(blocks.map((b) => b.code)) };
}

/**
 * Every problem of a plan's scope: units not valid during the window or not serving the
 * public (e.g. after a restructuring), rules naming unknown levels or blocks, units no
 * rule covers, overrides for units outside the plan.
 */
export async function planScopeProblems(
  client: DbOrTx,
  plan: { windowStart: Date; windowEnd: Date; settings: unknown; unitIds: readonly number[] },
): Promise<Problem[]> {
  const units = await loadScopeUnits(client, plan.unitIds);
  const codes = await loadRegistryCodes(client);
  const parsed = ZPlanSettings.safeParse(plan.settings);
  const problems = unitScopeProblems(units, isoDay(plan.windowStart), isoDay(plan.windowEnd));
  if (!parsed.success) return [...problems, { path: "settings", message: parsed.error.issues.map((i) => i.message).join(" ") }];
  return [...problems, ...settingsProblems(parsed.data as TPlanSettings, { ...codes, units })];
}
