import type { DbOrTx, Tx } from "@/lib/db";
import type { PlanState } from "@/lib/generated/prisma/enums";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { conflict, notFound } from "@/lib/errors";
import { planStateLabels, plansText } from "@/lib/i18n/plans";
import { assertPlanAllows, checkTransition, factsForAction, findTransition, type PlanAction, type PlanFactKey, type PlanFacts } from "./lifecycle";
import { planScopeProblems } from "./scope";

/**
 * The lifecycle, enforced against the database. Other areas call `requirePlanAllows`
 * inside their own transaction before changing anything of a plan; transitions go through
 * `transitionPlan`. Both lock the plan row, so a state change cannot slip in between the
 * check and the change it guards.
 */

const PLAN_SELECT = {
  id: true, year: true, title: true, state: true, version: true, legalNumber: true, legalDate: true,
  windowStart: true, windowEnd: true, questionnaireVersionId: true, modes: true, settings: true,
} as const;

/** Forms that have not left Sở Nội vụ: they can still be cancelled with a re-draw. */
const NOT_SENT = ["CREATED", "PRINTED", "SPOILED"] as const;

export async function gatherFacts(tx: DbOrTx, plan: { id: number; windowStart: Date; windowEnd: Date; settings: unknown }, keys: readonly PlanFactKey[]): Promise<PlanFacts> {
  const facts: PlanFacts = {};
  const planId = plan.id;
  for (const key of new Set(keys)) {
    switch (key) {
      case "units":
        facts.units = await tx.planUnit.count({ where: { planId } });
        break;
      case "scopeProblems": {
        const unitIds = (await tx.planUnit.findMany({ where: { planId }, select: { unitId: true } })).map((u) => u.unitId);
        facts.scopeProblems = (await planScopeProblems(tx, { ...plan, unitIds })).map((p) => p.message);
        break;
      }
      case "lockedDraws":
        facts.lockedDraws = await tx.sampleDraw.count({ where: { planId, status: "LOCKED" } });
        break;
      case "formsTotal":
        facts.formsTotal = await tx.form.count({ where: { planId } });
        break;
      case "formsSent":
        facts.formsSent = await tx.form.count({ where: { planId, state: { notIn: [...NOT_SENT] } } });
        break;
      case "formsAwaitingEntry":
        facts.formsAwaitingEntry = await tx.form.count({ where: { planId, state: "RETURNED" } });
        break;
      case "openDifferences":
        facts.openDifferences = await tx.entryDifference.count({ where: { form: { planId }, decided: null } });
        break;
      case "publishedSnapshots":
        facts.publishedSnapshots = await tx.resultSnapshot.count({ where: { planId, published: true } });
        break;
    }
  }
  return facts;
}

async function lockPlan(tx: Tx, planId: number, mode: "SHARE" | "UPDATE") {
  const rows =
    mode === "SHARE"
      ? await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Plan" WHERE id = ${planId} FOR SHARE`
      : await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Plan" WHERE id = ${planId} FOR UPDATE`;
  if (rows.length === 0) throw notFound(plansText.notFound);
  return tx.plan.findUniqueOrThrow({ where: { id: planId }, select: PLAN_SELECT });
}
export type GuardedPlan = Awaited<ReturnType<typeof lockPlan>>;

/**
 * Locks the plan row (FOR SHARE: actions of one plan run side by side, a state change
 * waits for them) and throws a CONFLICT with the Vietnamese reason unless `action` is
 * allowed now. Returns the plan. Call it first thing inside the transaction of the change.
 */
export async function requirePlanAllows(tx: Tx, planId: number, action: PlanAction): Promise<GuardedPlan> {
  const plan = await lockPlan(tx, planId, "SHARE");
  assertPlanAllows(plan, action, await gatherFacts(tx, plan, factsForAction(action, plan.state)));
  return plan;
}

/**
 * Moves a plan to `to` when the lifecycle allows it and every precondition holds;
 * audited. `expectedVersion` (from the page the person looked at) turns a double click or
 * a stale page into a clear refusal instead of a second move.
 */
export async function transitionPlan(
  tx: Tx,
  input: { planId: number; to: PlanState; expectedVersion?: number },
  actor: Actor,
): Promise<{ state: PlanState; version: number }> {
  const plan = await lockPlan(tx, input.planId, "UPDATE");
  if (input.expectedVersion !== undefined && plan.version !== input.expectedVersion) {
    throw conflict(plansText.lifecycle.staleState(planStateLabels[plan.state]));
  }
  const tr = findTransition(plan.state, input.to);
  const verdict = checkTransition(plan, input.to, await gatherFacts(tx, plan, tr?.facts ?? []));
  if (!verdict.ok) throw conflict(verdict.problems.join(" "), { problems: verdict.problems });
  if (verdict.transition.key === "SAMPLED->FRAME") {
    // The frame may now change: a draw made from the old frame no longer describes it.
    await tx.sampleDraw.updateMany({ where: { planId: plan.id, status: { in: ["DRAFT", "LOCKED"] } }, data: { status: "SUPERSEDED" } });
  }
  const updated = await tx.plan.update({ where: { id: plan.id }, data: { state: input.to, version: { increment: 1 } }, select: { state: true, version: true } });
  await recordAudit(tx, {
    actor, action: "plan.transition", entity: "Plan", entityId: plan.id, planId: plan.id,
    before: { state: plan.state, version: plan.version }, after: { state: updated.state, version: updated.version },
  });
  return updated;
}
