import { db } from "@/lib/db";
import type { FormState, SurveyMode } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/session";
import { AppError, conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { assertPlanAllows } from "@/lib/plans/lifecycle";
import { formatFormCode } from "@/lib/forms/form-code";
import { parseScannedFormCode } from "@/lib/forms/code-input";
import { ELECTRONIC_MODES, FORM_STATE_LABELS } from "@/lib/forms/state-machine";
import { formatDateTime } from "@/lib/i18n/format";
import { entryText as t } from "@/lib/i18n/entry";
import type { TCells } from "./answer-cells";
import { clientQuestionnaire, loadQuestionnaire, type TClientQuestionnaire } from "./questionnaire";
import { readCells } from "./responses";

/**
 * What the entry screen gets when a clerk types a form code: the form, what may be done
 * with it (first entry, blind second entry, correction) and the questionnaire; or a
 * refusal that says why (no such code, not yet returned, another clerk's unit, already
 * entered — with the offer to open it).
 */

export type TEntryIntent = "first" | "second" | "correct";

export type TEntryForm = {
  formId: number;
  code: string;
  display: string;
  unitName: string;
  planTitle: string;
  state: FormState;
  version: number;
  intent: TEntryIntent;
  questionnaireVersionId: number;
  questionnaire: TClientQuestionnaire;
  /** The saved answers, for a correction only (a second entry is blind). */
  cells?: TCells;
};

/** Details of an "already entered" refusal: the screen then offers to open the saved form. */
export type TAlreadyEntered = { alreadyEntered: true; code: string };

export function parseEntryCode(raw: string): string {
  const parsed = parseScannedFormCode(raw);
  if (!parsed.ok) throw invalid(parsed.reason, { code: [parsed.reason] });
  return parsed.code;
}

/** Refuses a clerk who is not assigned the form's unit (ADMIN may enter any unit). */
export function assertUnitScope(user: SessionUser, unitId: number, display: string, unitName: string): void {
  if (user.role === "CLERK" && !user.unitIds.includes(unitId)) throw forbidden(t.refuse.otherUnit(display, unitName));
}

const BEFORE_RETURN: readonly FormState[] = ["CREATED", "PRINTED", "DISPATCHED", "DELIVERED", "NOT_RETURNED"];

/** The refusal for a form that is not RETURNED, ENTERED or VERIFIED. */
export function notEnterableError(state: FormState, display: string): AppError {
  const label = FORM_STATE_LABELS[state];
  return conflict(BEFORE_RETURN.includes(state) ? t.refuse.notReturned(display, label) : t.refuse.notEnterable(display, label));
}

export type TRoundInfo = { id: number; round: number; mode: SurveyMode; enteredById: number | null; enteredBy: string | null; createdAt: Date };

export function alreadyEnteredError(display: string, code: string, first: TRoundInfo): AppError {
  const details: TAlreadyEntered = { alreadyEntered: true, code };
  return new AppError("CONFLICT", t.refuse.alreadyEntered(display, first.enteredBy ?? "—", formatDateTime(first.createdAt)), undefined, details);
}

export async function lookupForEntry(rawCode: string, user: SessionUser, open: boolean): Promise<TEntryForm> {
  const code = parseEntryCode(rawCode);
  const display = formatFormCode(code);
  const form = await db().form.findUnique({
    where: { code },
    select: {
      id: true, code: true, state: true, version: true, doubleEntry: true, unitId: true,
      unit: { select: { name: true } },
      plan: { select: { title: true, state: true, questionnaireVersionId: true } },
      responses: { select: { id: true, round: true, mode: true, enteredById: true, createdAt: true, enteredBy: { select: { fullName: true } } } },
    },
  });
  if (!form) throw notFound(t.refuse.noSuchForm(display));
  assertUnitScope(user, form.unitId, display, form.unit.name);
  const rounds: TRoundInfo[] = form.responses.map((r) => ({ ...r, enteredBy: r.enteredBy?.fullName ?? null }));
  const first = rounds.find((r) => r.round === 1);
  const second = rounds.find((r) => r.round === 2);

  let intent: TEntryIntent;
  if (form.state === "RETURNED") {
    assertPlanAllows(form.plan, "entry.write");
    intent = "first";
  } else if ((form.state === "ENTERED" || form.state === "VERIFIED") && first) {
    if (ELECTRONIC_MODES.includes(first.mode)) throw conflict(t.refuse.answeredOnline(display, formatDateTime(first.createdAt)));
    const secondDue = form.doubleEntry && form.state === "ENTERED" && !second;
    if (secondDue && first.enteredById !== user.id) {
      assertPlanAllows(form.plan, "entry.write");
      intent = "second";
    } else if (open) {
      assertPlanAllows(form.plan, "answers.edit");
      intent = "correct";
    } else {
      throw alreadyEnteredError(display, code, first);
    }
  } else {
    throw notEnterableError(form.state, display);
  }

  const lq = await loadQuestionnaire(db(), form.plan.questionnaireVersionId);
  return {
    formId: form.id,
    code,
    display,
    unitName: form.unit.name,
    planTitle: form.plan.title,
    state: form.state,
    version: form.version,
    intent,
    questionnaireVersionId: lq.versionId,
    questionnaire: clientQuestionnaire(lq.q),
    ...(intent === "correct" && first ? { cells: await readCells(db(), first.id, lq) } : {}),
  };
}
