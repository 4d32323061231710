import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyKey, keyLegend, step, type TEntryCursor } from "@/lib/entry/keys";
import { BUILTIN_TEMPLATES } from "@/lib/sipas/templates";
import { checkCells } from "@/lib/entry/answer-cells";
import type { TItem } from "@/lib/sipas/questionnaire";

const Q = BUILTIN_TEMPLATES.classic;
const item = (code: string) => Q.items.find((i) => i.code === code) as TItem;
const start: TEntryCursor = { cells: {}, cursor: 0, sub: 0 };

function run(keys: string[]): TEntryCursor {
  let s = start;
  for (const k of keys) s = step(Q.items, s, k) ?? s;
  return s;
}

describe("one key per answer", () => {
  it("1–5, 0, *, / on a satisfaction item: set and move on", () => {
    expect(applyKey(item("TC1.1"), undefined, 0, "4")).toEqual({ cell: "4", advance: true });
    expect(applyKey(item("TC1.1"), undefined, 0, "0")).toEqual({ cell: "", advance: true });
    expect(applyKey(item("TC1.1"), undefined, 0, "*")).toEqual({ cell: "M", advance: true });
    expect(applyKey(item("TC1.1"), undefined, 0, "/")).toEqual({ cell: "U", advance: true });
    expect(applyKey(item("TC1.1"), undefined, 0, "6")).toBeNull();
    expect(applyKey(item("TC1.1"), undefined, 0, "x")).toBeNull();
  });

  it("single choices are picked by position: NĐ2 “2” is Không (K)", () => {
    expect(applyKey(item("NĐ2"), undefined, 0, "2")).toEqual({ cell: "K", advance: true });
    expect(applyKey(item("NĐ2"), undefined, 0, "3")).toBeNull();
    expect(keyLegend(item("NN")).map((k) => k.key)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
  });

  it("multi-choice: digits toggle (a is the 10th option), 0 is blank, Space moves on, the k-th choice moves on by itself", () => {
    const md1 = item("MD1");
    expect(applyKey(md1, undefined, 0, "1")).toEqual({ cell: "1", advance: false });
    expect(applyKey(md1, "1", 0, "1")).toEqual({ cell: "", advance: false });
    expect(applyKey(md1, "1", 0, "a")).toEqual({ cell: "1;10", advance: false });
    expect(applyKey(md1, undefined, 0, "0")).toEqual({ cell: "", advance: true });
    expect(applyKey(md1, "1", 0, "0")).toBeNull();
    expect(keyLegend(md1).map((k) => k.key).slice(8)).toEqual(["9", "a"]);
    expect(applyKey(md1, "1;10", 0, "5")).toEqual({ cell: "1;5;10", advance: true });
    expect(applyKey(md1, "1;5", 0, " ")).toEqual({ cell: "1;5", advance: true });
    expect(applyKey(md1, undefined, 0, " ")).toEqual({ cell: "", advance: true });
    expect(applyKey(md1, "1", 0, "*")).toEqual({ cell: "M", advance: true });
  });

  it("a whole classic form takes exactly one key per non-text item", () => {
    const keys = Q.items.filter((i) => i.kind !== "text").map((i) => (i.kind === "expectation" ? "0" : "1"));
    const s = run(keys);
    expect(s.cursor).toBe(Q.items.length - 1);
    const cells = Object.fromEntries(Q.items.map((i) => [i.code, s.cells[i.code] ?? ""]));
    expect(checkCells(Q, cells).ok).toBe(true);
  });

  it("whatever keys are pressed, the answers stay valid cells and the cursor stays on the form", () => {
    const keyArb = fc.constantFrom("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "/", " ", "m", "u", "x", "ArrowUp", "ArrowDown", "Backspace", "Tab");
    fc.assert(
      fc.property(fc.array(keyArb, { maxLength: 120 }), (keys) => {
        const s = run(keys);
        expect(s.cursor).toBeGreaterThanOrEqual(0);
        expect(s.cursor).toBeLessThanOrEqual(Q.items.length);
        const cells = Object.fromEntries(Q.items.map((i) => [i.code, s.cells[i.code] ?? ""]));
        const checked = checkCells(Q, cells);
        expect(checked.ok).toBe(true);
      }),
    );
  });

  it("Backspace clears the current answer, then the one before", () => {
    let s = run(["4", "5"]);
    expect(s.cursor).toBe(2);
    s = step(Q.items, s, "Backspace")!;
    expect(s).toMatchObject({ cursor: 1, cells: { "TC1.1": "4", "TC1.2": undefined } });
  });
});
