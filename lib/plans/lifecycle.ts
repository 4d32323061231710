/**
 * The plan lifecycle (SIPAS-METHOD §2), pure: which state moves are allowed, and which
 * actions each state permits, with Vietnamese refusals that say what to do instead.
 *
 * DRAFT → APPROVED → FRAME → SAMPLED → FIELDWORK → ENTRY → ANALYSIS → PUBLISHED → ARCHIVED,
 * plus two steps back: SAMPLED → FRAME (late lists, only while no form exists) and
 * ANALYSIS → ENTRY (late corrections, before publication).
 *
 * Other modules call, inside their transaction, `requirePlanAllows(tx, planId, action)`
 * (lib/plans/guard.ts: locks the plan row and gathers the facts) or, when they already
 * hold the plan and the facts, `assertPlanAllows(plan, action, facts)` from here.
 * Action names and the states that permit them:
 *
 *   plan.editInfo      title, legal basis, budget, survey modes, milestone dates   DRAFT … ANALYSIS
 *   plan.editScope     window, units, questionnaire, strata, size rules, overrides,
 *                      reserve share, double-entry share                         DRAFT, APPROVED, FRAME
 *   plan.editMethod    eligibility minimum, element method                         DRAFT … ANALYSIS
 *   plan.milestoneDone mark a milestone done / not done                            DRAFT … PUBLISHED
 *   plan.delete        delete the plan                                             DRAFT
 *   frames.import      import a frame file or API batch                            FRAME
 *   frames.delete      remove an imported frame                                    FRAME
 *   sampling.preview   allocation preview                                          FRAME, SAMPLED
 *   sampling.draw      draw (FRAME), re-draw (SAMPLED, only while no form was sent:
 *                      needs facts.formsSent)                                      FRAME, SAMPLED
 *   sampling.lock      lock a draw                                                 FRAME, SAMPLED
 *   sampling.verify    re-run a locked draw                                        SAMPLED … ARCHIVED
 *   sample.export      sample list for the post office                             SAMPLED, FIELDWORK, ENTRY
 *   forms.create       create forms (and replacement forms)                        SAMPLED, FIELDWORK
 *   forms.print        print forms                                                 SAMPLED, FIELDWORK
 *   forms.dispatch     dispatch batches                                            SAMPLED, FIELDWORK
 *   forms.track        delivery/return/spoiled states                              SAMPLED, FIELDWORK, ENTRY
 *   forms.replace      replace a form from the reserve                             FIELDWORK, ENTRY
 *   entry.write        first and second entry by clerks                            FIELDWORK, ENTRY
 *   entry.online       online / kiosk / phone answers                              FIELDWORK, ENTRY
 *   entry.reconcile    reconcile double entry                                      FIELDWORK, ENTRY, ANALYSIS
 *   answers.edit       audited correction of entered answers                       FIELDWORK, ENTRY, ANALYSIS
 *   callbacks.write    call-back verification (phúc tra)                           FIELDWORK, ENTRY, ANALYSIS
 *   results.compute    compute a results snapshot                                  ENTRY, ANALYSIS
 *   results.publish    publish a snapshot (then transition to PUBLISHED)           ANALYSIS
 *   personal.purge     purge the frame's personal data                             ARCHIVED
 */
import type { PlanState } from "@/lib/generated/prisma/enums";
import { conflict } from "@/lib/errors";
import { lifecycleText, planActionText, transitionText, type TransitionKey } from "@/lib/i18n/plan-lifecycle";
import { planStateLabels, plansText } from "@/lib/i18n/plans";

export const PLAN_STATES = ["DRAFT", "APPROVED", "FRAME", "SAMPLED", "FIELDWORK", "ENTRY", "ANALYSIS", "PUBLISHED", "ARCHIVED"] as const satisfies readonly PlanState[];

const from = (first: PlanState, last: PlanState): PlanState[] => PLAN_STATES.slice(PLAN_STATES.indexOf(first), PLAN_STATES.indexOf(last) + 1);

export const PLAN_ACTIONS = {
  "plan.editInfo": from("DRAFT", "ANALYSIS"),
  "plan.editScope": from("DRAFT", "FRAME"),
  "plan.editMethod": from("DRAFT", "ANALYSIS"),
  "plan.milestoneDone": from("DRAFT", "PUBLISHED"),
  "plan.delete": ["DRAFT"],
  "frames.import": ["FRAME"],
  "frames.delete": ["FRAME"],
  "sampling.preview": ["FRAME", "SAMPLED"],
  "sampling.draw": ["FRAME", "SAMPLED"],
  "sampling.lock": ["FRAME", "SAMPLED"],
  "sampling.verify": from("SAMPLED", "ARCHIVED"),
  "sample.export": ["SAMPLED", "FIELDWORK", "ENTRY"],
  "forms.create": ["SAMPLED", "FIELDWORK"],
  "forms.print": ["SAMPLED", "FIELDWORK"],
  "forms.dispatch": ["SAMPLED", "FIELDWORK"],
  "forms.track": ["SAMPLED", "FIELDWORK", "ENTRY"],
  "forms.replace": ["FIELDWORK", "ENTRY"],
  "entry.write": ["FIELDWORK", "ENTRY"],
  "entry.online": ["FIELDWORK", "ENTRY"],
  "entry.reconcile": ["FIELDWORK", "ENTRY", "ANALYSIS"],
  "answers.edit": ["FIELDWORK", "ENTRY", "ANALYSIS"],
  "callbacks.write": ["FIELDWORK", "ENTRY", "ANALYSIS"],
  "results.compute": ["ENTRY", "ANALYSIS"],
  "results.publish": ["ANALYSIS"],
  "personal.purge": ["ARCHIVED"],
} as const satisfies Record<keyof typeof planActionText, readonly PlanState[]>;

export type PlanAction = keyof typeof PLAN_ACTIONS;
export const PLAN_ACTION_NAMES = Object.keys(PLAN_ACTIONS) as PlanAction[];

/** What the checks need to know beyond the plan row; gathered by lib/plans/guard.ts. */
export type PlanFacts = {
  /** Units in scope. */
  units?: number;
  /** Problems of the scope and settings (units no longer valid, rules not covering…). */
  scopeProblems?: readonly string[];
  /** Draws with status LOCKED. */
  lockedDraws?: number;
  /** Forms of the plan, any state. */
  formsTotal?: number;
  /** Forms that left the office: any state but CREATED, PRINTED and SPOILED. */
  formsSent?: number;
  /** Forms RETURNED and not yet entered. */
  formsAwaitingEntry?: number;
  /** Double-entry differences not yet decided. */
  openDifferences?: number;
  /** Result snapshots marked published. */
  publishedSnapshots?: number;
};
export type PlanFactKey = keyof PlanFacts;

/** The plan fields the checks read. */
export type PlanLike = { state: PlanState; title?: string; legalNumber?: string | null; legalDate?: Date | null };

export type Verdict = { ok: true } | { ok: false; message: string };

function need<K extends PlanFactKey>(facts: PlanFacts | undefined, key: K): NonNullable<PlanFacts[K]> {
  const v = facts?.[key];
  // Failing closed: a caller that forgot to gather a fact must not slip through.
  if (v === undefined || v === null) throw new Error(`${plansText.lifecycle.factsMissing} (${key})`);
  return v as NonNullable<PlanFacts[K]>;
}

/** Facts an action needs in a given state (so callers gather only those). */
export function factsForAction(action: PlanAction, state: PlanState): PlanFactKey[] {
  return action === "sampling.draw" && state === "SAMPLED" ? ["formsSent"] : [];
}

const stateList = (states: readonly PlanState[]) => states.map((s) => `“${planStateLabels[s]}”`).join(lifecycleText.or);

export function planAllows(plan: PlanLike, action: PlanAction, facts?: PlanFacts): Verdict {
  const states: readonly PlanState[] = PLAN_ACTIONS[action];
  const text: { what: string; early?: string; late?: string } = planActionText[action];
  if (states.includes(plan.state)) {
    if (action === "sampling.draw" && plan.state === "SAMPLED") {
      const sent = need(facts, "formsSent");
      if (sent > 0) return { ok: false, message: lifecycleText.redrawAfterDispatch(plan.title, sent) };
    }
    return { ok: true };
  }
  const here = PLAN_STATES.indexOf(plan.state);
  const early = here < PLAN_STATES.indexOf(states[0]!);
  const hint = early ? (text.early ?? lifecycleText.onlyIn(stateList(states))) : (text.late ?? lifecycleText.onlyIn(stateList(states)));
  return { ok: false, message: `${lifecycleText.refused(text.what, plan.title, planStateLabels[plan.state])} ${hint}` };
}

/** Throws a CONFLICT AppError with the Vietnamese refusal when the action is not allowed. */
export function assertPlanAllows(plan: PlanLike, action: PlanAction, facts?: PlanFacts): void {
  const v = planAllows(plan, action, facts);
  if (!v.ok) throw conflict(v.message);
}

/** The actions a state permits (facts-dependent ones are listed: they may still refuse). */
export function actionsAllowedIn(state: PlanState): PlanAction[] {
  return PLAN_ACTION_NAMES.filter((a) => (PLAN_ACTIONS[a] as readonly PlanState[]).includes(state));
}

export type Transition = {
  key: TransitionKey;
  from: PlanState;
  to: PlanState;
  /** Offered as a button on the plan page; PUBLISHED is reached by publishing results. */
  manual: boolean;
  /** A step back: shown apart, with its consequences. */
  back: boolean;
  /** Facts the preconditions read. */
  facts: PlanFactKey[];
};

const t = (key: TransitionKey, facts: PlanFactKey[] = [], opts: { manual?: boolean; back?: boolean } = {}): Transition => {
  const [f, to] = key.split("->") as [PlanState, PlanState];
  return { key, from: f, to, manual: opts.manual ?? true, back: opts.back ?? false, facts };
};

export const TRANSITIONS: readonly Transition[] = [
  t("DRAFT->APPROVED", ["units", "scopeProblems"]),
  t("APPROVED->FRAME", ["units", "scopeProblems"]),
  t("FRAME->SAMPLED", ["lockedDraws"]),
  t("SAMPLED->FRAME", ["formsTotal"], { back: true }),
  t("SAMPLED->FIELDWORK", ["formsTotal"]),
  t("FIELDWORK->ENTRY"),
  t("ENTRY->ANALYSIS", ["formsAwaitingEntry", "openDifferences"]),
  t("ANALYSIS->ENTRY", [], { back: true }),
  t("ANALYSIS->PUBLISHED", ["publishedSnapshots"], { manual: false }),
  t("PUBLISHED->ARCHIVED"),
];

export function transitionsFrom(state: PlanState): Transition[] {
  return TRANSITIONS.filter((x) => x.from === state);
}

export function findTransition(fromState: PlanState, to: PlanState): Transition | undefined {
  return TRANSITIONS.find((x) => x.from === fromState && x.to === to);
}

export type TransitionVerdict = { ok: true; transition: Transition } | { ok: false; problems: string[] };

/** Whether the plan may move to `to` now; every unmet precondition is listed. */
export function checkTransition(plan: PlanLike, to: PlanState, facts: PlanFacts = {}): TransitionVerdict {
  const tr = findTransition(plan.state, to);
  const L = plansText.lifecycle;
  if (!tr) return { ok: false, problems: [L.notAllowedTransition(planStateLabels[plan.state], planStateLabels[to])] };
  const problems: string[] = [];
  switch (tr.key) {
    case "DRAFT->APPROVED":
    case "APPROVED->FRAME":
      if (!plan.legalNumber?.trim() || !plan.legalDate) problems.push(L.needLegal);
      if (need(facts, "units") === 0) problems.push(L.needUnits);
      problems.push(...need(facts, "scopeProblems"));
      break;
    case "FRAME->SAMPLED":
      if (need(facts, "lockedDraws") === 0) problems.push(L.needLockedDraw);
      break;
    case "SAMPLED->FRAME": {
      const forms = need(facts, "formsTotal");
      if (forms > 0) problems.push(L.formsExist(forms));
      break;
    }
    case "SAMPLED->FIELDWORK":
      if (need(facts, "formsTotal") === 0) problems.push(L.needForms);
      break;
    case "ENTRY->ANALYSIS": {
      const waiting = need(facts, "formsAwaitingEntry");
      const open = need(facts, "openDifferences");
      if (waiting > 0) problems.push(L.awaitingEntry(waiting));
      if (open > 0) problems.push(L.openDifferences(open));
      break;
    }
    case "ANALYSIS->PUBLISHED":
      if (need(facts, "publishedSnapshots") === 0) problems.push(L.needPublishedSnapshot);
      break;
    default:
      break;
  }
  return problems.length ? { ok: false, problems } : { ok: true, transition: tr };
}

export function transitionLabel(key: TransitionKey): string {
  return transitionText[key].label;
}
