import { compileQuestionnaire, MAX_OPTIONS, QuestionnaireStructureError } from "@/lib/sipas/layout";
import { ZQuestionnaire, type TQuestionnaire } from "@/lib/sipas/questionnaire";
import { questionnairesText as t } from "@/lib/i18n/questionnaires";

/**
 * Validates a questionnaire definition as the editor sends it: the model (ZQuestionnaire),
 * then the rules the model cannot express, each reported at the field it concerns
 * (`items.3.code`, `elements.1.aspect` …) so the editor can show it there. The index
 * engine's own structural check (compileQuestionnaire) runs last, so nothing that passes
 * here can fail later when forms are printed or indices computed. Pure.
 */
export type TValidation = { ok: true; data: TQuestionnaire } | { ok: false; fieldErrors: Record<string, string[]> };

export function validateDefinition(raw: unknown): TValidation {
  const parsed = ZQuestionnaire.safeParse(raw);
  const errors: Record<string, string[]> = {};
  const add = (path: (string | number)[], message: string) => {
    (errors[path.join(".") || "_"] ??= []).push(message);
  };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)), t.validation.model(issue.message));
    return { ok: false, fieldErrors: errors };
  }
  const q = parsed.data;

  const firstAt = new Map<string, number>();
  q.items.forEach((item, i) => {
    const seen = firstAt.get(item.code);
    if (seen !== undefined) add(["items", i, "code"], t.validation.duplicateItem(item.code, seen + 1));
    else firstAt.set(item.code, i);
  });
  const elementCodes = new Set<string>();
  q.elements.forEach((e, i) => {
    if (elementCodes.has(e.code)) add(["elements", i, "code"], t.validation.duplicateElement(e.code));
    elementCodes.add(e.code);
  });
  const aspectCodes = new Set<string>();
  q.aspects.forEach((a, i) => {
    if (aspectCodes.has(a.code)) add(["aspects", i, "code"], t.validation.duplicateAspect(a.code));
    aspectCodes.add(a.code);
  });
  const withAspect = q.elements.filter((e) => e.aspect !== null).length;
  q.elements.forEach((e, i) => {
    if (e.aspect !== null && !aspectCodes.has(e.aspect)) add(["elements", i, "aspect"], t.validation.unknownAspect(e.aspect));
    else if (e.aspect === null && withAspect > 0) add(["elements", i, "aspect"], t.validation.aspectAllOrNone);
  });
  q.aspects.forEach((a, i) => {
    if (!q.elements.some((e) => e.aspect === a.code)) add(["aspects", i, "code"], t.validation.emptyAspect(a.code));
  });
  const criteria = new Map<string, number>();
  q.items.forEach((item, i) => {
    if (item.kind === "satisfaction" && item.element !== null) {
      if (!elementCodes.has(item.element)) add(["items", i, "element"], t.validation.unknownElement(item.element));
      criteria.set(item.element, (criteria.get(item.element) ?? 0) + 1);
    }
    if (item.kind === "assessment" || item.kind === "respondent" || item.kind === "expectation") {
      if (item.options.length > MAX_OPTIONS) add(["items", i, "options"], t.validation.tooManyOptions(MAX_OPTIONS));
      const codes = new Set<string>();
      item.options.forEach((o, k) => {
        if (codes.has(o.code)) add(["items", i, "options", k, "code"], t.validation.duplicateOption(o.code));
        codes.add(o.code);
        if (o.code === "M" || o.code === "U" || /[;=\s]/.test(o.code)) add(["items", i, "options", k, "code"], t.validation.reservedOption);
      });
    }
    if (item.kind === "expectation" && item.mode === "choose" && item.maxChoices !== undefined && item.maxChoices > item.options.length) {
      add(["items", i, "maxChoices"], t.validation.maxChoices(item.options.length));
    }
  });
  q.elements.forEach((e, i) => {
    if (!criteria.get(e.code)) add(["elements", i, "code"], t.validation.emptyElement(e.code));
  });
  if (q.elements.length === 0) add(["elements"], t.validation.noElement);
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };

  try {
    compileQuestionnaire(q);
  } catch (err) {
    if (!(err instanceof QuestionnaireStructureError)) throw err;
    return { ok: false, fieldErrors: { _: [err.message] } };
  }
  return { ok: true, data: q };
}
