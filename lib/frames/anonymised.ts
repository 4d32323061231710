import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { parse } from "csv-parse";
import { isValidCode, stratumCodeOf } from "@/lib/sampling/strata";
import type { FrameRecord, StratumMode } from "@/lib/sampling/types";
import { FrameFileError } from "./messages";
import { isStoredPersonKey } from "./person-key";
import type { RowProblem } from "./validate";

/**
 * The anonymised frame a monitor re-runs the draw from (docs/decisions/2026-11-23-frames-and-draws.md).
 * One CSV row per dossier of the frame, duplicates included, no name, address or phone:
 *   stratum, unit_code, field_code, dossier_code, result_date (yyyy-mm-dd), person_key
 * person_key is the salted identity of §5 deduplication (lib/frames/person-key.ts): equal
 * for the same person within the plan, and impossible to turn back into a phone number.
 * The draw depends on nothing else: the selection key is SHA-256(seed|stratum|dossier
 * code), dedup keeps the latest result date (ties: the greater dossier code), and the
 * allocation uses N_h and the rules of the strata file.
 */
export const ANON_COLUMNS = ["stratum", "unit_code", "field_code", "dossier_code", "result_date", "person_key"] as const;
export const ANON_HEADER = ANON_COLUMNS.join(",");

type AnonFields = Pick<FrameRecord, "unitCode" | "fieldCode" | "dossierCode" | "resultDate"> & { personKey: string };

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function anonymisedCsvLine(stratum: string, r: AnonFields): string {
  return [stratum, r.unitCode, r.fieldCode ?? "", r.dossierCode, r.resultDate, r.personKey].map(quote).join(",");
}

/**
 * Checksum of the anonymised frame, version 1: SHA-256 (hex) of the UTF-8 text
 * `sipas-frame-anon-v1` LF, then for every record (duplicates included) the line
 * stratum TAB dossier code TAB result date TAB person key, lines sorted in code-unit
 * order, each followed by LF. Independent of row order; the app shows it with the draw and
 * the command line prints it, so a monitor can see the export is the frame that was drawn.
 */
export function anonymisedChecksum(records: readonly AnonFields[], mode: StratumMode): string {
  const lines: string[] = [];
  for (const r of records) {
    const stratum = stratumCodeOf(r, mode);
    if (stratum !== null) lines.push(`${stratum}\t${r.dossierCode}\t${r.resultDate}\t${r.personKey}`);
  }
  // The default sort compares UTF-16 code units: compareCodeUnits' order, without a callback.
  lines.sort();
  const h = createHash("sha256");
  h.update("sipas-frame-anon-v1\n");
  // Hash in blocks: one update per line costs more than the hashing itself.
  for (let i = 0; i < lines.length; i += 4096) h.update(`${lines.slice(i, i + 4096).join("\n")}\n`);
  return h.digest("hex");
}

/** Whether a header row is the anonymised format (rather than the frame template). */
export function isAnonymisedHeader(cells: readonly string[]): boolean {
  const set = new Set(cells.map((c) => c.trim().toLowerCase()));
  return ANON_COLUMNS.every((c) => set.has(c));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type AnonRecord = FrameRecord & { personKey: string; row: number };

/**
 * Reads an anonymised frame export (UTF-8 CSV, comma-separated, streamed) for the command
 * line. Every problem is reported with its row and column; `mode` is the strata of the
 * draw, and each row's stratum must agree with its unit (and field) code.
 */
export async function readAnonymisedFrame(path: string, mode: StratumMode): Promise<{ records: AnonRecord[]; problems: RowProblem[] }> {
  const parser = createReadStream(path).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true }));
  const records: AnonRecord[] = [];
  const problems: RowProblem[] = [];
  type Index = Record<(typeof ANON_COLUMNS)[number], number>;
  let index: Index | null = null;
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row++;
      if (!index) {
        if (!isAnonymisedHeader(cells)) throw new FrameFileError(`Tệp “${basename(path)}” không có đủ các cột ${ANON_HEADER}.`);
        const lower = cells.map((c) => c.trim().toLowerCase());
        index = Object.fromEntries(ANON_COLUMNS.map((c) => [c, lower.indexOf(c)])) as Index;
        continue;
      }
      const at: Index = index;
      const get = (c: (typeof ANON_COLUMNS)[number]) => (cells[at[c]] ?? "").trim();
      const bad = (column: string, value: string, reason: string) => problems.push({ row, column, value, reason });
      const unitCode = get("unit_code");
      const fieldCode = get("field_code") || null;
      const dossierCode = get("dossier_code");
      const resultDate = get("result_date");
      const personKey = get("person_key");
      const before = problems.length;
      if (!isValidCode(unitCode)) bad("unit_code", unitCode, "Mã đơn vị rỗng hoặc chứa ký tự / hay |.");
      if (fieldCode !== null && !isValidCode(fieldCode)) bad("field_code", fieldCode, "Mã lĩnh vực chứa ký tự / hay |.");
      if (dossierCode === "") bad("dossier_code", "", "Thiếu mã hồ sơ.");
      if (!ISO_DATE.test(resultDate)) bad("result_date", resultDate, "Ngày phải có dạng yyyy-mm-dd.");
      if (!isStoredPersonKey(personKey)) bad("person_key", personKey, "Khóa người phải là p hoặc n và 64 chữ số hex.");
      const stratum = stratumCodeOf({ unitCode, fieldCode }, mode);
      if (problems.length === before && stratum !== get("stratum")) {
        bad("stratum", get("stratum"), `Tầng không khớp với cách phân tầng ${mode} (phải là “${stratum ?? "—"}”): hãy kiểm tra tham số --strata.`);
      }
      if (problems.length > before) continue;
      records.push({ unitCode, fieldCode, dossierCode, resultDate, personKey, name: "", kind: "individual", address: null, phone: null, procedure: null, row });
    }
  } catch (err) {
    if (err instanceof FrameFileError) throw err;
    throw new FrameFileError(`Tệp “${basename(path)}” sai định dạng CSV ở dòng ${row + 1}.`);
  }
  if (!index) throw new FrameFileError(`Tệp “${basename(path)}” không có dữ liệu.`);
  return { records, problems };
}
