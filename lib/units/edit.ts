import { db } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { conflict, invalid, notFound } from "@/lib/errors";
import { formatDateTime } from "@/lib/i18n/format";
import { unitsText } from "@/lib/i18n/units";
import { vi } from "@/lib/i18n/vi";
import { levelValidityProblem, lockRegistry, newUnitProblems, parentCycle, validityChangeProblems, type Problem } from "./checks";
import { dayDate, isoDay } from "./days";
import type { TCreateUnit, TUpdateUnit } from "./schemas";

/** Creating and editing one unit of the registry; audited, under the registry lock. */

function fail(problems: Problem[]): never {
  const fieldErrors: Record<string, string[]> = {};
  for (const p of problems) (fieldErrors[p.path] ??= []).push(p.message);
  throw invalid(vi.errors.invalid, fieldErrors);
}

/** The registry's view of a unit, as the audit trail keeps it (agency data, not personal data). */
export const unitAuditView = (u: {
  code: string; name: string; shortName: string | null; levelId: number; blockId: number; parentId: number | null;
  validFrom: Date | string; validTo: Date | string | null; providesPublicServices: boolean; address: string | null; note: string | null;
}) => ({
  code: u.code, name: u.name, shortName: u.shortName, levelId: u.levelId, blockId: u.blockId, parentId: u.parentId,
  validFrom: typeof u.validFrom === "string" ? u.validFrom : isoDay(u.validFrom),
  validTo: u.validTo === null ? null : typeof u.validTo === "string" ? u.validTo : isoDay(u.validTo),
  providesPublicServices: u.providesPublicServices, address: u.address, note: u.note,
});

export async function createUnit(input: TCreateUnit, actor: Actor): Promise<{ id: number; code: string }> {
  return db().$transaction(async (tx) => {
    await lockRegistry(tx);
    const problems = await newUnitProblems(tx, input, input.validFrom, input.validTo);
    if (problems.length) fail(problems);
    const data = {
      code: input.code, name: input.name, shortName: input.shortName, levelId: input.levelId, blockId: input.blockId, parentId: input.parentId,
      validFrom: dayDate(input.validFrom), validTo: input.validTo ? dayDate(input.validTo) : null,
      providesPublicServices: !input.noPublicServices, address: input.address, note: input.note,
    };
    const unit = await tx.unit.create({ data, select: { id: true, code: true } });
    await recordAudit(tx, { actor, action: "unit.create", entity: "Unit", entityId: unit.id, after: unitAuditView(data) });
    return unit;
  });
}

export async function updateUnit(input: TUpdateUnit, actor: Actor): Promise<void> {
  await db().$transaction(async (tx) => {
    await lockRegistry(tx);
    const before = await tx.unit.findUnique({ where: { id: input.id } });
    if (!before) throw notFound(unitsText.e.unknownUnit);
    if (before.updatedAt.toISOString() !== input.expectedUpdatedAt) throw conflict(unitsText.e.stale(formatDateTime(before.updatedAt)));
    const problems: Problem[] = [];
    const level = await tx.adminLevel.findUnique({ where: { id: input.levelId } });
    if (!level) problems.push({ path: "levelId", message: unitsText.e.unknownLevel });
    else {
      const p = levelValidityProblem(level, input.validFrom, input.validTo);
      if (p) problems.push({ path: "validTo", message: p });
    }
    if (!(await tx.block.findUnique({ where: { id: input.blockId }, select: { id: true } }))) problems.push({ path: "blockId", message: unitsText.e.unknownBlock });
    if (input.parentId !== null) {
      if (input.parentId === before.id) problems.push({ path: "parentId", message: unitsText.e.parentSelf });
      else if (!(await tx.unit.findUnique({ where: { id: input.parentId }, select: { id: true } }))) {
        problems.push({ path: "parentId", message: unitsText.e.unknownParent(String(input.parentId)) });
      } else {
        const loop = await parentCycle(tx, before.id, input.parentId);
        if (loop) problems.push({ path: "parentId", message: unitsText.e.parentCycle(`${before.code} → ${loop} → ${before.code}`) });
      }
    }
    const validityChanged = isoDay(before.validFrom) !== input.validFrom || (before.validTo ? isoDay(before.validTo) : null) !== input.validTo;
    if (validityChanged) problems.push(...(await validityChangeProblems(tx, before.id, input.validFrom, input.validTo)));
    if (problems.length) fail(problems);
    const after = await tx.unit.update({
      where: { id: before.id },
      data: {
        name: input.name, shortName: input.shortName, levelId: input.levelId, blockId: input.blockId, parentId: input.parentId,
        validFrom: dayDate(input.validFrom), validTo: input.validTo ? dayDate(input.validTo) : null,
        providesPublicServices: !input.noPublicServices, address: input.address, note: input.note,
      },
    });
    const b = unitAuditView(before);
    const a = unitAuditView(after);
    const keys = (Object.keys(a) as (keyof typeof a)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    if (keys.length === 0) return;
    await recordAudit(tx, {
      actor, action: "unit.update", entity: "Unit", entityId: before.id,
      before: Object.fromEntries(keys.map((k) => [k, b[k]])), after: { code: before.code, ...Object.fromEntries(keys.map((k) => [k, a[k]])) },
    });
  });
}
