import { db, type Tx } from "@/lib/db";
import type { FormState } from "@/lib/generated/prisma/enums";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { assertPlanAllows, type PlanAction } from "@/lib/plans/lifecycle";
import { formsText as t } from "@/lib/i18n/forms";
import { formatFormCode } from "./form-code";
import { parseScannedFormCode } from "./code-input";
import { ELECTRONIC_MODES, FORM_STATE_LABELS } from "./state-machine";
import { lockFormByCode, moveForm, type TLockedForm } from "./transition";

/**
 * Fieldwork as ADMIN records it: dispatch batches to the post office, and the states
 * the post office reports, one scanned code at a time or a whole file at once.
 */

export const FIELDWORK_TARGETS = ["PRINTED", "DISPATCHED", "DELIVERED", "RETURNED", "UNDELIVERABLE", "REFUSED", "NOT_RETURNED", "SPOILED"] as const;
export type TFieldworkTarget = (typeof FIELDWORK_TARGETS)[number];

/** The plan lifecycle action that a move to `to` needs (lib/plans/lifecycle.ts). */
export function planActionFor(to: TFieldworkTarget): PlanAction {
  return to === "PRINTED" ? "forms.print" : to === "DISPATCHED" ? "forms.dispatch" : "forms.track";
}

export type TScanOutcome = { code: string; display: string; outcome: "moved" | "duplicate" | "unchanged"; from: FormState; to: FormState; message: string };

async function planFor(tx: Tx, planId: number) {
  const plan = await tx.plan.findUnique({ where: { id: planId }, select: { id: true, state: true, title: true } });
  if (!plan) throw notFound(t.planNotFound);
  return plan;
}

async function batchOf(tx: Tx, planId: number, batchId: number | undefined): Promise<number> {
  if (batchId === undefined) throw invalid(t.needBatch, { batchId: [t.needBatch] });
  const batch = await tx.dispatchBatch.findFirst({ where: { id: batchId, planId }, select: { id: true } });
  if (!batch) throw notFound(t.batchNotFound);
  return batch.id;
}

/**
 * A paper form that comes back for a form already answered online is flagged, never
 * counted a second time (SIPAS-METHOD §6: one form, at most one counted response).
 */
async function flagDuplicateReturn(tx: Tx, form: TLockedForm, actor: Actor): Promise<boolean> {
  if (form.state !== "ENTERED" && form.state !== "VERIFIED") return false;
  const counted = await tx.response.findUnique({ where: { formId_round: { formId: form.id, round: 1 } }, select: { mode: true } });
  if (!counted || !ELECTRONIC_MODES.includes(counted.mode)) return false;
  if (!form.duplicateReturn) {
    await tx.form.update({ where: { id: form.id }, data: { duplicateReturn: true, version: { increment: 1 } } });
    await recordAudit(tx, {
      actor,
      action: "form.duplicate_return",
      entity: "Form",
      entityId: form.id,
      planId: form.planId,
      before: { code: form.code, state: form.state, duplicateReturn: false },
      after: { duplicateReturn: true, answeredBy: counted.mode },
    });
  }
  return true;
}

/** Applies one move to a locked form of the plan; shared by scanning and the file import. */
async function applyMove(tx: Tx, form: TLockedForm, to: TFieldworkTarget, actor: Actor, batchId?: number): Promise<TScanOutcome> {
  const display = formatFormCode(form.code);
  const base = { code: form.code, display, from: form.state, to };
  if (to === "RETURNED" && (await flagDuplicateReturn(tx, form, actor))) {
    return { ...base, outcome: "duplicate", message: t.duplicateReturn(display) };
  }
  if (form.state === to && (to !== "DISPATCHED" || form.batchId === batchId)) {
    return { ...base, outcome: "unchanged", message: t.alreadyThere(display, FORM_STATE_LABELS[to]) };
  }
  await moveForm(tx, form, to, { actor, set: to === "DISPATCHED" ? { batchId } : undefined });
  return { ...base, outcome: "moved", message: t.moved(display, FORM_STATE_LABELS[to]) };
}

/** One scanned or typed code: its own transaction, so the screen answers at once. */
export async function scanForm(input: { planId: number; code: string; to: TFieldworkTarget; batchId?: number }, actor: Actor): Promise<TScanOutcome> {
  const parsed = parseScannedFormCode(input.code);
  if (!parsed.ok) throw invalid(parsed.reason, { code: [parsed.reason] });
  return db().$transaction(async (tx) => {
    const plan = await planFor(tx, input.planId);
    assertPlanAllows(plan, planActionFor(input.to));
    const batchId = input.to === "DISPATCHED" ? await batchOf(tx, plan.id, input.batchId) : undefined;
    const form = await lockFormByCode(tx, parsed.code);
    const display = formatFormCode(parsed.code);
    if (!form) throw notFound(t.noSuchForm(display));
    if (form.planId !== plan.id) throw conflict(t.otherPlan(display));
    return applyMove(tx, form, input.to, actor, batchId);
  });
}

export type TStateRow = { row: number; code: string; to: TFieldworkTarget; batchCode: string | null };
export type TRowProblem = { row: number; column: string; value: string; reason: string };

/**
 * Applies a whole file's rows in one transaction: every row is checked against the
 * database first (code exists in this plan, batch exists, the move is allowed), and
 * nothing is changed unless every row passes.
 */
export async function applyStateRows(planId: number, rows: readonly TStateRow[], actor: Actor): Promise<{ ok: true; moved: number; duplicates: number; unchanged: number } | { ok: false; problems: TRowProblem[] }> {
  const cols = t.import.columns;
  return db().$transaction(
    async (tx) => {
      const plan = await planFor(tx, planId);
      const batches = new Map((await tx.dispatchBatch.findMany({ where: { planId }, select: { id: true, code: true } })).map((b) => [b.code, b.id]));
      const problems: TRowProblem[] = [];
      const outcomes: TScanOutcome[] = [];
      for (const r of rows) {
        const display = formatFormCode(r.code);
        try {
          assertPlanAllows(plan, planActionFor(r.to));
          const batchId = r.to === "DISPATCHED" ? batches.get(r.batchCode ?? "") : undefined;
          if (r.to === "DISPATCHED" && batchId === undefined) {
            problems.push({ row: r.row, column: cols.batch, value: r.batchCode ?? "", reason: r.batchCode ? t.batchNotFound : t.needBatch });
            continue;
          }
          const form = await lockFormByCode(tx, r.code);
          if (!form || form.planId !== planId) {
            problems.push({ row: r.row, column: cols.code, value: display, reason: form ? t.otherPlan(display) : t.noSuchForm(display) });
            continue;
          }
          // Rows after a problem are still applied, to find their own problems; the
          // transaction is rolled back as a whole when any row failed.
          outcomes.push(await applyMove(tx, form, r.to, actor, batchId));
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          problems.push({ row: r.row, column: cols.state, value: FORM_STATE_LABELS[r.to], reason: `${display}: ${err.message}` });
        }
      }
      if (problems.length > 0) throw new RowsRefused(problems);
      return {
        ok: true as const,
        moved: outcomes.filter((o) => o.outcome === "moved").length,
        duplicates: outcomes.filter((o) => o.outcome === "duplicate").length,
        unchanged: outcomes.filter((o) => o.outcome === "unchanged").length,
      };
    },
    { timeout: 120_000 },
  ).catch((err: unknown) => {
    if (err instanceof RowsRefused) return { ok: false as const, problems: err.problems };
    throw err;
  });
}

class RowsRefused extends Error {
  constructor(readonly problems: TRowProblem[]) {
    super("rows refused");
  }
}

export async function createBatch(input: { planId: number; code: string; note?: string; sentAt?: Date }, actor: Actor): Promise<{ id: number }> {
  return db().$transaction(async (tx) => {
    const plan = await planFor(tx, input.planId);
    assertPlanAllows(plan, "forms.dispatch");
    const exists = await tx.dispatchBatch.findUnique({ where: { planId_code: { planId: plan.id, code: input.code } } });
    if (exists) throw invalid(t.batchExists(input.code), { code: [t.batchExists(input.code)] });
    const batch = await tx.dispatchBatch.create({ data: { planId: plan.id, code: input.code, note: input.note, sentAt: input.sentAt ?? null } });
    await recordAudit(tx, { actor, action: "batch.create", entity: "DispatchBatch", entityId: batch.id, planId: plan.id, after: { code: input.code, note: input.note ?? null } });
    return { id: batch.id };
  });
}
