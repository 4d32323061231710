import { readFile } from "node:fs/promises";
import path from "node:path";
import type { IndexInput } from "@/lib/sipas/engine-input";
import { compileQuestionnaire, QuestionnaireStructureError } from "@/lib/sipas/layout";
import { ZQuestionnaire } from "@/lib/sipas/questionnaire";
import { parseCsv } from "./csv";
import type { OpenDataIssue } from "./issues";
import { readResponses } from "./responses";
import type { Table } from "./tables";
import { readStrata, readUnits } from "./tables";

/**
 * The open-data folder: questionnaire.json, units.csv, strata.csv,
 * responses.csv (docs/open-data.md). Everything is validated; on any problem
 * the result lists every issue found and carries no data, so nothing is
 * computed from a partly bad folder.
 */
export const OPEN_DATA_FILES = ["questionnaire.json", "units.csv", "strata.csv", "responses.csv"] as const;
export type OpenDataFiles = Record<(typeof OPEN_DATA_FILES)[number], Uint8Array | null>;

export type OpenDataResult = { ok: true; input: IndexInput } | { ok: false; issues: OpenDataIssue[] };

export async function readOpenDataFolder(dir: string): Promise<OpenDataResult> {
  const entries = await Promise.all(
    OPEN_DATA_FILES.map(async (name) => {
      try {
        return [name, new Uint8Array(await readFile(path.join(dir, name)))] as const;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return [name, null] as const;
        throw err;
      }
    }),
  );
  return parseOpenData(Object.fromEntries(entries) as OpenDataFiles);
}

const decoder = new TextDecoder("utf-8", { fatal: true });

function readQuestionnaire(bytes: Uint8Array, issues: OpenDataIssue[]) {
  const file = "questionnaire.json";
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(bytes).replace(/^\uFEFF/, ""));
  } catch {
    issues.push({ file, row: null, column: null, message: "Không đọc được: tệp phải là JSON hợp lệ, mã hóa UTF-8" });
    return null;
  }
  const parsed = ZQuestionnaire.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({ file, row: null, column: issue.path.join(".") || null, message: `Không đúng mô hình phiếu: ${issue.message}` });
    }
    return null;
  }
  try {
    return { q: parsed.data, layout: compileQuestionnaire(parsed.data) };
  } catch (err) {
    if (!(err instanceof QuestionnaireStructureError)) throw err;
    issues.push({ file, row: null, column: null, message: err.message });
    return null;
  }
}

/** Validates and converts the four files' bytes (null: the file is missing). Pure. */
export function parseOpenData(files: OpenDataFiles): OpenDataResult {
  const issues: OpenDataIssue[] = [];
  const tables = new Map<string, Table>();
  for (const name of OPEN_DATA_FILES) {
    const bytes = files[name];
    if (bytes === null) {
      issues.push({ file: name, row: null, column: null, message: "Thiếu tệp trong thư mục" });
      continue;
    }
    if (name === "questionnaire.json") continue;
    const parsed = parseCsv(name, bytes);
    if ("issues" in parsed) issues.push(...parsed.issues);
    else tables.set(name, { file: name, rows: parsed.rows, lines: parsed.lines });
  }
  const qBytes = files["questionnaire.json"];
  const questionnaire = qBytes ? readQuestionnaire(qBytes, issues) : null;

  const unitsTable = tables.get("units.csv");
  const units = unitsTable ? readUnits(unitsTable, issues) : [];
  const strataTable = tables.get("strata.csv");
  const { strata, lines } = strataTable
    ? readStrata(strataTable, new Set(units.map((u) => u.code)), issues)
    : { strata: [], lines: [] };
  const responsesTable = tables.get("responses.csv");
  const forms =
    responsesTable && questionnaire
      ? readResponses(responsesTable, questionnaire.q, questionnaire.layout, strata, lines, issues)
      : null;

  if (issues.length > 0 || !questionnaire || !forms) {
    if (issues.length === 0) issues.push({ file: "responses.csv", row: null, column: null, message: "Không đọc được" });
    return { ok: false, issues };
  }
  return { ok: true, input: { questionnaire: questionnaire.q, units, strata, forms } };
}
