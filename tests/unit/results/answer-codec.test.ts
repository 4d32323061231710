import { describe, expect, it } from "vitest";
import {
  AnswerDecodeError,
  decodeMultiText,
  decodeRate3Text,
  decodeSingleValue,
  encodeMultiAnswer,
  encodeRate3Answer,
  encodeSatisfactionAnswer,
  encodeSingleAnswer,
} from "@/lib/results/answer-codec";
import { cellToAnswer } from "@/lib/entry/answer-cells";
import { ANSWER_MULTIPLE, ANSWER_UNREADABLE, CHOICE_MULTIPLE, CHOICE_UNREADABLE, MULTI_MULTIPLE, MULTI_UNREADABLE } from "@/lib/sipas/engine-input";
import { compileQuestionnaire } from "@/lib/sipas/layout";
import type { TItem } from "@/lib/sipas/questionnaire";
import { BUILTIN_TEMPLATES } from "@/lib/sipas/templates";

const layout = compileQuestionnaire(BUILTIN_TEMPLATES.classic);
const single = layout.choices.find((c) => c.code === "NĐ1")!;
const multi = layout.choices.find((c) => c.code === "MD1")!;
const rate = { code: "MD2", itemKind: "expectation" as const, kind: "rate3" as const, optionCodes: ["A", "B", "C"], maxChoices: 0 };
const item = (code: string) => BUILTIN_TEMPLATES.classic.items.find((i) => i.code === code) as TItem;

describe("answer rows ⇄ engine codes", () => {
  it("writes satisfaction answers as entry does", () => {
    expect([1, 5].map(encodeSatisfactionAnswer)).toEqual([cellToAnswer(item("TC1.1"), "1"), cellToAnswer(item("TC1.1"), "5")]);
    expect(encodeSatisfactionAnswer(0)).toEqual(cellToAnswer(item("TC1.1"), ""));
    expect(encodeSatisfactionAnswer(ANSWER_MULTIPLE)).toEqual(cellToAnswer(item("TC1.1"), "M"));
    expect(encodeSatisfactionAnswer(ANSWER_UNREADABLE)).toEqual(cellToAnswer(item("TC1.1"), "U"));
  });

  it("reads single choices by code, as entry stores them, or by position", () => {
    expect(encodeSingleAnswer(3, single)).toEqual(cellToAnswer(item("NĐ1"), "3"));
    expect(decodeSingleValue("4", 4, single)).toBe(4);
    expect(decodeSingleValue(null, 2, single)).toBe(2);
    expect(encodeSingleAnswer(CHOICE_MULTIPLE, single).status).toBe("MULTIPLE");
    expect(encodeSingleAnswer(CHOICE_UNREADABLE, single).status).toBe("UNREADABLE");
    expect(() => decodeSingleValue("9", null, single)).toThrow(AnswerDecodeError);
    expect(() => decodeSingleValue(null, 0, single)).toThrow(AnswerDecodeError);
  });

  it("round-trips multiple choices and rated options, as entry spells them", () => {
    const mask = (1 << 0) | (1 << 4) | (1 << 9);
    const row = encodeMultiAnswer(mask, multi);
    expect(row).toEqual(cellToAnswer(item("MD1"), "1;5;10"));
    expect(decodeMultiText(row.text!, multi)).toBe(mask);
    expect(encodeMultiAnswer(MULTI_MULTIPLE, multi).status).toBe("MULTIPLE");
    expect(encodeMultiAnswer(MULTI_UNREADABLE, multi).status).toBe("UNREADABLE");
    expect(encodeMultiAnswer(0, multi).status).toBe("BLANK");
    const levels = Uint8Array.from([3, 0, ANSWER_UNREADABLE]);
    const r = encodeRate3Answer(levels, rate);
    expect(r.text).toBe("A=3;C=U");
    const out = new Uint8Array(3);
    decodeRate3Text(r.text!, rate, out);
    expect([...out]).toEqual([...levels]);
    expect(() => decodeRate3Text("A=4", rate, out)).toThrow(AnswerDecodeError);
  });
});
