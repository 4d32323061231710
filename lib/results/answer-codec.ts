import {
  ANSWER_BLANK,
  ANSWER_MULTIPLE,
  ANSWER_UNREADABLE,
  CHOICE_BLANK,
  CHOICE_MULTIPLE,
  CHOICE_UNREADABLE,
  MULTI_MULTIPLE,
  MULTI_UNREADABLE,
} from "@/lib/sipas/engine-input";
import type { ChoiceLayout } from "@/lib/sipas/layout";

/**
 * How an Answer row (status, value, text) maps to the index engine's codes, in both
 * directions. One place, so that what entry writes and what results read cannot drift.
 *
 *   satisfaction        VALID value 1–5 | BLANK | MULTIPLE | UNREADABLE
 *   assessment,
 *   respondent (single) VALID text = option code (value = option position, 1-based,
 *                       accepted when text is null) | BLANK | MULTIPLE | UNREADABLE
 *   expectation choose  VALID text = option codes joined by ";" | BLANK |
 *                       MULTIPLE (more than k ticked) | UNREADABLE
 *   expectation rate3   VALID text = "code=level" pairs joined by ";", level 1–3, M or U;
 *                       options not listed are blank | BLANK | UNREADABLE
 *   text                VALID text = the comment | BLANK
 * A missing Answer row is a blank.
 */
export type AnswerStatus = "VALID" | "BLANK" | "MULTIPLE" | "UNREADABLE";
export type AnswerRow = { status: AnswerStatus; value: number | null; text: string | null };

const BLANK_ROW: AnswerRow = { status: "BLANK", value: null, text: null };

export function encodeSatisfactionAnswer(code: number): AnswerRow {
  if (code >= 1 && code <= 5) return { status: "VALID", value: code, text: null };
  if (code === ANSWER_MULTIPLE) return { status: "MULTIPLE", value: null, text: null };
  if (code === ANSWER_UNREADABLE) return { status: "UNREADABLE", value: null, text: null };
  return BLANK_ROW;
}

export function encodeSingleAnswer(v: number, c: ChoiceLayout): AnswerRow {
  if (v === CHOICE_MULTIPLE) return { status: "MULTIPLE", value: null, text: null };
  if (v === CHOICE_UNREADABLE) return { status: "UNREADABLE", value: null, text: null };
  const code = v === CHOICE_BLANK ? undefined : c.optionCodes[v - 1];
  return code === undefined ? BLANK_ROW : { status: "VALID", value: v, text: code };
}

export function encodeMultiAnswer(mask: number, c: ChoiceLayout): AnswerRow {
  if (mask === MULTI_MULTIPLE) return { status: "MULTIPLE", value: null, text: null };
  if (mask === MULTI_UNREADABLE) return { status: "UNREADABLE", value: null, text: null };
  const codes = c.optionCodes.filter((_, k) => (mask >>> k) & 1);
  return codes.length === 0 ? BLANK_ROW : { status: "VALID", value: null, text: codes.join(";") };
}

const RATE_TEXT = ["", "1", "2", "3", "", "", "M", "U"];

export function encodeRate3Answer(levels: ArrayLike<number>, c: ChoiceLayout): AnswerRow {
  const pairs: string[] = [];
  c.optionCodes.forEach((code, k) => {
    const v = levels[k] ?? 0;
    if (v !== ANSWER_BLANK) pairs.push(`${code}=${RATE_TEXT[v] ?? ""}`);
  });
  return pairs.length === 0 ? BLANK_ROW : { status: "VALID", value: null, text: pairs.join(";") };
}

/** Thrown when a stored answer cannot be read: the data, not the computation, is wrong. */
export class AnswerDecodeError extends Error {
  override name = "AnswerDecodeError";
}

/** A single choice stored by code (or position when the code is missing) → 1-based position. */
export function decodeSingleValue(text: string | null, value: number | null, c: ChoiceLayout): number {
  if (text !== null) {
    const k = c.optionCodes.indexOf(text);
    if (k < 0) throw new AnswerDecodeError(`Câu "${c.code}": "${text}" không phải mã phương án (${c.optionCodes.join(", ")})`);
    return k + 1;
  }
  if (value !== null && value >= 1 && value <= c.optionCodes.length) return value;
  throw new AnswerDecodeError(`Câu "${c.code}": câu trả lời hợp lệ nhưng không có phương án`);
}

export function decodeMultiText(text: string, c: ChoiceLayout): number {
  let mask = 0;
  for (const code of text.split(";")) {
    const k = c.optionCodes.indexOf(code);
    if (k < 0) throw new AnswerDecodeError(`Câu "${c.code}": "${code}" không phải mã phương án (${c.optionCodes.join(", ")})`);
    mask = (mask | (1 << k)) >>> 0;
  }
  return mask;
}

const RATE_LEVEL: Record<string, number> = { "1": 1, "2": 2, "3": 3, M: ANSWER_MULTIPLE, U: ANSWER_UNREADABLE };

export function decodeRate3Text(text: string, c: ChoiceLayout, out: Uint8Array): void {
  for (const pair of text.split(";")) {
    const eq = pair.indexOf("=");
    const k = eq < 0 ? -1 : c.optionCodes.indexOf(pair.slice(0, eq));
    const level = RATE_LEVEL[pair.slice(eq + 1)];
    if (k < 0 || level === undefined) throw new AnswerDecodeError(`Câu "${c.code}": "${pair}" không đúng dạng mã=mức`);
    out[k] = level;
  }
}
