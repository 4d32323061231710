import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MilestoneKind } from "@/lib/generated/prisma/enums";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { conflict, invalid, notFound } from "@/lib/errors";
import { formatDateTime } from "@/lib/i18n/format";
import { planStateLabels, plansText } from "@/lib/i18n/plans";
import { vi } from "@/lib/i18n/vi";
import { dayDate } from "@/lib/units/days";
import { actionForKey, changedKeys, planToFormValues, type PlanFormValues, type ValueKey } from "./form-values";
import { requirePlanAllows } from "./guard";
import { assertPlanAllows } from "./lifecycle";
import type { TPlanInput, TPlanUpdate } from "./schemas";
import { loadRegistryCodes, loadScopeUnits } from "./scope";
import { settingsProblems, toFieldErrors, unitScopeProblems } from "./validate";

/** Create, edit and delete plans; every change is audited in its transaction. */

const EDIT_SELECT = {
  id: true, year: true, title: true, state: true, version: true, updatedAt: true, legalNumber: true, legalDate: true, budget: true,
  windowStart: true, windowEnd: true, questionnaireVersionId: true, modes: true, settings: true,
  units: { select: { unitId: true } }, milestones: { select: { kind: true, dueOn: true } },
} as const;

function inputValues(i: TPlanInput): PlanFormValues {
  return {
    year: String(i.year), title: i.title, legalNumber: i.legalNumber ?? "", legalDate: i.legalDate ?? "", budget: i.budget ?? "",
    windowStart: i.windowStart, windowEnd: i.windowEnd, questionnaireVersionId: String(i.questionnaireVersionId),
    modes: [...i.modes], unitIds: [...new Set(i.unitIds)].sort((a, b) => a - b), settings: i.settings,
    milestones: i.milestones.map((m) => ({ kind: m.kind, dueOn: m.dueOn })),
  };
}

/** Refuses with field errors anything about the scope that the registry contradicts. */
async function checkScope(tx: Tx, i: TPlanInput): Promise<void> {
  const errors: Record<string, string[]> = {};
  const version = await tx.questionnaireVersion.findUnique({ where: { id: i.questionnaireVersionId }, select: { status: true } });
  if (version?.status !== "PUBLISHED") errors.questionnaireVersionId = [plansText.validation.questionnaireNotPublished];
  const ids = [...new Set(i.unitIds)];
  const units = await loadScopeUnits(tx, ids);
  const missing = ids.length - units.length;
  const problems = [
    ...unitScopeProblems(units, i.windowStart, i.windowEnd),
    ...settingsProblems(i.settings, { ...(await loadRegistryCodes(tx)), units }),
  ];
  if (missing > 0) problems.push({ path: "unitIds", message: plansText.validation.unitNotOffered(`(${missing})`, plansText.validation.unitUnknown) });
  Object.assign(errors, toFieldErrors(problems));
  if (Object.keys(errors).length) throw invalid(vi.errors.invalid, errors);
}

async function assertTitleFree(tx: Tx, year: number, title: string, exceptId?: number): Promise<void> {
  const other = await tx.plan.findFirst({ where: { year, title, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (other) throw conflict(plansText.duplicate(year, title));
}

const milestoneRows = (i: TPlanInput) =>
  i.milestones.filter((m): m is { kind: MilestoneKind; dueOn: string } => m.dueOn !== null).map((m) => ({ kind: m.kind, dueOn: dayDate(m.dueOn) }));

const planData = (i: TPlanInput) => ({
  year: i.year, title: i.title, legalNumber: i.legalNumber, legalDate: i.legalDate ? dayDate(i.legalDate) : null,
  budget: i.budget, windowStart: dayDate(i.windowStart), windowEnd: dayDate(i.windowEnd),
  questionnaireVersionId: i.questionnaireVersionId, modes: i.modes, settings: i.settings as Prisma.InputJsonValue,
});

/** What the audit trail keeps of a plan's values (no personal data in a plan). */
const auditView = (v: PlanFormValues, keys?: readonly ValueKey[]) => {
  const flat: Record<string, unknown> = { ...v, settings: undefined, milestones: undefined };
  for (const [k, x] of Object.entries(v.settings)) flat[`settings.${k}`] = x;
  for (const m of v.milestones) flat[`milestones.${m.kind}`] = m.dueOn;
  delete flat.settings;
  delete flat.milestones;
  return keys ? Object.fromEntries(keys.map((k) => [k, flat[k]])) : flat;
};

export async function createPlan(input: TPlanInput, actor: Actor): Promise<{ id: number }> {
  return db().$transaction(async (tx) => {
    await assertTitleFree(tx, input.year, input.title);
    await checkScope(tx, input);
    const plan = await tx.plan.create({
      data: {
        ...planData(input),
        units: { create: [...new Set(input.unitIds)].map((unitId) => ({ unitId })) },
        milestones: { create: milestoneRows(input) },
      },
      select: { id: true },
    });
    await recordAudit(tx, { actor, action: "plan.create", entity: "Plan", entityId: plan.id, planId: plan.id, after: auditView(inputValues(input)) });
    return plan;
  });
}

export type PlanConflictDetails = { version: number; updatedAt: string; state: string; current: PlanFormValues; changed: ValueKey[] };

export async function updatePlan(input: TPlanUpdate, actor: Actor): Promise<{ version: number }> {
  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Plan" WHERE id = ${input.id} FOR UPDATE`;
    if (locked.length === 0) throw notFound(plansText.notFound);
    const plan = await tx.plan.findUniqueOrThrow({ where: { id: input.id }, select: EDIT_SELECT });
    const current = planToFormValues(plan);
    const next = inputValues(input);
    if (plan.version !== input.expectedVersion) {
      // Nothing is saved; the editor keeps what was typed and shows what the other person changed.
      const details: PlanConflictDetails = {
        version: plan.version, updatedAt: plan.updatedAt.toISOString(), state: planStateLabels[plan.state], current, changed: changedKeys(current, next),
      };
      throw conflict(plansText.conflict(plan.version, formatDateTime(plan.updatedAt)), details);
    }
    const changed = changedKeys(current, next);
    if (changed.length === 0) return { version: plan.version };
    for (const action of new Set(changed.map(actionForKey))) assertPlanAllows(plan, action);
    const scopeChanged = changed.some((k) => actionForKey(k) === "plan.editScope");
    if (changed.includes("year") || changed.includes("title")) await assertTitleFree(tx, input.year, input.title, plan.id);
    if (scopeChanged) {
      await checkScope(tx, input);
      await checkFramesAllowScopeChange(tx, plan.id, current, next);
    }
    const removed = current.unitIds.filter((id) => !next.unitIds.includes(id));
    const added = next.unitIds.filter((id) => !current.unitIds.includes(id));
    if (removed.length) await tx.planUnit.deleteMany({ where: { planId: plan.id, unitId: { in: removed } } });
    if (added.length) await tx.planUnit.createMany({ data: added.map((unitId) => ({ planId: plan.id, unitId })) });
    for (const m of input.milestones) {
      if (m.dueOn === null) await tx.planMilestone.deleteMany({ where: { planId: plan.id, kind: m.kind } });
      else {
        await tx.planMilestone.upsert({
          where: { planId_kind: { planId: plan.id, kind: m.kind } },
          create: { planId: plan.id, kind: m.kind, dueOn: dayDate(m.dueOn) },
          update: { dueOn: dayDate(m.dueOn) },
        });
      }
    }
    const updated = await tx.plan.update({ where: { id: plan.id }, data: { ...planData(input), version: { increment: 1 } }, select: { version: true } });
    const keys = changed.filter((k) => k !== "unitIds");
    await recordAudit(tx, {
      actor, action: "plan.update", entity: "Plan", entityId: plan.id, planId: plan.id,
      before: { ...auditView(current, keys), version: plan.version },
      after: { ...auditView(next, keys), version: updated.version, ...(changed.includes("unitIds") ? { unitsAdded: added, unitsRemoved: removed } : {}) },
    });
    return updated;
  });
}

/** In FRAME, lists are being imported: the window and units that have a list stay put. */
async function checkFramesAllowScopeChange(tx: Tx, planId: number, current: PlanFormValues, next: PlanFormValues): Promise<void> {
  const errors: Record<string, string[]> = {};
  if (current.windowStart !== next.windowStart || current.windowEnd !== next.windowEnd) {
    const n = await tx.frameRecord.count({ where: { planId } });
    if (n > 0) errors.windowEnd = [plansText.validation.windowHasFrames(n)];
  }
  const removed = current.unitIds.filter((id) => !next.unitIds.includes(id));
  if (removed.length) {
    const listed = await tx.frameRecord.groupBy({ by: ["unitId"], where: { planId, unitId: { in: removed } } });
    const withFrames = await tx.unit.findMany({
      where: { id: { in: listed.map((r) => r.unitId) } }, select: { code: true }, orderBy: { code: "asc" },
    });
    if (withFrames.length) errors.unitIds = [plansText.validation.unitHasFrames(withFrames.map((u) => u.code).join(", "))];
  }
  if (Object.keys(errors).length) throw invalid(vi.errors.invalid, errors);
}

export async function deletePlan(id: number, expectedVersion: number, actor: Actor): Promise<{ title: string }> {
  return db().$transaction(async (tx) => {
    const plan = await requirePlanAllows(tx, id, "plan.delete");
    if (plan.version !== expectedVersion) throw conflict(vi.errors.conflict);
    await tx.plan.delete({ where: { id } });
    await recordAudit(tx, { actor, action: "plan.delete", entity: "Plan", entityId: id, before: { year: plan.year, title: plan.title, state: plan.state } });
    return { title: plan.title };
  });
}

/** Marks a milestone done or not done; does not touch the plan's version (no edit conflicts). */
export async function setMilestoneDone(planId: number, kind: MilestoneKind, done: boolean, actor: Actor, now = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    await requirePlanAllows(tx, planId, "plan.milestoneDone");
    const m = await tx.planMilestone.findUnique({ where: { planId_kind: { planId, kind } } });
    if (!m) throw notFound(vi.errors.notFound);
    if (Boolean(m.doneAt) === done) return;
    await tx.planMilestone.update({ where: { id: m.id }, data: { doneAt: done ? now : null } });
    await recordAudit(tx, { actor, action: "plan.milestone", entity: "Plan", entityId: planId, planId, before: { kind, done: !done }, after: { kind, done } });
  });
}
