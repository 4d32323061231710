import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { parseRule } from "@/lib/draws/rule-text";
import type { AllocationRule } from "@/lib/sampling/types";

/** A strata file that cannot be used: the message (Vietnamese) says which row and why. */
export class RulesFileError extends Error {}

/**
 * Reads the rule of every stratum from a strata file exported by SIPAS (columns `stratum`
 * and `rule`, e.g. `S07,yamane:e=0.05`; other columns are ignored), so that the command
 * line applies exactly the rules the plan used, level by level and block by block.
 */
export async function readRulesFile(path: string): Promise<Map<string, AllocationRule>> {
  let rows: string[][];
  try {
    rows = parse(await readFile(path), { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch {
    throw new RulesFileError(`Không đọc được tệp quy tắc “${path}” (cần tệp CSV UTF-8).`);
  }
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const at = { stratum: header.indexOf("stratum"), rule: header.indexOf("rule") };
  if (at.stratum < 0 || at.rule < 0) throw new RulesFileError(`Tệp quy tắc “${path}” phải có cột stratum và rule.`);
  const out = new Map<string, AllocationRule>();
  rows.slice(1).forEach((cells, i) => {
    const stratum = (cells[at.stratum] ?? "").trim();
    const text = (cells[at.rule] ?? "").trim();
    const rule = parseRule(text);
    if (!stratum || !rule) throw new RulesFileError(`Tệp quy tắc, dòng ${i + 2}: quy tắc “${text}” của tầng “${stratum}” không hợp lệ.`);
    if (out.has(stratum)) throw new RulesFileError(`Tệp quy tắc, dòng ${i + 2}: tầng “${stratum}” xuất hiện hai lần.`);
    out.set(stratum, rule);
  });
  return out;
}
