import { describe, expect, it } from "vitest";
import { answerToCell, cellToAnswer, checkCells, describeCell, diffCells } from "@/lib/entry/answer-cells";
import { BUILTIN_TEMPLATES } from "@/lib/sipas/templates";
import { ZQuestionnaire, type TItem } from "@/lib/sipas/questionnaire";
import { decodeMultiText, decodeSingleValue } from "@/lib/results/answer-codec";
import { compileQuestionnaire } from "@/lib/sipas/layout";

const Q = BUILTIN_TEMPLATES.classic;
const item = (code: string) => Q.items.find((i) => i.code === code) as TItem;
const RATED = ZQuestionnaire.parse({
  template: "t", version: 1, title: "t", elements: [],
  items: [{ code: "R", kind: "expectation", mode: "rate3", text: "r", options: [{ code: "a", label: "A" }, { code: "b", label: "B" }] }],
}).items[0]!;

describe("answer cells ⇄ Answer rows", () => {
  it("maps each kind both ways and keeps blanks, multiple ticks and unreadable apart", () => {
    const cases: [string, string, object][] = [
      ["TC1.1", "4", { status: "VALID", value: 4, text: null }],
      ["TC1.1", "", { status: "BLANK", value: null }],
      ["TC1.1", "M", { status: "MULTIPLE" }],
      ["TC1.1", "U", { status: "UNREADABLE" }],
      ["NĐ2", "K", { status: "VALID", value: 2, text: "K" }],
      ["MD1", "3;1", { status: "VALID", text: "1;3" }],
      ["MD1", "M", { status: "MULTIPLE" }],
      ["YK", "  Tốt  ", { status: "VALID", text: "Tốt" }],
      ["YK", "   ", { status: "BLANK" }],
    ];
    for (const [code, cell, row] of cases) {
      const r = cellToAnswer(item(code), cell);
      expect(r).toMatchObject(row);
      if (typeof r !== "string") expect(cellToAnswer(item(code), answerToCell(item(code), r))).toEqual(r);
    }
    expect(cellToAnswer(RATED, "b=3;a=M")).toMatchObject({ status: "VALID", text: "a=M;b=3" });
  });

  it("refuses what cannot be on the paper form, with a reason", () => {
    expect(cellToAnswer(item("TC1.1"), "6")).toContain("không phải là phương án");
    expect(cellToAnswer(item("MD1"), "1;2;3;4")).toContain("quá số tối đa 3");
    expect(cellToAnswer(item("MD1"), "11")).toContain("không phải là phương án");
    expect(cellToAnswer(RATED, "a=4")).toContain("1, 2 hoặc 3");
  });

  it("stores what the results read (lib/results/answer-codec)", () => {
    const layout = compileQuestionnaire(Q);
    const nd2 = layout.choices.find((c) => c.code === "NĐ2")!;
    const md1 = layout.choices.find((c) => c.code === "MD1")!;
    const single = cellToAnswer(item("NĐ2"), "K");
    const multi = cellToAnswer(item("MD1"), "10;2");
    if (typeof single === "string" || typeof multi === "string") throw new Error(String(single));
    expect(decodeSingleValue(single.text, single.value, nd2)).toBe(2);
    expect(decodeMultiText(multi.text!, md1)).toBe((1 << 1) | (1 << 9));
  });

  it("checks a whole response: every item present, nothing unknown", () => {
    const full = Object.fromEntries(Q.items.map((i) => [i.code, ""]));
    expect(checkCells(Q, full).ok).toBe(true);
    const { "TC1.1": _, ...missing } = full;
    const r = checkCells(Q, { ...missing, XYZ: "1" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(["TC1.1", "XYZ"]);
  });

  it("lists differences item by item, and says them in words", () => {
    const a = Object.fromEntries(Q.items.map((i) => [i.code, ""]));
    expect(diffCells(Q, a, { ...a, "TC2.1": "4", GT: "NU" })).toEqual([
      { itemCode: "TC2.1", first: "", second: "4" },
      { itemCode: "GT", first: "", second: "NU" },
    ]);
    expect(describeCell(item("TC2.1"), "4")).toBe("4 – Hài lòng");
    expect(describeCell(item("TC2.1"), "")).toBe("để trống");
    expect(describeCell(item("MD1"), "1;10")).toContain("10 – Mở rộng dịch vụ công trực tuyến");
  });
});
