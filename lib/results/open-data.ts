import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { serializeOpenData } from "@/lib/open-data/write";
import { OPEN_DATA_FILES } from "@/lib/open-data/read";
import { inputsHash } from "./hash";
import type { LoadedPlan } from "./load";
import { loadChecked } from "./service";

/**
 * The open-data folder of a plan, from the database (docs/open-data.md): the questionnaire,
 * units, strata with their populations, and every counted form's answers. No personal
 * data: nothing of the frame (names, phones, addresses, dossier codes) is read, and the
 * free-text comments are left empty because people write names and phone numbers in them.
 */
export type OpenDataExport = { plan: LoadedPlan; hash: string; files: Record<(typeof OPEN_DATA_FILES)[number], string> };

export async function exportPlanOpenData(planId: number): Promise<OpenDataExport> {
  const plan = await loadChecked(planId);
  const files = serializeOpenData(plan.input) as OpenDataExport["files"];
  return { plan, hash: inputsHash(plan.input, plan.method), files };
}

export async function writePlanOpenData(planId: number, dir: string): Promise<OpenDataExport> {
  const out = await exportPlanOpenData(planId);
  await mkdir(dir, { recursive: true });
  await Promise.all(OPEN_DATA_FILES.map((name) => writeFile(path.join(dir, name), out.files[name], "utf8")));
  return out;
}
