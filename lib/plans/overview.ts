import { db } from "@/lib/db";
import type { MilestoneKind, PlanState } from "@/lib/generated/prisma/enums";
import { notFound } from "@/lib/errors";
import { plansText } from "@/lib/i18n/plans";
import { isoDay, todayInVietnam } from "@/lib/units/days";
import { planToFormValues } from "./form-values";
import { gatherFacts } from "./guard";
import { actionsAllowedIn, checkTransition, transitionsFrom, type PlanFactKey } from "./lifecycle";
import { ZPlanSettings } from "./schemas";

/** Read models of the plan pages: where the plan stands, what is due next, the editor's data. */

const DAY = 86_400_000;

export type MilestoneView = { kind: MilestoneKind; dueOn: string; doneAt: Date | null; daysLeft: number };
export type TransitionView = { key: string; to: PlanState; manual: boolean; back: boolean; problems: string[] };

export async function getPlanOverview(id: number, now = new Date()) {
  const plan = await db().plan.findUnique({
    where: { id },
    select: {
      id: true, year: true, title: true, state: true, version: true, updatedAt: true, legalNumber: true, legalDate: true, budget: true,
      windowStart: true, windowEnd: true, modes: true, settings: true, questionnaireVersionId: true,
      questionnaireVersion: { select: { version: true, template: { select: { name: true } } } },
      milestones: { orderBy: { dueOn: "asc" }, select: { kind: true, dueOn: true, doneAt: true } },
    },
  });
  if (!plan) throw notFound(plansText.notFound);
  const today = todayInVietnam(now);
  const milestones: MilestoneView[] = plan.milestones.map((m) => ({
    kind: m.kind, dueOn: isoDay(m.dueOn), doneAt: m.doneAt, daysLeft: Math.round((m.dueOn.getTime() - Date.parse(`${today}T00:00:00Z`)) / DAY),
  }));
  const nextDue = milestones.find((m) => !m.doneAt) ?? null;

  const transitions = transitionsFrom(plan.state);
  const keys = new Set<PlanFactKey>(["units", ...transitions.flatMap((t) => t.facts)]);
  const facts = await gatherFacts(db(), plan, [...keys]);
  const transitionViews: TransitionView[] = transitions.map((t) => {
    const v = checkTransition(plan, t.to, facts);
    return { key: t.key, to: t.to, manual: t.manual, back: t.back, problems: v.ok ? [] : v.problems };
  });

  const [frameRecords, unitsWithFrames, forms, lockedDraw, history, levels, blocks] = await Promise.all([
    db().frameRecord.count({ where: { planId: id } }),
    db().frameRecord.groupBy({ by: ["unitId"], where: { planId: id } }).then((g) => g.length),
    db().form.groupBy({ by: ["state"], where: { planId: id }, _count: { _all: true } }),
    db().sampleDraw.findFirst({ where: { planId: id, status: "LOCKED" }, orderBy: { id: "desc" }, select: { id: true, lockedAt: true } }),
    db().auditEvent.findMany({
      where: { entity: "Plan", entityId: String(id) }, orderBy: { id: "desc" }, take: 12,
      select: { id: true, at: true, actorName: true, action: true, before: true, after: true },
    }),
    db().adminLevel.findMany({ select: { code: true, name: true } }),
    db().block.findMany({ select: { code: true, name: true } }),
  ]);
  const scopeNames: Record<string, string> = {
    ...Object.fromEntries(levels.map((l) => [`level:${l.code}`, l.name])),
    ...Object.fromEntries(blocks.map((b) => [`block:${b.code}`, b.name])),
  };
  const formCount = (states?: readonly string[]) => forms.filter((f) => !states || states.includes(f.state)).reduce((s, f) => s + f._count._all, 0);
  const sampleSize = lockedDraw ? await db().selection.count({ where: { drawId: lockedDraw.id, role: "MAIN" } }) : null;
  const settings = ZPlanSettings.safeParse(plan.settings);

  return {
    plan: { ...plan, settings: settings.success ? settings.data : null },
    milestones,
    nextDue,
    transitions: transitionViews,
    allowedActions: actionsAllowedIn(plan.state),
    counts: {
      units: facts.units ?? 0,
      unitsWithFrames,
      frameRecords,
      sampleSize,
      forms: formCount(),
      formsSent: formCount(["DISPATCHED", "DELIVERED", "RETURNED", "ENTERED", "VERIFIED", "UNDELIVERABLE", "REFUSED", "NOT_RETURNED", "REPLACED"]),
      formsEntered: formCount(["ENTERED", "VERIFIED"]),
    },
    history,
    scopeNames,
  };
}
export type PlanOverview = Awaited<ReturnType<typeof getPlanOverview>>;

/** Everything the plan editor offers: published questionnaires, levels, blocks, units. */
export async function planFormOptions(selectedUnitIds: readonly number[] = []) {
  const [versions, levels, blocks, units] = await Promise.all([
    db().questionnaireVersion.findMany({
      where: { status: "PUBLISHED" }, orderBy: [{ templateId: "asc" }, { version: "desc" }],
      select: { id: true, version: true, template: { select: { name: true } } },
    }),
    db().adminLevel.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, code: true, name: true } }),
    db().block.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, code: true, name: true } }),
    db().unit.findMany({
      // Units that serve the public, plus those already chosen (shown as "no longer valid" if so).
      where: { OR: [{ providesPublicServices: true }, { id: { in: [...selectedUnitIds] } }] },
      orderBy: [{ level: { sortOrder: "asc" } }, { block: { sortOrder: "asc" } }, { code: "asc" }],
      select: { id: true, code: true, name: true, levelId: true, blockId: true, validFrom: true, validTo: true, providesPublicServices: true },
    }),
  ]);
  return {
    versions: versions.map((v) => ({ id: v.id, label: `${v.template.name} — phiên bản ${v.version}` })),
    levels,
    blocks,
    units: units.map((u) => ({ ...u, validFrom: isoDay(u.validFrom), validTo: u.validTo ? isoDay(u.validTo) : null })),
  };
}
export type PlanFormOptions = Awaited<ReturnType<typeof planFormOptions>>;

export async function getPlanForEdit(id: number) {
  const plan = await db().plan.findUnique({
    where: { id },
    select: {
      id: true, year: true, title: true, state: true, version: true, legalNumber: true, legalDate: true, budget: true,
      windowStart: true, windowEnd: true, questionnaireVersionId: true, modes: true, settings: true,
      units: { select: { unitId: true } }, milestones: { select: { kind: true, dueOn: true } },
    },
  });
  if (!plan) throw notFound(plansText.notFound);
  return { id: plan.id, state: plan.state, version: plan.version, title: plan.title, values: planToFormValues(plan), allowed: actionsAllowedIn(plan.state) };
}
