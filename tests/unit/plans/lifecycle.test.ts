import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  actionsAllowedIn, assertPlanAllows, checkTransition, PLAN_ACTION_NAMES, PLAN_STATES, planAllows, transitionsFrom, type PlanAction, type PlanFacts,
} from "@/lib/plans/lifecycle";
import { planStateLabels } from "@/lib/i18n/plans";
import type { PlanState } from "@/lib/generated/prisma/enums";

/**
 * The expected table, written out independently of lib/plans/lifecycle.ts: one row per
 * action, one letter per state in lifecycle order
 * (D=DRAFT A=APPROVED F=FRAME S=SAMPLED W=FIELDWORK E=ENTRY N=ANALYSIS P=PUBLISHED R=ARCHIVED).
 */
const EXPECTED: Record<PlanAction, string> = {
  //                    DAFSWENPR
  "plan.editInfo": "DAFSWEN..",
  "plan.editScope": "DAF......",
  "plan.editMethod": "DAFSWEN..",
  "plan.milestoneDone": "DAFSWENP.",
  "plan.delete": "D........",
  "frames.import": "..F......",
  "frames.delete": "..F......",
  "sampling.preview": "..FS.....",
  "sampling.draw": "..FS.....",
  "sampling.lock": "..FS.....",
  "sampling.verify": "...SWENPR",
  "sample.export": "...SWE...",
  "forms.create": "...SW....",
  "forms.print": "...SW....",
  "forms.dispatch": "...SW....",
  "forms.track": "...SWE...",
  "forms.replace": "....WE...",
  "entry.write": "....WE...",
  "entry.online": "....WE...",
  "entry.reconcile": "....WEN..",
  "answers.edit": "....WEN..",
  "callbacks.write": "....WEN..",
  "results.compute": ".....EN..",
  "results.publish": "......N..",
  "personal.purge": "........R",
};

const NO_SENT: PlanFacts = { formsSent: 0 };

describe("plan lifecycle: every state × every action", () => {
  it("covers every action the module knows", () => {
    expect([...PLAN_ACTION_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const action of PLAN_ACTION_NAMES) {
    PLAN_STATES.forEach((state, i) => {
      const allowed = EXPECTED[action][i] !== ".";
      it(`${action} in ${state}: ${allowed ? "allowed" : "refused"}`, () => {
        const v = planAllows({ state, title: "Kế hoạch thử" }, action, NO_SENT);
        expect(v.ok).toBe(allowed);
        if (!v.ok) {
          // The refusal names the plan and its state and says what to do.
          expect(v.message).toContain("Không thể ");
          expect(v.message).toContain("“Kế hoạch thử”");
          expect(v.message).toContain(`“${planStateLabels[state]}”`);
          expect(v.message.length).toBeGreaterThan(80);
        }
        expect(actionsAllowedIn(state).includes(action)).toBe(allowed);
      });
    });
  }
});

describe("refusals say what to do instead", () => {
  it("importing frames in DRAFT tells to approve and open frame collection", () => {
    const v = planAllows({ state: "DRAFT" }, "frames.import");
    expect(v.ok).toBe(false);
    expect(!v.ok && v.message).toMatch(/Bắt đầu thu thập danh sách/);
  });
  it("editing answers after publication says the published result is final", () => {
    const v = planAllows({ state: "PUBLISHED" }, "answers.edit");
    expect(!v.ok && v.message).toMatch(/bản chốt/);
  });
  it("archiving personal data purge before archive is refused", () => {
    expect(planAllows({ state: "PUBLISHED" }, "personal.purge").ok).toBe(false);
  });
  it("assertPlanAllows throws a CONFLICT AppError carrying the message", () => {
    try {
      assertPlanAllows({ state: "ENTRY", title: "KH" }, "plan.editScope");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("CONFLICT");
      expect((err as AppError).message).toMatch(/Mở lại thu thập danh sách/);
    }
  });
});

describe("re-drawing the sample", () => {
  it("is allowed in SAMPLED while no form has left the office", () => {
    expect(planAllows({ state: "SAMPLED" }, "sampling.draw", { formsSent: 0 }).ok).toBe(true);
  });
  it("is refused once a form was dispatched, with the count", () => {
    const v = planAllows({ state: "SAMPLED", title: "KH 2025" }, "sampling.draw", { formsSent: 12 });
    expect(v.ok).toBe(false);
    expect(!v.ok && v.message).toMatch(/đã có 12 phiếu được gửi/);
  });
  it("fails closed when the caller did not gather the fact", () => {
    expect(() => planAllows({ state: "SAMPLED" }, "sampling.draw")).toThrow(/formsSent/);
  });
  it("needs no facts in FRAME", () => {
    expect(planAllows({ state: "FRAME" }, "sampling.draw").ok).toBe(true);
  });
});

describe("transitions", () => {
  const facts: PlanFacts = {
    units: 3, scopeProblems: [], lockedDraws: 1, formsTotal: 5, formsSent: 5, formsAwaitingEntry: 0, openDifferences: 0, publishedSnapshots: 1,
  };
  const legal = { legalNumber: "12/KH-UBND", legalDate: new Date("2025-03-01") };
  const FORWARD: [PlanState, PlanState][] = [
    ["DRAFT", "APPROVED"], ["APPROVED", "FRAME"], ["FRAME", "SAMPLED"], ["SAMPLED", "FIELDWORK"], ["FIELDWORK", "ENTRY"],
    ["ENTRY", "ANALYSIS"], ["ANALYSIS", "PUBLISHED"], ["PUBLISHED", "ARCHIVED"],
  ];

  it("allows exactly the forward chain and two steps back", () => {
    const all = PLAN_STATES.flatMap((s) => transitionsFrom(s).map((t) => `${t.from}->${t.to}`));
    expect(all.sort()).toEqual([...FORWARD.map(([a, b]) => `${a}->${b}`), "SAMPLED->FRAME", "ANALYSIS->ENTRY"].sort());
  });

  it.each(FORWARD)("%s → %s passes when its preconditions hold", (from, to) => {
    expect(checkTransition({ state: from, ...legal }, to, facts).ok).toBe(true);
  });

  it("refuses skipping states and going back arbitrarily", () => {
    for (const [from, to] of [["DRAFT", "FRAME"], ["PUBLISHED", "ANALYSIS"], ["ARCHIVED", "PUBLISHED"], ["FIELDWORK", "SAMPLED"]] as const) {
      const v = checkTransition({ state: from, ...legal }, to, facts);
      expect(v.ok).toBe(false);
      expect(!v.ok && v.problems[0]).toMatch(/Không thể chuyển kế hoạch/);
    }
  });

  it("lists every unmet precondition of approval", () => {
    const v = checkTransition({ state: "DRAFT", legalNumber: null, legalDate: null }, "APPROVED", { units: 0, scopeProblems: ["Đơn vị X001 không thể đưa vào kế hoạch"] });
    expect(v.ok).toBe(false);
    expect(!v.ok && v.problems).toHaveLength(3);
  });

  it("needs a locked draw to confirm sampling, forms to start fieldwork, a published snapshot to publish", () => {
    expect(checkTransition({ state: "FRAME" }, "SAMPLED", { lockedDraws: 0 }).ok).toBe(false);
    expect(checkTransition({ state: "SAMPLED" }, "FIELDWORK", { formsTotal: 0 }).ok).toBe(false);
    expect(checkTransition({ state: "ANALYSIS" }, "PUBLISHED", { publishedSnapshots: 0 }).ok).toBe(false);
  });

  it("reopens frame collection only while no form exists", () => {
    expect(checkTransition({ state: "SAMPLED" }, "FRAME", { formsTotal: 0 }).ok).toBe(true);
    const v = checkTransition({ state: "SAMPLED" }, "FRAME", { formsTotal: 4 });
    expect(!v.ok && v.problems[0]).toMatch(/Đã tạo 4 phiếu/);
  });

  it("ends entry only when nothing waits to be typed or reconciled", () => {
    const v = checkTransition({ state: "ENTRY" }, "ANALYSIS", { formsAwaitingEntry: 2, openDifferences: 1 });
    expect(!v.ok && v.problems).toHaveLength(2);
  });

  it("marks publication as done elsewhere and steps back as such", () => {
    expect(transitionsFrom("ANALYSIS").find((t) => t.to === "PUBLISHED")?.manual).toBe(false);
    expect(transitionsFrom("SAMPLED").find((t) => t.to === "FRAME")?.back).toBe(true);
  });
});
