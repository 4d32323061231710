/**
 * Checks of a plan against the registry, pure: are its units valid during the window and
 * providing public services, do its size rules name existing levels and blocks, does
 * every unit get a rule, do overrides name units in scope. Returns problems keyed by the
 * form field they belong to, in Vietnamese.
 */
import { plansText } from "@/lib/i18n/plans";
import { resolveRule, scopeKey, type UnitForRule } from "./rules";
import type { TPlanSettings } from "./schemas";

const V = plansText.validation;

export type ScopeUnit = UnitForRule & { id: number; validFrom: string; validTo: string | null; providesPublicServices: boolean };
export type Problem = { path: string; message: string };

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A unit is offered to a plan when its validity overlaps the window and it serves the public. */
export function unitOffered(u: Pick<ScopeUnit, "validFrom" | "validTo" | "providesPublicServices">, windowStart: string, windowEnd: string): boolean {
  return u.providesPublicServices && u.validFrom <= windowEnd && (u.validTo === null || u.validTo >= windowStart);
}

export function unitScopeProblems(units: readonly ScopeUnit[], windowStart: string, windowEnd: string): Problem[] {
  const out: Problem[] = [];
  for (const u of units) {
    if (!u.providesPublicServices) out.push({ path: "unitIds", message: V.unitNotOffered(u.code, V.unitNoServices) });
    else if (!unitOffered(u, windowStart, windowEnd)) {
      out.push({ path: "unitIds", message: V.unitNotOffered(u.code, V.unitExpired(dmy(u.validFrom), u.validTo ? dmy(u.validTo) : "nay")) });
    }
  }
  return out;
}

const MAX_LISTED = 10;
const listCodes = (codes: string[]) => (codes.length > MAX_LISTED ? `${codes.slice(0, MAX_LISTED).join(", ")} và ${codes.length - MAX_LISTED} đơn vị khác` : codes.join(", "));

export function settingsProblems(
  settings: TPlanSettings,
  ctx: { levelCodes: ReadonlySet<string>; blockCodes: ReadonlySet<string>; units: readonly UnitForRule[] },
): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  settings.rules.forEach((r, i) => {
    const key = scopeKey(r.scope);
    if (seen.has(key)) out.push({ path: `settings.rules.${i}.scope`, message: V.duplicateScope });
    seen.add(key);
    if (r.scope.type === "level" && !ctx.levelCodes.has(r.scope.code)) out.push({ path: `settings.rules.${i}.scope`, message: V.unknownLevel(r.scope.code) });
    if (r.scope.type === "block" && !ctx.blockCodes.has(r.scope.code)) out.push({ path: `settings.rules.${i}.scope`, message: V.unknownBlock(r.scope.code) });
  });
  const inScope = new Set(ctx.units.map((u) => u.code));
  for (const code of Object.keys(settings.overrides)) {
    if (!inScope.has(code)) out.push({ path: "settings.overrides", message: V.overrideNotInScope(code) });
  }
  const uncovered = ctx.units.filter((u) => resolveRule(settings, u) === null).map((u) => u.code);
  if (uncovered.length) out.push({ path: "settings.rules", message: V.uncovered(listCodes(uncovered)) });
  return out;
}

/** Problems as zod-like field errors for the form. */
export function toFieldErrors(problems: readonly Problem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of problems) (out[p.path] ??= []).push(p.message);
  return out;
}
