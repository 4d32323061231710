import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { IndexInput } from "@/lib/sipas/engine-input";
import { compileQuestionnaire } from "@/lib/sipas/layout";
import { encodeMulti, encodeRate3, encodeSingle, SATISFACTION_CELLS } from "./cells";
import { csvLine } from "./csv";
import { RESPONSE_KEY_COLUMNS } from "./responses";

/**
 * Writes engine input as an open-data folder (UTF-8 without BOM, CRLF,
 * RFC 4180 quoting). Item columns follow questionnaire order.
 */
export async function writeOpenDataFolder(dir: string, input: IndexInput): Promise<void> {
  await mkdir(dir, { recursive: true });
  const files = serializeOpenData(input);
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(path.join(dir, name), text, "utf8")));
}

/** The four files' contents. Pure. */
export function serializeOpenData(input: IndexInput): Record<string, string> {
  const { questionnaire: q, units, strata, forms } = input;
  const layout = compileQuestionnaire(q);
  const unitsCsv = [csvLine(["unit_code", "unit_name", "level", "block"])];
  for (const u of units) unitsCsv.push(csvLine([u.code, u.name, u.level, u.block]));
  const strataCsv = [csvLine(["stratum", "unit_code", "population"])];
  for (const s of strata) strataCsv.push(csvLine([s.code, s.unitCode, String(s.population)]));

  // Per item in questionnaire order: how to render form i's cell.
  const S = layout.satisfactionCodes.length;
  const render: ((i: number) => string)[] = q.items.map((item) => {
    if (item.kind === "satisfaction") {
      const s = layout.satisfactionCodes.indexOf(item.code);
      return (i) => SATISFACTION_CELLS[forms.satisfaction[i * S + s] ?? 0] ?? "";
    }
    if (item.kind === "text") {
      const col = forms.texts[layout.textCodes.indexOf(item.code)] ?? [];
      return (i) => col[i] ?? "";
    }
    const j = layout.choices.findIndex((c) => c.code === item.code);
    const c = layout.choices[j];
    const col = forms.choices[j];
    if (!c || !col) return () => "";
    if (c.kind === "single") return (i) => encodeSingle(col[i] ?? 0, c);
    if (c.kind === "multi") return (i) => encodeMulti(col[i] ?? 0, c);
    const J = c.optionCodes.length;
    return (i) => encodeRate3(col.subarray(i * J, (i + 1) * J) as Uint8Array, c);
  });
  const responses = [csvLine([...RESPONSE_KEY_COLUMNS, ...q.items.map((it) => it.code)])];
  for (let i = 0; i < forms.count; i++) {
    const s = strata[forms.stratum[i] ?? 0];
    responses.push(csvLine([forms.codes[i] ?? "", s?.code ?? "", s?.unitCode ?? "", ...render.map((f) => f(i))]));
  }
  return {
    "questionnaire.json": JSON.stringify(q, null, 2) + "\n",
    "units.csv": unitsCsv.join(""),
    "strata.csv": strataCsv.join(""),
    "responses.csv": responses.join(""),
  };
}
