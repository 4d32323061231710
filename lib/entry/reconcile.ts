import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { AppError, conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { assertPlanAllows } from "@/lib/plans/lifecycle";
import { formatFormCode } from "@/lib/forms/form-code";
import { lockFormById, moveForm } from "@/lib/forms/transition";
import { reconcileText as t } from "@/lib/i18n/reconcile";
import { cellToAnswer, checkCells, describeCell } from "./answer-cells";
import { loadQuestionnaire } from "./questionnaire";
import { readCells, updateAnswers } from "./responses";
import type { TReconcile } from "./schemas";
import { auditReconcileRefusal, notVerifierError, ownEntryRefusal, reconcilePlanScope } from "./verifiers";

/**
 * Reconciling a blind double entry: each item where the two clerks differ is decided by
 * ADMIN or by a verifier designated on the plan (lib/entry/verifiers.ts), looking at the
 * paper form; the decided values become the counted response, the old values stay in the
 * audit trail, and the form becomes VERIFIED. A verifier never sees in the queue, nor
 * decides, a form they entered.
 */

/** Forms waiting for reconciliation, and how many more the user entered themselves (not theirs to decide). */
export async function findFormsToReconcile(user: SessionUser) {
  const waiting: Prisma.FormWhereInput = { state: "ENTERED", differences: { some: { decided: null } }, plan: reconcilePlanScope(user) };
  const own: Prisma.FormWhereInput = user.role === "ADMIN" ? {} : { responses: { none: { enteredById: user.id } } };
  const [forms, ownEntered] = await Promise.all([
    findWaiting({ ...waiting, ...own }),
    user.role === "ADMIN" ? 0 : db().form.count({ where: { ...waiting, responses: { some: { enteredById: user.id } } } }),
  ]);
  return { forms, ownEntered };
}

async function findWaiting(where: Prisma.FormWhereInput) {
  const forms = await db().form.findMany({
    where,
    orderBy: [{ planId: "desc" }, { code: "asc" }],
    take: 500,
    select: {
      id: true, code: true, plan: { select: { id: true, year: true, title: true } }, unit: { select: { name: true } },
      _count: { select: { differences: { where: { decided: null } } } },
    },
  });
  return forms.map((f) => ({ id: f.id, code: f.code, display: formatFormCode(f.code), plan: f.plan, unitName: f.unit.name, open: f._count.differences }));
}

export async function getReconciliation(formId: number, user: SessionUser) {
  const form = await db().form.findFirst({
    where: { id: formId, plan: reconcilePlanScope(user) },
    select: {
      id: true, code: true, planId: true, state: true, version: true, unit: { select: { name: true } },
      plan: { select: { title: true, questionnaireVersionId: true } },
      differences: { orderBy: { id: "asc" } },
      responses: { select: { round: true, enteredBy: { select: { fullName: true } }, createdAt: true } },
    },
  });
  if (!form) throw await outOfScope(formId, user);
  const lq = await loadQuestionnaire(db(), form.plan.questionnaireVersionId);
  const items = new Map(lq.q.items.map((i) => [i.code, i]));
  const who = (round: number) => form.responses.find((r) => r.round === round)?.enteredBy?.fullName ?? "—";
  return {
    id: form.id,
    code: form.code,
    display: formatFormCode(form.code),
    state: form.state,
    version: form.version,
    unitName: form.unit.name,
    planTitle: form.plan.title,
    firstClerk: who(1),
    secondClerk: who(2),
    /** Set when the user entered this form: who else can decide it (the form is then read-only to them). */
    ownEntry: await ownEntryRefusal(db(), user, form),
    differences: form.differences.map((d) => {
      const item = items.get(d.itemCode);
      return {
        itemCode: d.itemCode,
        text: item?.text ?? d.itemCode,
        first: d.first,
        second: d.second,
        firstLabel: item ? describeCell(item, d.first) : d.first,
        secondLabel: item ? describeCell(item, d.second) : d.second,
        decided: d.decided,
        decidedLabel: item && d.decided !== null ? describeCell(item, d.decided) : null,
        options: item ? decisionOptions(item) : [],
      };
    }),
  };
}
export type TReconciliation = Awaited<ReturnType<typeof getReconciliation>>;

/** A form outside the user's reconcile scope: "not found", or, when it exists, to a clerk "not your plan". */
async function outOfScope(formId: number, user: SessionUser): Promise<AppError> {
  if (user.role === "ADMIN") return notFound(t.notFound);
  const exists = await db().form.count({ where: { id: formId } });
  return exists > 0 ? notVerifierError() : notFound(t.notFound);
}

/** Values ADMIN may choose besides the two entries: blank, multiple ticks, unreadable, and each option. */
function decisionOptions(item: Parameters<typeof describeCell>[0]): { cell: string; label: string }[] {
  if (item.kind === "text" || item.kind === "expectation") return [];
  const cells = ["", "M", "U", ...(item.kind === "satisfaction" ? ["1", "2", "3", "4", "5"] : item.options.map((o) => o.code))];
  return cells.map((cell) => ({ cell, label: describeCell(item, cell) }));
}

export async function decideDifferences(input: TReconcile, user: SessionUser, actor: Actor): Promise<{ display: string; changed: number }> {
  try {
    return await decideInTransaction(input, user, actor);
  } catch (err) {
    // A verifier refused (another plan, a form they entered): the refusal is audited.
    if (err instanceof AppError && err.code === "FORBIDDEN") await auditReconcileRefusal(actor, user, input.formId, err.message);
    throw err;
  }
}

async function decideInTransaction(input: TReconcile, user: SessionUser, actor: Actor): Promise<{ display: string; changed: number }> {
  return db().$transaction(async (tx) => {
    const form = await lockFormById(tx, input.formId);
    if (!form) throw notFound(t.notFound);
    const display = formatFormCode(form.code);
    const plan = await tx.plan.findFirst({ where: { id: form.planId, ...reconcilePlanScope(user) }, select: { state: true, title: true, questionnaireVersionId: true } });
    if (!plan) throw user.role === "ADMIN" ? notFound(t.notFound) : notVerifierError();
    const own = await ownEntryRefusal(tx, user, form);
    if (own) throw forbidden(own);
    if (form.version !== input.version) throw conflict(t.changedMeanwhile(display));
    if (form.state !== "ENTERED") throw conflict(t.notOpen(display));
    assertPlanAllows(plan, "entry.reconcile");
    const open = await tx.entryDifference.findMany({ where: { formId: form.id, decided: null } });
    if (open.length === 0) throw conflict(t.notOpen(display));
    const lq = await loadQuestionnaire(tx, plan.questionnaireVersionId);
    const byCode = new Map(lq.q.items.map((i) => [i.code, i]));
    const errors: Record<string, string[]> = {};
    for (const d of open) {
      const cell = input.decisions[d.itemCode];
      const item = byCode.get(d.itemCode);
      if (cell === undefined) errors[d.itemCode] = [t.undecided(d.itemCode)];
      else if (item && typeof cellToAnswer(item, cell) === "string") errors[d.itemCode] = [cellToAnswer(item, cell) as string];
    }
    if (Object.keys(errors).length > 0) throw invalid(t.incomplete, errors);

    const first = await tx.response.findUniqueOrThrow({ where: { formId_round: { formId: form.id, round: 1 } }, select: { id: true } });
    const current = await readCells(tx, first.id, lq);
    const next = { ...current };
    for (const d of open) next[d.itemCode] = input.decisions[d.itemCode] ?? "";
    const checked = checkCells(lq.q, next);
    if (!checked.ok) throw invalid(t.incomplete, checked.errors);
    const { before, after } = await updateAnswers(tx, first.id, current, checked, lq);
    const now = new Date();
    for (const d of open) {
      await tx.entryDifference.update({ where: { id: d.id }, data: { decided: checked.cells[d.itemCode] ?? "", decidedById: user.id, decidedAt: now } });
    }
    await moveForm(tx, form, "VERIFIED", { actor, note: { reason: "double entry reconciled", decided: open.length } });
    await recordAudit(tx, {
      actor, action: "entry.reconcile", entity: "Form", entityId: form.id, planId: form.planId,
      before: { answers: before },
      after: { answers: after, decisions: Object.fromEntries(open.map((d) => [d.itemCode, checked.cells[d.itemCode] ?? ""])) },
    });
    return { display, changed: Object.keys(after).length };
  });
}
