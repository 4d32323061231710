import { dammAppend, dammIsValid } from "./damm";

/**
 * Form codes (mã phiếu).
 *
 * Layout: 14 decimal digits, shown grouped as `PPP-UUUUU-SSSSS-C`.
 *
 *   PPP    plan number      001–999    (Plan.number: one per survey round)
 *   UUUUU  unit number      00001–99999 (Unit.number: stable across plans)
 *   SSSSS  sequence         00001–99999 within the plan and unit
 *   C      Damm check digit over the 13 digits before it
 *
 * Digits only, because a respondent types the code on a phone keypad and a clerk
 * types it from paper: no letters to confuse (O/0, I/1), no case. Fixed width,
 * because the Damm check ignores leading zeros. The check catches every single
 * mistyped digit and every swap of two neighbouring digits. Parsing accepts the
 * code with or without dashes or spaces. See docs/decisions/2026-11-23-form-codes.md.
 */

export const FORM_CODE_LAYOUT = { plan: 3, unit: 5, seq: 5 } as const;
export const FORM_CODE_LENGTH = FORM_CODE_LAYOUT.plan + FORM_CODE_LAYOUT.unit + FORM_CODE_LAYOUT.seq + 1;

export const FORM_CODE_LIMITS = {
  plan: 10 ** FORM_CODE_LAYOUT.plan - 1,
  unit: 10 ** FORM_CODE_LAYOUT.unit - 1,
  seq: 10 ** FORM_CODE_LAYOUT.seq - 1,
} as const;

export type TFormCodeParts = { plan: number; unit: number; seq: number };

/** Why a typed code was rejected; `reason` is the Vietnamese message for the person. */
export type TFormCodeError = "EMPTY" | "CHARACTERS" | "LENGTH" | "CHECK_DIGIT" | "RANGE";

export type TFormCodeParse =
  | { ok: true; code: string; parts: TFormCodeParts }
  | { ok: false; error: TFormCodeError; reason: string };

const PART_NAMES: Record<keyof TFormCodeParts, string> = {
  plan: "số kế hoạch",
  unit: "số đơn vị",
  seq: "số thứ tự phiếu",
};

function assertPart(name: keyof TFormCodeParts, value: number): void {
  const max = FORM_CODE_LIMITS[name];
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new RangeError(`Mã phiếu: ${PART_NAMES[name]} phải là số nguyên từ 1 đến ${max} (nhận được ${value}).`);
  }
}

/** The canonical 14-digit code (no separators) for a plan, unit and sequence. Throws a RangeError on a part out of range. */
export function encodeFormCode(parts: TFormCodeParts): string {
  assertPart("plan", parts.plan);
  assertPart("unit", parts.unit);
  assertPart("seq", parts.seq);
  const body =
    String(parts.plan).padStart(FORM_CODE_LAYOUT.plan, "0") +
    String(parts.unit).padStart(FORM_CODE_LAYOUT.unit, "0") +
    String(parts.seq).padStart(FORM_CODE_LAYOUT.seq, "0");
  return dammAppend(body);
}

/**
 * Display form `PPP-UUUUU-SSSSS-C`. Accepts a canonical code or anything
 * `parseFormCode` accepts; returns the input unchanged if it is not a valid code,
 * so a bad value is shown as typed rather than hidden.
 */
export function formatFormCode(code: string): string {
  const parsed = parseFormCode(code);
  if (!parsed.ok) return code;
  const c = parsed.code;
  const { plan, unit, seq } = FORM_CODE_LAYOUT;
  return [c.slice(0, plan), c.slice(plan, plan + unit), c.slice(plan + unit, plan + unit + seq), c.slice(-1)].join("-");
}

/**
 * Separators a person may type or a scanner may send: ASCII and typographic dashes,
 * spaces (including no-break and thin spaces), dots, slashes and underscores.
 */
const SEPARATORS = /[\s\u00a0\u2009\u202f._/\-\u2010-\u2015\u2212]/gu;

/**
 * Parse what a person typed (or a QR scanner read). NFKC first so full-width
 * digits from an East Asian keyboard become ASCII digits.
 */
export function parseFormCode(input: string): TFormCodeParse {
  const digits = input.normalize("NFKC").replace(SEPARATORS, "");
  if (digits.length === 0) {
    return { ok: false, error: "EMPTY", reason: "Chưa nhập mã phiếu. Mã phiếu gồm 14 chữ số, in ở đầu phiếu." };
  }
  const bad = [...new Set(digits.replace(/[0-9]/g, ""))];
  if (bad.length > 0) {
    const shown = bad.slice(0, 5).map((ch) => `“${ch}”`).join(", ");
    return {
      ok: false,
      error: "CHARACTERS",
      reason:
        `Mã phiếu chỉ gồm chữ số (có thể có dấu gạch ngang hoặc khoảng trắng), nhưng có ký tự ${shown}. ` +
        "Lưu ý: chữ O và chữ I không có trong mã phiếu, hãy gõ số 0 và số 1.",
    };
  }
  if (digits.length !== FORM_CODE_LENGTH) {
    return {
      ok: false,
      error: "LENGTH",
      reason:
        `Mã phiếu phải có đúng ${FORM_CODE_LENGTH} chữ số, mã vừa nhập có ${digits.length} chữ số. ` +
        "Vui lòng đối chiếu lại mã in trên phiếu giấy.",
    };
  }
  if (!dammIsValid(digits)) {
    return {
      ok: false,
      error: "CHECK_DIGIT",
      reason:
        "Mã phiếu không đúng: có thể đã gõ nhầm một chữ số hoặc đảo chỗ hai chữ số đứng cạnh nhau. " +
        "Vui lòng kiểm tra lại mã in trên phiếu giấy.",
    };
  }
  const { plan: p, unit: u, seq: s } = FORM_CODE_LAYOUT;
  const parts: TFormCodeParts = {
    plan: Number(digits.slice(0, p)),
    unit: Number(digits.slice(p, p + u)),
    seq: Number(digits.slice(p + u, p + u + s)),
  };
  if (parts.plan === 0 || parts.unit === 0 || parts.seq === 0) {
    return {
      ok: false,
      error: "RANGE",
      reason: "Mã phiếu không hợp lệ: không có phiếu nào mang mã này. Vui lòng kiểm tra lại mã in trên phiếu giấy.",
    };
  }
  return { ok: true, code: digits, parts };
}

/** True for a canonical code (14 digits, no separators, valid check digit). */
export function isCanonicalFormCode(value: string): boolean {
  const parsed = parseFormCode(value);
  return parsed.ok && parsed.code === value;
}
