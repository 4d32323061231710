import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import {
  ANSWER_MULTIPLE,
  ANSWER_UNREADABLE,
  CHOICE_MULTIPLE,
  CHOICE_UNREADABLE,
  MULTI_MULTIPLE,
  MULTI_UNREADABLE,
  type FormTable,
  type IndexInput,
  type StratumInfo,
  type UnitInfo,
} from "@/lib/sipas/engine-input";
import { compileQuestionnaire, type QuestionnaireLayout } from "@/lib/sipas/layout";
import { ZQuestionnaire } from "@/lib/sipas/questionnaire";
import { AnswerDecodeError, decodeMultiText, decodeRate3Text, decodeSingleValue } from "./answer-codec";
import { bulkRows } from "./bulk-read";
import { COUNTED_FORM_STATES, planMethod, type PlanMethod } from "./method";

/**
 * A plan's counted responses from the database, as the index engine's columnar input.
 *
 * Counted: the round-1 response of each form of the plan in state ENTERED or VERIFIED
 * (lib/results/method.ts). `Response @@unique([formId, round])` makes a form count once
 * whatever its mode.
 *
 * Speed: answers are the big table (≈3 million rows for 100,000 forms). Triggers on Answer
 * keep each response's non-blank answers packed in Response."packedAnswers" (see the
 * migration answers_packed for the encoding), so this is one query returning one short
 * string per form; Node never sees an answer row.
 */
export type LoadedPlan = {
  planId: number;
  year: number;
  title: string;
  state: string;
  versionId: number;
  versionChecksum: string | null;
  method: PlanMethod;
  input: IndexInput;
  /** Counted forms per state (ENTERED, VERIFIED). */
  formsByState: Record<string, number>;
};

const CHAR_BASE = 256;
const CODE_TEXT = 0;
const CODE_OUT_OF_RANGE = 61;
const CODE_MULTIPLE = 62;
const CODE_UNREADABLE = 63;
const TEXT_END = "\u001e";

/** code, stratum id, state, packed answers: arrays, not objects (100,000 of them). */
type FormRow = [string, number, string, string | null];

export async function loadPlanInput(planId: number): Promise<LoadedPlan> {
  const plan = await db().plan.findUnique({
    where: { id: planId },
    select: {
      id: true, year: true, title: true, state: true, settings: true,
      questionnaireVersion: { select: { id: true, definition: true, checksum: true, items: { select: { code: true, sortOrder: true } } } },
      units: { select: { unit: { select: { id: true, code: true, name: true, level: { select: { name: true } }, block: { select: { name: true } } } } } },
      strata: {
        select: { id: true, code: true, population: true, unit: { select: { id: true, code: true, name: true, level: { select: { name: true } }, block: { select: { name: true } } } } },
      },
    },
  });
  if (!plan) throw notFound("Không tìm thấy kế hoạch khảo sát. Hãy chọn lại từ danh sách kế hoạch.");
  const questionnaire = ZQuestionnaire.parse(plan.questionnaireVersion.definition);
  const layout = compileQuestionnaire(questionnaire);

  // Units: the plan's units, plus any unit a stratum belongs to; in code order.
  const unitMap = new Map<string, UnitInfo>();
  for (const u of [...plan.units.map((pu) => pu.unit), ...plan.strata.map((s) => s.unit)]) {
    unitMap.set(u.code, { code: u.code, name: u.name, level: u.level.name, block: u.block.name });
  }
  const units = [...unitMap.values()].sort((a, b) => compare(a.code, b.code));
  const strataRows = [...plan.strata].sort((a, b) => compare(a.code, b.code));
  const strata: StratumInfo[] = strataRows.map((s) => ({ code: s.code, unitCode: s.unit.code, population: s.population }));
  const stratumIndex = new Map(strataRows.map((s, h) => [s.id, h]));

  const kinds = itemKinds(plan.questionnaireVersion.items, layout);
  const rows = (await bulkRows(FORMS_SQL, [planId])) as FormRow[];
  const formsByState: Record<string, number> = {};
  for (const r of rows) formsByState[r[2]] = (formsByState[r[2]] ?? 0) + 1;

  // Form order does not change any figure; code order makes the input (and its hash) canonical.
  rows.sort((a, b) => compare(a[0], b[0]));
  const forms = decodeForms(rows, layout, kinds, stratumIndex);
  return {
    planId: plan.id,
    year: plan.year,
    title: plan.title,
    state: plan.state,
    versionId: plan.questionnaireVersion.id,
    versionChecksum: plan.questionnaireVersion.checksum,
    method: planMethod(plan.settings),
    input: { questionnaire, units, strata, forms },
    formsByState,
  };
}

// No ORDER BY: sorting 100,000 codes in Node is cheaper than PostgreSQL's sort spilling to disk.
const FORMS_SQL = `
SELECT f.code, f."stratumId"::int AS s, f.state::text AS state, r."packedAnswers" AS p
FROM "Form" f JOIN "Response" r ON r."formId" = f.id AND r.round = 1
WHERE f."planId" = $1 AND f.state IN (${COUNTED_FORM_STATES.map((s) => `'${s}'`).join(", ")})`;

type Kind = { kind: "sat"; s: number } | { kind: "choice"; j: number } | { kind: "other" };

/** What each QItem.sortOrder (the position the packed answers carry) is, in the engine's layout. */
function itemKinds(items: { code: string; sortOrder: number }[], layout: QuestionnaireLayout): Kind[] {
  const kinds: Kind[] = [];
  for (const item of items) {
    const s = layout.satisfactionCodes.indexOf(item.code);
    const j = layout.choices.findIndex((c) => c.code === item.code);
    kinds[item.sortOrder] = s >= 0 ? { kind: "sat", s } : j >= 0 ? { kind: "choice", j } : { kind: "other" };
  }
  return kinds;
}

function decodeForms(rows: FormRow[], layout: QuestionnaireLayout, kinds: Kind[], stratumIndex: Map<number, number>): FormTable {
  const n = rows.length;
  const S = layout.satisfactionCodes.length;
  const forms: FormTable = {
    count: n,
    codes: new Array<string>(n),
    stratum: new Uint32Array(n),
    satisfaction: new Uint8Array(n * S),
    choices: layout.choices.map((c) =>
      c.kind === "multi" ? new Uint32Array(n) : new Uint8Array(c.kind === "rate3" ? n * c.optionCodes.length : n),
    ),
    // Comments are never loaded: they may carry personal data and no figure uses them.
    texts: layout.textCodes.map(() => new Array<string>(n).fill("")),
  };
  const sat = forms.satisfaction;
  for (let i = 0; i < n; i++) {
    const [formCode, stratumId, , p] = rows[i] as FormRow;
    forms.codes[i] = formCode;
    const h = stratumIndex.get(stratumId);
    if (h === undefined) throw new AnswerDecodeError(`Phiếu ${formCode} thuộc tầng không có trong kế hoạch; hãy tính lại`);
    forms.stratum[i] = h;
    if (p === null) continue;
    // Indexed loop over char codes: this runs for every answer of every form.
    for (let k = 0; k < p.length; k++) {
      const x = p.charCodeAt(k) - CHAR_BASE;
      const kind = kinds[x >> 6];
      const code = x & 63;
      if (code === CODE_TEXT) {
        const end = p.indexOf(TEXT_END, k + 1);
        const text = p.slice(k + 1, end < 0 ? p.length : end);
        k = end < 0 ? p.length : end;
        if (kind?.kind === "choice") setChoiceText(forms, layout, kind.j, i, text, formCode);
        else if (kind?.kind === "sat") throw new AnswerDecodeError(`Phiếu ${formCode}, câu ${layout.satisfactionCodes[kind.s]}: câu trả lời phải là số 1–5`);
        continue;
      }
      if (kind?.kind === "sat") {
        if (code > 5 && code < CODE_MULTIPLE) throw new AnswerDecodeError(`Phiếu ${formCode}, câu ${layout.satisfactionCodes[kind.s]}: giá trị ngoài 1–5`);
        sat[i * S + kind.s] = code === CODE_MULTIPLE ? ANSWER_MULTIPLE : code === CODE_UNREADABLE ? ANSWER_UNREADABLE : code;
      } else if (kind?.kind === "choice") {
        setChoiceCode(forms, layout, kind.j, i, code, formCode);
      }
    }
  }
  return forms;
}

function setChoiceCode(forms: FormTable, layout: QuestionnaireLayout, j: number, i: number, code: number, formCode: string): void {
  const c = layout.choices[j];
  const col = forms.choices[j];
  if (!c || !col) return;
  if (code === CODE_MULTIPLE || code === CODE_UNREADABLE) {
    const multiple = code === CODE_MULTIPLE;
    if (c.kind === "single") col[i] = multiple ? CHOICE_MULTIPLE : CHOICE_UNREADABLE;
    else if (c.kind === "multi") col[i] = multiple ? MULTI_MULTIPLE : MULTI_UNREADABLE;
    else col.fill(multiple ? ANSWER_MULTIPLE : ANSWER_UNREADABLE, i * c.optionCodes.length, (i + 1) * c.optionCodes.length);
    return;
  }
  if (c.kind !== "single") throw new AnswerDecodeError(`Phiếu ${formCode}, câu ${c.code}: thiếu danh sách phương án đã chọn`);
  try {
    col[i] = decodeSingleValue(null, code === CODE_OUT_OF_RANGE ? null : code, c);
  } catch (err) {
    throw new AnswerDecodeError(`Phiếu ${formCode}: ${(err as Error).message}`);
  }
}

function setChoiceText(forms: FormTable, layout: QuestionnaireLayout, j: number, i: number, text: string, formCode: string): void {
  const c = layout.choices[j];
  const col = forms.choices[j];
  if (!c || !col) return;
  try {
    if (c.kind === "single") col[i] = decodeSingleValue(text, null, c);
    else if (c.kind === "multi") col[i] = decodeMultiText(text, c);
    else {
      const J = c.optionCodes.length;
      decodeRate3Text(text, c, (col as Uint8Array).subarray(i * J, (i + 1) * J));
    }
  } catch (err) {
    throw new AnswerDecodeError(`Phiếu ${formCode}: ${(err as Error).message}`);
  }
}

/** Plain code-point order: the same everywhere, unlike a locale's collation. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
