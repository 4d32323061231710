import type { TQuestionnaire } from "./questionnaire";
import type { QuestionnaireLayout } from "./layout";

/**
 * The index engine's input, columnar so that 100,000 forms × 22 criteria cost
 * a few megabytes and no per-answer objects.
 *
 * - `units`, `strata`: small arrays of plain objects. Each stratum belongs to
 *   one unit; a form's unit is its stratum's unit (the open-data reader checks
 *   that the `unit_code` column agrees).
 * - `forms.satisfaction`: one byte per form and satisfaction item, row-major
 *   (form i, item s at i·S + s, S = number of satisfaction items, in
 *   questionnaire order, stand-alone items such as the overall question
 *   included). 1–5 are the answers; ANSWER_BLANK, ANSWER_MULTIPLE and
 *   ANSWER_UNREADABLE are recorded as such and excluded from that item's
 *   denominator (§4).
 * - `forms.choices[j]`, parallel to layout.choices:
 *   single (assessment, respondent): Uint8Array, one byte per form: option
 *     position + 1, or CHOICE_BLANK / CHOICE_MULTIPLE / CHOICE_UNREADABLE;
 *   multi (expectation, choose up to k): Uint32Array, a bit mask of the
 *     options ticked (bit j = option j), 0 = blank, or exactly
 *     MULTI_MULTIPLE (more than k ticks) / MULTI_UNREADABLE;
 *   rate3 (expectation rated per option): Uint8Array, form i option j at
 *     i·J + j: 1–3, ANSWER_BLANK, ANSWER_MULTIPLE or ANSWER_UNREADABLE.
 * - `forms.texts[j]`, parallel to layout.textCodes: free text, "" when blank.
 *   The engine ignores it; it travels with the data for the open-data files.
 */
export const ANSWER_BLANK = 0;
export const ANSWER_MULTIPLE = 6;
export const ANSWER_UNREADABLE = 7;
export const CHOICE_BLANK = 0;
export const CHOICE_MULTIPLE = 254;
export const CHOICE_UNREADABLE = 255;
export const MULTI_MULTIPLE = 0x40000000;
export const MULTI_UNREADABLE = 0x80000000;

export interface UnitInfo {
  code: string;
  name: string;
  /** Administrative level, as data (e.g. "Sở, ban, ngành", "UBND cấp xã"). */
  level: string;
  block: string;
}

export interface StratumInfo {
  code: string;
  unitCode: string;
  /** N_h: the deduplicated frame size. */
  population: number;
}

export interface FormTable {
  count: number;
  codes: string[];
  /** Index into `strata` for each form. */
  stratum: Uint32Array;
  satisfaction: Uint8Array;
  choices: (Uint8Array | Uint32Array)[];
  texts: string[][];
}

export interface IndexInput {
  questionnaire: TQuestionnaire;
  units: UnitInfo[];
  strata: StratumInfo[];
  forms: FormTable;
}

export type ElementMethod = "mean" | "pooled";

export interface IndexOptions {
  /** `mean` (default): element = mean of its criteria; `pooled`: all satisfied / all valid. */
  method?: ElementMethod;
  /** Minimum valid forms for a unit to be ranked (default 30). */
  minValid?: number;
}

export class SipasInputError extends Error {
  override name = "SipasInputError";
}

function fail(message: string): never {
  throw new SipasInputError(message);
}

/** Checks shapes, references and codes; throws SipasInputError (Vietnamese) on the first problem. */
export function validateIndexInput(input: IndexInput, layout: QuestionnaireLayout): void {
  const { units, strata, forms } = input;
  const unitCodes = new Set<string>();
  for (const u of units) {
    if (unitCodes.has(u.code)) fail(`Mã đơn vị "${u.code}" bị trùng`);
    unitCodes.add(u.code);
  }
  const stratumCodes = new Set<string>();
  for (const s of strata) {
    if (stratumCodes.has(s.code)) fail(`Mã tầng "${s.code}" bị trùng`);
    stratumCodes.add(s.code);
    if (!unitCodes.has(s.unitCode)) fail(`Tầng "${s.code}" thuộc đơn vị "${s.unitCode}" không có trong danh sách`);
    if (!Number.isSafeInteger(s.population) || s.population < 1) {
      fail(`Tầng "${s.code}": quy mô tổng thể phải là số nguyên dương`);
    }
  }
  const n = forms.count;
  const S = layout.satisfactionCodes.length;
  if (!Number.isSafeInteger(n) || n < 0) fail("Số phiếu không hợp lệ");
  if (forms.codes.length !== n || forms.stratum.length !== n) fail("Độ dài các cột phiếu không khớp");
  if (forms.satisfaction.length !== n * S) fail("Độ dài cột câu trả lời hài lòng không khớp");
  // Indexed loops: for…of over a typed array is several times slower in V8.
  const sat = forms.satisfaction;
  let maxCode = 0;
  for (let i = 0; i < sat.length; i++) maxCode = Math.max(maxCode, sat[i] ?? 0);
  if (maxCode > ANSWER_UNREADABLE) fail(`Mã trả lời hài lòng ${maxCode} không hợp lệ`);

  const perStratum = new Int32Array(strata.length);
  for (let i = 0; i < n; i++) {
    const h = forms.stratum[i] ?? 0;
    if (h >= strata.length) fail(`Chỉ số tầng ${h} vượt quá danh sách tầng`);
    perStratum[h] = (perStratum[h] ?? 0) + 1;
  }
  strata.forEach((s, h) => {
    if ((perStratum[h] ?? 0) > s.population) {
      fail(`Tầng "${s.code}" có ${perStratum[h]} phiếu, nhiều hơn quy mô tổng thể ${s.population}`);
    }
  });

  if (forms.choices.length !== layout.choices.length) fail("Số cột câu hỏi lựa chọn không khớp phiếu");
  layout.choices.forEach((c, j) => {
    const col = forms.choices[j];
    const J = c.optionCodes.length;
    if (!col) return fail(`Thiếu cột câu "${c.code}"`);
    if (c.kind === "multi") {
      if (!(col instanceof Uint32Array) || col.length !== n) fail(`Cột câu "${c.code}" không đúng dạng`);
      const allowed = J >= 32 ? 0xffffffff : 2 ** J - 1;
      for (let i = 0; i < col.length; i++) {
        const v = col[i] ?? 0;
        if (v === MULTI_MULTIPLE || v === MULTI_UNREADABLE) continue;
        if ((v & ~allowed) >>> 0 !== 0) fail(`Câu "${c.code}": phương án không có trong phiếu`);
        if (popcount(v) > c.maxChoices) fail(`Câu "${c.code}": chọn quá ${c.maxChoices} phương án`);
      }
    } else if (c.kind === "single") {
      if (!(col instanceof Uint8Array) || col.length !== n) fail(`Cột câu "${c.code}" không đúng dạng`);
      for (let i = 0; i < col.length; i++) {
        const v = col[i] ?? 0;
        if (v > J && v !== CHOICE_MULTIPLE && v !== CHOICE_UNREADABLE) fail(`Câu "${c.code}": mã ${v} không hợp lệ`);
      }
    } else {
      if (!(col instanceof Uint8Array) || col.length !== n * J) fail(`Cột câu "${c.code}" không đúng dạng`);
      for (let i = 0; i < col.length; i++) {
        const v = col[i] ?? 0;
        if (v > 3 && v !== ANSWER_MULTIPLE && v !== ANSWER_UNREADABLE) fail(`Câu "${c.code}": mã ${v} không hợp lệ`);
      }
    }
  });
  if (forms.texts.length !== layout.textCodes.length) fail("Số cột ý kiến không khớp phiếu");
  for (const col of forms.texts) if (col.length !== n) fail("Độ dài cột ý kiến không khớp");
}

export function popcount(v: number): number {
  let x = v >>> 0;
  let c = 0;
  while (x !== 0) {
    x &= x - 1;
    c++;
  }
  return c;
}
