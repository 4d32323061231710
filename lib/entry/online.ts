import { db } from "@/lib/db";
import type { PlanState } from "@/lib/generated/prisma/enums";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { conflict, invalid, notFound } from "@/lib/errors";
import { planAllows } from "@/lib/plans/lifecycle";
import { formatFormCode } from "@/lib/forms/form-code";
import { parseScannedFormCode } from "@/lib/forms/code-input";
import { canTransition } from "@/lib/forms/state-machine";
import { lockFormByCode, moveForm } from "@/lib/forms/transition";
import { onlineText as t } from "@/lib/i18n/online";
import { checkCells } from "./answer-cells";
import { clientQuestionnaire, loadQuestionnaire, type TClientQuestionnaire } from "./questionnaire";
import { createResponse, remember, replayed, requestSha } from "./responses";
import { answerBlocked, countLookup } from "./throttle";
import type { TOnlineAnswer } from "./schemas";

/**
 * Online answering by form code (SIPAS-METHOD §6, mode ONLINE): no sign-in and no personal
 * data — the page shows the questionnaire and the unit being rated, nothing about the
 * person. The answer is the form's one counted response (round 1), whatever the mode.
 */

export type TPublicForm =
  | { status: "open"; code: string; display: string; unitName: string; planTitle: string; questionnaire: TClientQuestionnaire }
  | { status: "answered" | "closed" | "notStarted" | "ended" | "notFound" | "blocked" | "invalid"; display: string; message: string };

function planVerdict(plan: { state: PlanState; title: string }): "ok" | "notStarted" | "ended" {
  if (planAllows(plan, "entry.online").ok) return "ok";
  return ["DRAFT", "APPROVED", "FRAME", "SAMPLED"].includes(plan.state) ? "notStarted" : "ended";
}

/** The form behind a typed or scanned code, as the public page may show it. Counts the attempt. */
export async function lookupPublicForm(raw: string, ip: string): Promise<TPublicForm> {
  const blocked = await answerBlocked(ip);
  if (blocked) return { status: "blocked", display: "", message: blocked };
  const parsed = parseScannedFormCode(raw);
  if (!parsed.ok) {
    await countLookup(ip, true);
    return { status: "invalid", display: raw.slice(0, 40), message: parsed.reason };
  }
  const display = formatFormCode(parsed.code);
  const form = await db().form.findUnique({
    where: { code: parsed.code },
    select: { state: true, unit: { select: { name: true } }, plan: { select: { state: true, title: true, questionnaireVersionId: true } } },
  });
  // A form not yet printed cannot be in anybody's hands: answer as if it did not exist.
  const exists = form !== null && form.state !== "CREATED";
  await countLookup(ip, !exists);
  if (!form || !exists) return { status: "notFound", display, message: t.notFound };
  if (form.state === "ENTERED" || form.state === "VERIFIED") return { status: "answered", display, message: t.answered };
  if (!canTransition(form.state, "ENTERED", "ONLINE")) return { status: "closed", display, message: t.closed };
  const verdict = planVerdict(form.plan);
  if (verdict !== "ok") return { status: verdict, display, message: verdict === "notStarted" ? t.notStarted : t.ended };
  const lq = await loadQuestionnaire(db(), form.plan.questionnaireVersionId);
  return { status: "open", code: parsed.code, display, unitName: form.unit.name, planTitle: form.plan.title, questionnaire: clientQuestionnaire(lq.q) };
}

export type TOnlineResult = { display: string; message: string; replay?: boolean };

/** Records an online answer; a retried submission returns the first one's result. */
export async function submitOnlineAnswer(input: TOnlineAnswer, ip: string): Promise<TOnlineResult> {
  const blocked = await answerBlocked(ip);
  if (blocked) throw conflict(blocked);
  const parsed = parseScannedFormCode(input.code);
  if (!parsed.ok) {
    await countLookup(ip, true);
    throw invalid(parsed.reason);
  }
  const display = formatFormCode(parsed.code);
  const actor: Actor = { id: null, name: "người trả lời trực tuyến", ip };
  const sha = requestSha({ code: parsed.code, cells: input.cells });
  const outcome = await db().$transaction(async (tx) => {
    const form = await lockFormByCode(tx, parsed.code);
    if (!form || form.state === "CREATED") return "notFound" as const;
    const key = `online:${form.id}:${input.key}`;
    const seen = await replayed<TOnlineResult>(tx, key, sha);
    if (seen && !("mismatch" in seen)) return { ...seen.result, replay: true };
    if (form.state === "ENTERED" || form.state === "VERIFIED") throw conflict(t.answered);
    if (!canTransition(form.state, "ENTERED", "ONLINE")) throw conflict(t.closed);
    const plan = await tx.plan.findUniqueOrThrow({ where: { id: form.planId }, select: { state: true, title: true, questionnaireVersionId: true } });
    const verdict = planVerdict(plan);
    if (verdict !== "ok") throw conflict(verdict === "notStarted" ? t.notStarted : t.ended);
    const lq = await loadQuestionnaire(tx, plan.questionnaireVersionId);
    const checked = checkCells(lq.q, input.cells);
    if (!checked.ok) throw invalid(Object.values(checked.errors).flat()[0] ?? t.closed, checked.errors);
    const responseId = await createResponse(tx, { formId: form.id, round: 1, mode: "ONLINE", enteredById: null, rows: checked.rows, lq });
    const result: TOnlineResult = { display, message: t.thanks };
    await remember(tx, key, "online.answer", sha, result);
    await moveForm(tx, form, "ENTERED", { actor, mode: "ONLINE", set: { mode: "ONLINE" } });
    await recordAudit(tx, {
      actor, action: "response.online", entity: "Response", entityId: responseId, planId: form.planId,
      after: { form: form.code, round: 1, mode: "ONLINE", answers: checked.cells },
    });
    return result;
  });
  if (outcome === "notFound") {
    await countLookup(ip, true);
    throw notFound(t.notFound);
  }
  return outcome;
}
