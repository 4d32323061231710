import type { Actor } from "@/lib/audit/service";
import { COLUMN_BY_KEY, proposeMapping, resolveColumns, type ColumnKey } from "./columns";
import { auditRejectedImport, commitFrame, type CommittedImport, type ImportItem } from "./import";
import type { WriteScope } from "./import-writer";
import { FrameFileError } from "./messages";
import { ProblemLog } from "./problem-log";
import { openFrameFile, readNotices } from "./reader";
import { headerProblemRows, validateRow, type RowProblem } from "./validate";

export type ImportProgress =
  | { phase: "reading"; rows: number; bytesRead: number; totalBytes: number }
  | { phase: "committing"; rows: number };

export type FileImportOutcome =
  | { status: "mapping"; headers: string[]; proposed: Partial<Record<ColumnKey, string>>; problems: RowProblem[] }
  | { status: "rejected"; problemCount: number; problems: RowProblem[]; notices: string[]; report: boolean }
  | ({ status: "committed"; notices: string[] } & CommittedImport)
  | { status: "failed"; error: string };

export type FileImportInput = {
  planId: number;
  actor: Actor;
  path: string;
  fileName: string;
  checksum: string;
  scope: WriteScope;
  /** Header text in the file → template column, from the mapping step. */
  mapping?: Readonly<Record<string, ColumnKey>>;
  /** Where to write the Excel error report if there are problems. */
  reportPath: string | null;
  onProgress?: (p: ImportProgress) => void;
};

/** The mapping the person is shown: for each template column, the file header proposed for it. */
function proposal(headers: readonly string[], mapping?: Readonly<Record<string, ColumnKey>>): Partial<Record<ColumnKey, string>> {
  const out: Partial<Record<ColumnKey, string>> = {};
  for (const [header, key] of Object.entries({ ...proposeMapping(headers), ...mapping })) out[key] ??= header;
  return out;
}

/**
 * Imports a frame file already saved on disk (.xlsx or .csv, streamed by lib/frames/reader):
 * resolves the columns (or asks for a mapping), validates every row against the plan and
 * commits the file in one transaction only if no row has a problem.
 */
export async function importFrameFile(input: FileImportInput): Promise<FileImportOutcome> {
  let rows = 0;
  let file;
  try {
    file = await openFrameFile(input.path, {
      onProgress: (p) => {
        rows = p.rows;
        input.onProgress?.({ phase: "reading", ...p });
      },
    });
  } catch (err) {
    if (err instanceof FrameFileError) return { status: "failed", error: err.message };
    throw err;
  }
  const { columns, problems: headerProblems } = resolveColumns(file.header.cells, input.mapping);
  if (headerProblems.length > 0) {
    await file.rows.return(undefined);
    return {
      status: "mapping",
      headers: file.header.cells.filter((h) => h !== ""),
      proposed: proposal(file.header.cells, input.mapping),
      problems: headerProblemRows(headerProblems, file.header.row),
    };
  }
  const header = (key: ColumnKey) => columns[key]?.header ?? COLUMN_BY_KEY.get(key)?.header ?? key;
  const log = new ProblemLog(input.reportPath);
  try {
    const outcome = await commitFrame({
      planId: input.planId,
      actor: input.actor,
      source: "FILE",
      fileName: input.fileName,
      checksum: input.checksum,
      scope: input.scope,
      columns: { unitCode: header("unitCode"), dossierCode: header("dossierCode"), fieldCode: header("fieldCode") },
      read: async function* (ctx) {
        // The reader's batches (a chunk of the file each): one await per batch, not per row.
        for await (const batch of file.batches) {
          yield batch.map((raw): ImportItem => ({ row: raw.row, result: validateRow(raw, columns, ctx) }));
        }
      },
      onProblem: (p) => log.add(p),
      onCommitting: () => input.onProgress?.({ phase: "committing", rows }),
    });
    const report = await log.close();
    const notices = readNotices(file.report);
    if (outcome.ok) {
      const { ok: _ok, ...committed } = outcome;
      return { status: "committed", notices, ...committed };
    }
    await auditRejectedImport({ planId: input.planId, actor: input.actor, source: "FILE", fileName: input.fileName, checksum: input.checksum, problems: log.count });
    // Repeated dossier codes are found a chunk later than the row's other problems: show by row.
    const shown = log.shown.slice().sort((a, b) => a.row - b.row);
    return { status: "rejected", problemCount: log.count, problems: shown, notices, report };
  } catch (err) {
    await log.close();
    await file.rows.return(undefined);
    if (err instanceof FrameFileError) return { status: "failed", error: err.message };
    throw err;
  }
}
