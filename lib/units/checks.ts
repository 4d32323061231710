import type { Tx } from "@/lib/db";
import type { PlanState } from "@/lib/generated/prisma/enums";
import { unitsText } from "@/lib/i18n/units";
import { planStateLabels } from "@/lib/i18n/plans";
import { addDays, dayDate, dmy, isoDay } from "./days";

/**
 * Checks of the registry against the rest of the data (successor links, frames, plans),
 * run inside the transaction of the change, under the registry lock.
 */

const E = unitsText.e;
// Serialises changes to the registry (edits, restructurings, imports): a check such as
// "this unit is still open" then holds until the change commits.
const REGISTRY_LOCK = 7270736903n;

export async function lockRegistry(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REGISTRY_LOCK})`;
}

export type Problem = { path: string; message: string };

/** Plans still being prepared: their scope can be edited, so a closing unit is only a notice. */
export const PREPARING: readonly PlanState[] = ["DRAFT", "APPROVED", "FRAME"];

export function levelValidityProblem(level: { name: string; validFrom: Date; validTo: Date | null }, from: string, to: string | null): string | null {
  const lf = isoDay(level.validFrom);
  const lt = level.validTo ? isoDay(level.validTo) : null;
  if (from < lf || (lt !== null && (to === null || to > lt))) return E.levelValidity(level.name, dmy(lf), lt ? dmy(lt) : unitsText.now);
  return null;
}

/** Problems with giving an existing unit the validity [from, to]. */
export async function validityChangeProblems(tx: Tx, unitId: number, from: string, to: string | null): Promise<Problem[]> {
  const out: Problem[] = [];
  // One query at a time: a transaction is one connection.
  const succ = await tx.unitSuccession.findFirst({ where: { predecessorId: unitId }, orderBy: { effectiveDate: "asc" }, select: { effectiveDate: true } });
  const pred = await tx.unitSuccession.findFirst({ where: { successorId: unitId }, orderBy: { effectiveDate: "asc" }, select: { effectiveDate: true } });
  if (succ) {
    const d = isoDay(succ.effectiveDate);
    if (to === null || to >= d) out.push({ path: "validTo", message: E.hasSuccessors(dmy(d)) });
  }
  if (pred) {
    const d = isoDay(pred.effectiveDate);
    if (from > d) out.push({ path: "validFrom", message: E.hasPredecessors(dmy(d)) });
  }
  const outside = await tx.frameRecord.groupBy({
    by: ["planId"],
    where: { unitId, OR: [{ resultDate: { lt: dayDate(from) } }, ...(to ? [{ resultDate: { gt: dayDate(to) } }] : [])] },
    _count: { _all: true },
  });
  if (outside.length) {
    const plans = await tx.plan.findMany({ where: { id: { in: outside.map((o) => o.planId) } }, select: { id: true, title: true } });
    for (const o of outside) out.push({ path: "validTo", message: E.framesOutside(o._count._all, plans.find((p) => p.id === o.planId)?.title ?? "") });
  }
  const surveyed = await tx.plan.findMany({
    where: {
      state: { notIn: [...PREPARING] },
      units: { some: { unitId } },
      OR: [{ windowEnd: { lt: dayDate(from) } }, ...(to ? [{ windowStart: { gt: dayDate(to) } }] : [])],
    },
    select: { title: true, state: true },
  });
  for (const p of surveyed) out.push({ path: "validTo", message: E.sampledPlanOutside(p.title, planStateLabels[p.state]) });
  return out;
}

type ClosingUnit = { id: number; code: string; validFrom: Date; validTo: Date | null };

/**
 * Whether a unit can be closed by a restructuring effective on `date` (its last day is the
 * day before). Refuses what makes no sense: a unit already closed, a date before the unit
 * existed, frame records dated on or after the date, a surveyed plan whose whole window
 * lies after it. Plans still in preparation only get a notice (their scope is editable).
 */
export async function closingProblems(tx: Tx, unit: ClosingUnit, date: string): Promise<{ problems: string[]; notices: string[] }> {
  const problems: string[] = [];
  const notices: string[] = [];
  if (unit.validTo) {
    const successors = await tx.unitSuccession.findMany({ where: { predecessorId: unit.id }, select: { successor: { select: { code: true } } } });
    problems.push(E.alreadyClosed(unit.code, dmy(isoDay(unit.validTo)), successors.map((s) => s.successor.code).join(", ")));
    return { problems, notices };
  }
  if (date <= isoDay(unit.validFrom)) problems.push(E.dateBeforeStart(unit.code, dmy(isoDay(unit.validFrom))));
  const late = await tx.frameRecord.groupBy({ by: ["planId"], where: { unitId: unit.id, resultDate: { gte: dayDate(date) } }, _max: { resultDate: true } });
  if (late.length) {
    const plans = await tx.plan.findMany({ where: { id: { in: late.map((l) => l.planId) } }, select: { id: true, title: true } });
    for (const l of late) problems.push(E.framesAfter(unit.code, plans.find((p) => p.id === l.planId)?.title ?? "", dmy(isoDay(l._max.resultDate!))));
  }
  const plans = await tx.plan.findMany({
    where: { units: { some: { unitId: unit.id } }, windowEnd: { gte: dayDate(date) } },
    select: { title: true, state: true, windowStart: true },
  });
  for (const p of plans) {
    if (PREPARING.includes(p.state)) notices.push(unitsText.restructure.planNotice(p.title, planStateLabels[p.state], unit.code));
    else if (isoDay(p.windowStart) >= date) problems.push(E.sampledPlanAfter(unit.code, p.title, planStateLabels[p.state]));
  }
  return { problems, notices };
}

/** The last day of a unit closed by a restructuring effective on `date`. */
export const lastDayBefore = (date: string) => addDays(date, -1);

/** Problems of a unit to be created from `date` (restructuring) or with its own validity. */
export async function newUnitProblems(
  tx: Tx,
  u: { code: string; levelId: number; blockId: number; parentId: number | null },
  from: string,
  to: string | null,
  prefix = "",
): Promise<Problem[]> {
  const out: Problem[] = [];
  const taken = await tx.unit.findUnique({ where: { code: u.code }, select: { id: true } });
  const level = await tx.adminLevel.findUnique({ where: { id: u.levelId } });
  const block = await tx.block.findUnique({ where: { id: u.blockId }, select: { id: true } });
  const parent = u.parentId ? await tx.unit.findUnique({ where: { id: u.parentId }, select: { id: true } }) : null;
  if (taken) out.push({ path: `${prefix}code`, message: E.codeTaken(u.code) });
  if (!level) out.push({ path: `${prefix}levelId`, message: E.unknownLevel });
  else {
    const p = levelValidityProblem(level, from, to);
    const lt = level.validTo ? isoDay(level.validTo) : null;
    const deadOnStart = from < isoDay(level.validFrom) || (lt !== null && from > lt);
    if (p) out.push({ path: `${prefix}levelId`, message: deadOnStart ? E.levelNotValidOn(level.name, dmy(from)) : p });
  }
  if (!block) out.push({ path: `${prefix}blockId`, message: E.unknownBlock });
  if (u.parentId && !parent) out.push({ path: `${prefix}parentId`, message: E.unknownParent(String(u.parentId)) });
  return out;
}

/** Whether making `parentId` the parent of `unitId` would close a loop. */
export async function parentCycle(tx: Tx, unitId: number, parentId: number): Promise<string | null> {
  const chain: string[] = [];
  let cursor: number | null = parentId;
  for (let i = 0; cursor !== null && i < 50; i++) {
    if (cursor === unitId) return chain.join(" → ");
    const row: { code: string; parentId: number | null } | null = await tx.unit.findUnique({ where: { id: cursor }, select: { code: true, parentId: true } });
    if (!row) return null;
    chain.push(row.code);
    cursor = row.parentId;
  }
  return null;
}
