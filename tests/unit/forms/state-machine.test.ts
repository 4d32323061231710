import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FORM_STATES,
  FORM_STATE_LABELS,
  FormTransitionError,
  REPLACEABLE_STATES,
  SURVEY_MODES,
  TERMINAL_STATES,
  assertTransition,
  canTransition,
  mayBeReplaced,
  nextStates,
  type FormState,
  type SurveyMode,
} from "@/lib/forms/state-machine";

/** The documented table (docs/decisions/2026-11-23-form-codes.md), written out independently of the code. */
const CUSTODY: Record<FormState, FormState[]> = {
  CREATED: ["PRINTED", "SPOILED"],
  PRINTED: ["DISPATCHED", "DELIVERED", "SPOILED"],
  DISPATCHED: ["DELIVERED", "RETURNED", "UNDELIVERABLE", "REFUSED", "NOT_RETURNED"],
  DELIVERED: ["RETURNED", "REFUSED", "NOT_RETURNED"],
  RETURNED: ["REFUSED"],
  ENTERED: ["VERIFIED"],
  VERIFIED: [],
  UNDELIVERABLE: ["REPLACED"],
  REFUSED: ["REPLACED"],
  NOT_RETURNED: ["RETURNED", "REPLACED"],
  REPLACED: [],
  SPOILED: [],
};
/** ENTERED by a response that came without paper (online, kiosk, phone). */
const ELECTRONIC_ENTRY_FROM: FormState[] = ["PRINTED", "DISPATCHED", "DELIVERED", "NOT_RETURNED"];
const ELECTRONIC: SurveyMode[] = ["ONLINE", "KIOSK", "PHONE"];

function expected(from: FormState, to: FormState, mode: SurveyMode | undefined): boolean {
  if (to === "ENTERED") {
    return mode !== undefined && ELECTRONIC.includes(mode) ? ELECTRONIC_ENTRY_FROM.includes(from) : from === "RETURNED";
  }
  return CUSTODY[from].includes(to);
}

const MODES: (SurveyMode | undefined)[] = [undefined, ...SURVEY_MODES];

function reach(start: FormState): Set<FormState> {
  const seen = new Set<FormState>([start]);
  const todo = [start];
  while (todo.length > 0) {
    const s = todo.pop() as FormState;
    for (const mode of MODES) {
      for (const t of nextStates(s, mode)) {
        if (seen.has(t)) continue;
        seen.add(t);
        todo.push(t);
      }
    }
  }
  return seen;
}

describe("form state machine", () => {
  it("allows exactly the documented moves, for every pair of states and every mode", () => {
    const mismatches: string[] = [];
    for (const from of FORM_STATES)
      for (const to of FORM_STATES)
        for (const mode of MODES) {
          if (canTransition(from, to, mode) !== expected(from, to, mode)) mismatches.push(`${from}→${to} (${mode ?? "no mode"})`);
        }
    expect(mismatches).toEqual([]);
  });

  it("lists next states consistently with canTransition", () => {
    for (const from of FORM_STATES)
      for (const mode of MODES) expect(nextStates(from, mode)).toEqual(FORM_STATES.filter((to) => expected(from, to, mode)));
  });

  it("ends only in VERIFIED, REPLACED or SPOILED", () => {
    expect([...TERMINAL_STATES].sort()).toEqual(["REPLACED", "SPOILED", "VERIFIED"]);
  });

  it("reaches every state from CREATED and can always reach an end", () => {
    expect(reach("CREATED").size).toBe(FORM_STATES.length);
    for (const s of FORM_STATES) expect(TERMINAL_STATES.some((t) => reach(s).has(t))).toBe(true);
  });

  it("never leaves the listed states on a random walk, and counts a response only once", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.constantFrom(...MODES)), { maxLength: 30 }), (steps) => {
        let state: FormState = "CREATED";
        let entered = 0;
        for (const [pick, mode] of steps) {
          const options = nextStates(state, mode);
          if (options.length === 0) break;
          const next = options[pick % options.length] as FormState;
          assertTransition(state, next, mode);
          if (next === "ENTERED") entered++;
          state = next;
          if (!FORM_STATES.includes(state)) return false;
        }
        return entered <= 1;
      }),
      { numRuns: 2_000 },
    );
  });

  it("refuses with a typed error in Vietnamese that says what is allowed instead", () => {
    const err = (() => {
      try {
        assertTransition("PRINTED", "RETURNED");
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(FormTransitionError);
    const e = err as FormTransitionError;
    expect(e.from).toBe("PRINTED");
    expect(e.allowed).toEqual(["DISPATCHED", "DELIVERED", "SPOILED"]);
    expect(e.message).toContain("Không thể chuyển phiếu từ trạng thái “Đã in” sang “Đã thu về”");
    expect(e.message).toContain("“Đã giao bưu điện”");
    expect(e.message).toContain("khi có trả lời trực tuyến");
  });

  it("explains that paper must come back before it is entered, and that a returned paper form takes no online answer", () => {
    expect(() => assertTransition("DISPATCHED", "ENTERED")).toThrow(/trả lời trực tuyến, tại kiosk hoặc qua điện thoại/);
    expect(() => assertTransition("DISPATCHED", "ENTERED", "ONLINE")).not.toThrow();
    expect(() => assertTransition("RETURNED", "ENTERED", "ONLINE")).toThrow(/mỗi phiếu chỉ có một câu trả lời/);
    expect(() => assertTransition("RETURNED", "ENTERED", "POST")).not.toThrow();
    expect(() => assertTransition("VERIFIED", "ENTERED")).toThrow(/trạng thái cuối cùng/);
  });

  it("labels every state in Vietnamese and marks which may be replaced", () => {
    for (const s of FORM_STATES) expect(FORM_STATE_LABELS[s]).toMatch(/\p{L}/u);
    expect(new Set(Object.values(FORM_STATE_LABELS)).size).toBe(FORM_STATES.length);
    expect([...REPLACEABLE_STATES].sort()).toEqual(["NOT_RETURNED", "REFUSED", "UNDELIVERABLE"]);
    for (const s of FORM_STATES) expect(mayBeReplaced(s)).toBe(REPLACEABLE_STATES.includes(s));
    for (const s of REPLACEABLE_STATES) expect(canTransition(s, "REPLACED")).toBe(true);
  });
});
