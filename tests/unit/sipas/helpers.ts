import type { FormTable, IndexInput, StratumInfo, UnitInfo } from "@/lib/sipas/engine-input";
import { compileQuestionnaire } from "@/lib/sipas/layout";
import type { TQuestionnaire } from "@/lib/sipas/questionnaire";

/** A questionnaire whose elements have the given criteria counts (element codes E1…, criteria c<e>.<k>). */
export function makeQuestionnaire(criteriaPerElement: number[], extra: TQuestionnaire["items"] = []): TQuestionnaire {
  const elements = criteriaPerElement.map((_, e) => ({ code: `E${e + 1}`, title: `Yếu tố ${e + 1}`, aspect: null }));
  const items: TQuestionnaire["items"] = criteriaPerElement.flatMap((k, e) =>
    Array.from({ length: k }, (_, j) => ({
      code: `c${e + 1}.${j + 1}`,
      kind: "satisfaction" as const,
      element: `E${e + 1}`,
      text: `Tiêu chí ${e + 1}.${j + 1}`,
      required: false,
    })),
  );
  return { template: "test", version: 1, title: "Phiếu thử", instructions: "", aspects: [], elements, items: [...items, ...extra] };
}

export interface SimpleForm {
  stratum: string;
  /** One code per satisfaction item (0 blank, 1–5, 6 multiple, 7 unreadable). */
  answers: number[];
}

/** Builds engine input from plain objects (tests only: production input is built columnar). */
export function buildInput(
  questionnaire: TQuestionnaire,
  units: UnitInfo[],
  strata: StratumInfo[],
  forms: SimpleForm[],
): IndexInput {
  const layout = compileQuestionnaire(questionnaire);
  const S = layout.satisfactionCodes.length;
  const pos = new Map(strata.map((s, i) => [s.code, i]));
  const table: FormTable = {
    count: forms.length,
    codes: forms.map((_, i) => `F${String(i + 1).padStart(6, "0")}`),
    stratum: Uint32Array.from(forms.map((f) => pos.get(f.stratum) ?? 0)),
    satisfaction: new Uint8Array(forms.length * S),
    choices: layout.choices.map((c) =>
      c.kind === "multi" ? new Uint32Array(forms.length) : new Uint8Array(forms.length * (c.kind === "rate3" ? c.optionCodes.length : 1)),
    ),
    texts: layout.textCodes.map(() => forms.map(() => "")),
  };
  forms.forEach((f, i) => table.satisfaction.set(f.answers.slice(0, S), i * S));
  return { questionnaire, units, strata, forms: table };
}

/** Forms whose answers to each item follow the given lists (missing entries are blank). */
export function formsFromColumns(stratum: string, columns: number[][]): SimpleForm[] {
  const n = Math.max(...columns.map((c) => c.length));
  return Array.from({ length: n }, (_, i) => ({ stratum, answers: columns.map((c) => c[i] ?? 0) }));
}

/** A column with `counts[k]` answers of code k+1 (k = 0…4), then `blank` blanks. */
export function column(counts: [number, number, number, number, number], blank = 0): number[] {
  return [...counts.flatMap((c, k) => Array<number>(c).fill(k + 1)), ...Array<number>(blank).fill(0)];
}
