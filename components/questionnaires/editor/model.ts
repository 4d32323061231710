import type { TAspect, TElement, TItem, TOption, TQuestionnaire } from "@/lib/sipas/questionnaire";

/**
 * The editor's working copy of a questionnaire: every list row carries a key that stays
 * with it while codes are retyped and rows move, so React keeps each input's focus. Pure.
 */
export type Row<T> = { key: number; value: T };
export type EditorState = {
  title: string;
  instructions: string;
  aspects: Row<TAspect>[];
  elements: Row<TElement>[];
  items: Row<TItem>[];
};

let next = 1;
export const row = <T,>(value: T): Row<T> => ({ key: next++, value });

export function toState(q: TQuestionnaire): EditorState {
  return {
    title: q.title,
    instructions: q.instructions,
    aspects: q.aspects.map(row),
    elements: q.elements.map(row),
    items: q.items.map(row),
  };
}

/** Back to the model; template and version are set by the server. */
export function toDefinition(s: EditorState, base: TQuestionnaire): TQuestionnaire {
  return {
    template: base.template,
    version: base.version,
    title: s.title,
    instructions: s.instructions,
    aspects: s.aspects.map((r) => r.value),
    elements: s.elements.map((r) => r.value),
    items: s.items.map((r) => r.value),
  };
}

export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const out = [...list];
  const [x] = out.splice(from, 1);
  out.splice(to, 0, x as T);
  return out;
}

export function replaceAt<T>(list: T[], i: number, value: T): T[] {
  return list.map((x, k) => (k === i ? value : x));
}

export function removeAt<T>(list: T[], i: number): T[] {
  return list.filter((_, k) => k !== i);
}

const DEFAULT_OPTIONS: TOption[] = [
  { code: "1", label: "Phương án 1" },
  { code: "2", label: "Phương án 2" },
];

/** The item with another kind, keeping what the two kinds share (code, text, options). */
export function changeKind(item: TItem, kind: TItem["kind"], firstElement: string | null): TItem {
  const base = { code: item.code, text: item.text, required: item.required };
  const options = "options" in item ? item.options : DEFAULT_OPTIONS;
  switch (kind) {
    case "satisfaction":
      return { ...base, kind, element: item.kind === "satisfaction" ? item.element : firstElement };
    case "assessment":
    case "respondent":
      return { ...base, kind, options: options.length >= 2 ? options : DEFAULT_OPTIONS };
    case "expectation":
      return { ...base, kind, mode: "choose", maxChoices: Math.min(3, options.length), options };
    case "text":
      return { ...base, kind, maxLength: 2000 };
  }
}

/** A code not yet used, of the form prefix + n. */
export function freshCode(used: Iterable<string>, prefix: string): string {
  const taken = new Set(used);
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function newItem(kind: TItem["kind"], state: EditorState): TItem {
  const codes = state.items.map((r) => r.value.code);
  const firstElement = state.elements[0]?.value.code ?? null;
  const prefix = { satisfaction: "TC", assessment: "NĐ", expectation: "MD", respondent: "TT", text: "YK" }[kind];
  return changeKind({ code: freshCode(codes, prefix), kind: "text", text: "Nội dung câu hỏi mới", required: false, maxLength: 2000 }, kind, firstElement);
}
