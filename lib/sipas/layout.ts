import type { TItem, TQuestionnaire } from "./questionnaire";

/**
 * A questionnaire compiled into the index positions the engine works with.
 * Satisfaction items keep questionnaire order; so do elements, aspects and
 * choice items. Pure.
 */
export type ChoiceKind = "single" | "multi" | "rate3";

export interface ChoiceLayout {
  code: string;
  itemKind: "assessment" | "expectation" | "respondent";
  kind: ChoiceKind;
  optionCodes: string[];
  /** For "multi": the most options a respondent may tick. */
  maxChoices: number;
}

export interface QuestionnaireLayout {
  /** Satisfaction item codes in questionnaire order (criteria and stand-alone items). */
  satisfactionCodes: string[];
  /** Per satisfaction item: its element's position, or -1 for a stand-alone item. */
  elementOfItem: Int32Array;
  elementCodes: string[];
  /** Per element: its aspect's position, or -1 when the form has no aspects. */
  aspectOfElement: Int32Array;
  aspectCodes: string[];
  /** Per element: positions of its satisfaction items. */
  itemsOfElement: number[][];
  /** Per aspect: positions of its elements. */
  elementsOfAspect: number[][];
  choices: ChoiceLayout[];
  textCodes: string[];
}

/** Multi-choice answers are bit masks; the two top bits carry the invalid codes. */
export const MAX_OPTIONS = 30;

export class QuestionnaireStructureError extends Error {
  override name = "QuestionnaireStructureError";
}

function choiceLayout(item: TItem): ChoiceLayout | null {
  const base = { code: item.code, optionCodes: [] as string[], maxChoices: 1 };
  switch (item.kind) {
    case "assessment":
    case "respondent":
      return { ...base, itemKind: item.kind, kind: "single", optionCodes: item.options.map((o) => o.code) };
    case "expectation":
      return {
        ...base,
        itemKind: "expectation",
        kind: item.mode === "choose" ? "multi" : "rate3",
        optionCodes: item.options.map((o) => o.code),
        maxChoices: item.mode === "choose" ? Math.min(item.maxChoices ?? item.options.length, item.options.length) : 0,
      };
    default:
      return null;
  }
}

/**
 * Checks what zod cannot (unique codes, references, aspects all-or-none) and
 * compiles the layout. Throws QuestionnaireStructureError with a Vietnamese message.
 */
export function compileQuestionnaire(q: TQuestionnaire): QuestionnaireLayout {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const item of q.items) {
    if (seen.has(item.code)) problems.push(`Mã câu hỏi "${item.code}" bị trùng`);
    seen.add(item.code);
  }
  const elementCodes = q.elements.map((e) => e.code);
  const aspectCodes = q.aspects.map((a) => a.code);
  if (new Set(elementCodes).size !== elementCodes.length) problems.push("Mã yếu tố bị trùng");
  if (new Set(aspectCodes).size !== aspectCodes.length) problems.push("Mã khía cạnh bị trùng");

  const withAspect = q.elements.filter((e) => e.aspect !== null).length;
  if (withAspect !== 0 && withAspect !== q.elements.length) {
    problems.push("Hoặc mọi yếu tố đều thuộc một khía cạnh, hoặc không yếu tố nào thuộc khía cạnh");
  }
  const aspectOfElement = new Int32Array(q.elements.length).fill(-1);
  const elementsOfAspect: number[][] = aspectCodes.map(() => []);
  q.elements.forEach((e, i) => {
    if (e.aspect === null) return;
    const a = aspectCodes.indexOf(e.aspect);
    if (a < 0) problems.push(`Yếu tố "${e.code}" thuộc khía cạnh "${e.aspect}" không có trong phiếu`);
    else {
      aspectOfElement[i] = a;
      elementsOfAspect[a]?.push(i);
    }
  });
  elementsOfAspect.forEach((list, a) => {
    if (list.length === 0) problems.push(`Khía cạnh "${aspectCodes[a]}" không có yếu tố nào`);
  });

  const satisfactionCodes: string[] = [];
  const elementOf: number[] = [];
  const itemsOfElement: number[][] = elementCodes.map(() => []);
  const choices: ChoiceLayout[] = [];
  const textCodes: string[] = [];
  for (const item of q.items) {
    if (item.kind === "satisfaction") {
      const e = item.element === null ? -1 : elementCodes.indexOf(item.element);
      if (item.element !== null && e < 0) {
        problems.push(`Câu "${item.code}" thuộc yếu tố "${item.element}" không có trong phiếu`);
      }
      if (e >= 0) itemsOfElement[e]?.push(satisfactionCodes.length);
      elementOf.push(e);
      satisfactionCodes.push(item.code);
    } else if (item.kind === "text") {
      textCodes.push(item.code);
    } else {
      const layout = choiceLayout(item);
      if (!layout) continue;
      if (new Set(layout.optionCodes).size !== layout.optionCodes.length) {
        problems.push(`Câu "${item.code}" có mã phương án bị trùng`);
      }
      if (layout.optionCodes.length > MAX_OPTIONS) {
        problems.push(`Câu "${item.code}" có quá ${MAX_OPTIONS} phương án`);
      }
      if (layout.optionCodes.some((c) => c === "M" || c === "U" || /[;=]/.test(c))) {
        problems.push(`Câu "${item.code}": mã phương án không được là M, U hay chứa ";" hoặc "="`);
      }
      choices.push(layout);
    }
  }
  itemsOfElement.forEach((list, e) => {
    if (list.length === 0) problems.push(`Yếu tố "${elementCodes[e]}" không có tiêu chí nào`);
  });
  if (elementCodes.length === 0) problems.push("Phiếu phải có ít nhất một yếu tố");
  if (problems.length > 0) throw new QuestionnaireStructureError(problems.join("; "));

  return {
    satisfactionCodes,
    elementOfItem: Int32Array.from(elementOf),
    elementCodes,
    aspectOfElement,
    aspectCodes,
    itemsOfElement,
    elementsOfAspect,
    choices,
    textCodes,
  };
}
