import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { db, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { writeErrorReport } from "@/lib/frames/error-report";
import { FrameFileError } from "@/lib/frames/messages";
import { openFrameFile, readNotices } from "@/lib/frames/reader";
import type { RawRow } from "@/lib/frames/cell";
import type { RowProblem } from "@/lib/frames/validate";
import { unitsText } from "@/lib/i18n/units";
import { lockRegistry, validityChangeProblems } from "./checks";
import { dayDate, isoDay } from "./days";
import { unitAuditView } from "./edit";
import { resolveUnitHeader, UNIT_COLUMNS, type UnitColumnKey } from "./excel-columns";
import { validateUnitRows, type ImportContext, type UnitImportRow } from "./import-rows";

/**
 * Import of the registry from .xlsx or .csv: create or update by code. The whole file is
 * checked first (every row, then the rules that need the database) under the registry
 * lock; if anything is wrong nothing is written and the problems come back with an Excel
 * error report. A clean file is committed in one transaction with one audit event.
 */

const M = unitsText.import;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const MAX_ROWS = 50_000;
const SHOWN = 200;

export type ImportOutcome =
  | { ok: true; created: number; updated: number; unchanged: number; notices: string[]; message: string }
  | { ok: false; message: string; problems: RowProblem[]; total: number; report: string };

const HEADER = new Map(UNIT_COLUMNS.map((c) => [c.key, c.header]));

async function failure(dir: string, problems: RowProblem[]): Promise<ImportOutcome> {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  const file = path.join(dir, `bang-loi-${randomUUID()}.xlsx`);
  await writeErrorReport({ filename: file }, sorted);
  const rows = new Set(sorted.map((p) => p.row)).size;
  return { ok: false, message: M.failed(sorted.length, rows), problems: sorted.slice(0, SHOWN), total: sorted.length, report: (await readFile(file)).toString("base64") };
}

export async function importUnits(file: { name: string; bytes: Buffer }, actor: Actor): Promise<ImportOutcome> {
  const ext = path.extname(file.name).toLowerCase();
  const dir = await mkdtemp(path.join(tmpdir(), "sipas-units-"));
  try {
    // The user's own file name (made safe) so that reader messages name the file they chose.
    const safe = path.basename(file.name).normalize("NFC").replace(/[^\p{L}\p{N} ._()-]/gu, "_").slice(-120) || `tep${ext}`;
    const upload = path.join(dir, safe);
    await writeFile(upload, file.bytes);
    let header: { row: number; cells: string[] };
    const rows: RawRow[] = [];
    let notices: string[];
    try {
      const f = await openFrameFile(upload, { maxRows: MAX_ROWS });
      header = f.header;
      for await (const r of f.rows) rows.push(r);
      notices = readNotices(f.report);
    } catch (err) {
      if (err instanceof FrameFileError) return await failure(dir, [{ row: 0, column: M.columnGeneral, value: file.name, reason: err.message }]);
      throw err;
    }
    const h = resolveUnitHeader(header.cells);
    const headerProblems: RowProblem[] = [
      ...h.missing.map((c) => ({ row: header.row, column: c, value: "", reason: M.headerMissing(c) })),
      ...h.duplicate.map((c) => ({ row: header.row, column: c, value: c, reason: M.headerDuplicate(c) })),
    ];
    if (headerProblems.length) return await failure(dir, headerProblems);
    if (rows.length === 0) return await failure(dir, [{ row: header.row + 1, column: M.columnGeneral, value: "", reason: M.noRows }]);
    if (h.ignored.length) notices.push(M.ignoredColumns(h.ignored.map((c) => `“${c}”`).join(", ")));
    const sha256 = createHash("sha256").update(file.bytes).digest("hex");

    return await db().$transaction(
      async (tx) => {
        await lockRegistry(tx);
        const ctx = await loadContext(tx);
        const checked = validateUnitRows(rows, h.index, ctx.import);
        const problems = [...checked.problems, ...(await databaseProblems(tx, checked.rows, ctx))];
        if (problems.length) return await failure(dir, problems);
        const r = await commit(tx, checked.rows, h.index, ctx);
        await recordAudit(tx, {
          actor, action: "unit.import", entity: "Unit",
          after: { file: file.name, sha256, rows: rows.length, created: r.created, updated: r.updated },
        });
        const message = M.done(r.created.length, r.updated.length, rows.length - r.created.length - r.updated.length);
        return { ok: true as const, created: r.created.length, updated: r.updated.length, unchanged: rows.length - r.created.length - r.updated.length, notices, message };
      },
      { timeout: 120_000 },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

type Existing = Awaited<ReturnType<typeof loadContext>>["byCode"] extends Map<string, infer U> ? U : never;

async function loadContext(tx: Tx) {
  const levels = await tx.adminLevel.findMany();
  const blocks = await tx.block.findMany();
  const units = await tx.unit.findMany({ include: { parent: { select: { code: true } } } });
  const byCode = new Map(units.map((u) => [u.code, u]));
  const importCtx: ImportContext = {
    levels: new Map(levels.map((l) => [l.code, { name: l.name, validFrom: isoDay(l.validFrom), validTo: l.validTo ? isoDay(l.validTo) : null }])),
    blocks: new Set(blocks.map((b) => b.code)),
    existing: new Map(units.map((u) => [u.code, u.parent?.code ?? null])),
  };
  return { import: importCtx, byCode, levelId: new Map(levels.map((l) => [l.code, l.id])), blockId: new Map(blocks.map((b) => [b.code, b.id])) };
}
type Ctx = Awaited<ReturnType<typeof loadContext>>;

/** Rules that need the rest of the data: closing or moving a unit that frames, plans or links pin down. */
async function databaseProblems(tx: Tx, rows: readonly UnitImportRow[], ctx: Ctx): Promise<RowProblem[]> {
  const out: RowProblem[] = [];
  for (const r of rows) {
    const u = ctx.byCode.get(r.code);
    if (!u) continue;
    if (isoDay(u.validFrom) === r.validFrom && (u.validTo ? isoDay(u.validTo) : null) === r.validTo) continue;
    for (const p of await validityChangeProblems(tx, u.id, r.validFrom, r.validTo)) {
      const key: UnitColumnKey = p.path === "validFrom" ? "validFrom" : "validTo";
      out.push({ row: r.row, column: HEADER.get(key)!, value: (key === "validFrom" ? r.validFrom : r.validTo) ?? "", reason: p.message });
    }
  }
  return out;
}

async function commit(tx: Tx, rows: readonly UnitImportRow[], index: Partial<Record<UnitColumnKey, number>>, ctx: Ctx) {
  const has = (k: UnitColumnKey) => index[k] !== undefined;
  const created: string[] = [];
  const updated: { code: string; before: Record<string, unknown>; after: Record<string, unknown> }[] = [];
  const ids = new Map([...ctx.byCode].map(([code, u]) => [code, u.id]));
  const values = (r: UnitImportRow, u?: Existing) => ({
    name: r.name,
    shortName: has("shortName") ? r.shortName : (u?.shortName ?? null),
    levelId: ctx.levelId.get(r.level)!,
    blockId: ctx.blockId.get(r.block)!,
    validFrom: dayDate(r.validFrom),
    validTo: r.validTo ? dayDate(r.validTo) : null,
    providesPublicServices: has("publicServices") ? r.providesPublicServices : (u?.providesPublicServices ?? true),
    address: has("address") ? r.address : (u?.address ?? null),
    note: has("note") ? r.note : (u?.note ?? null),
  });
  for (const r of rows) {
    if (ctx.byCode.has(r.code)) continue;
    const u = await tx.unit.create({ data: { code: r.code, ...values(r) }, select: { id: true } });
    ids.set(r.code, u.id);
    created.push(r.code);
  }
  for (const r of rows) {
    const u = ctx.byCode.get(r.code);
    const parentId = has("parent") ? (r.parent ? ids.get(r.parent)! : null) : (u?.parentId ?? null);
    if (!u) {
      if (parentId !== null) await tx.unit.update({ where: { id: ids.get(r.code)! }, data: { parentId } });
      continue;
    }
    const next = { ...values(r, u), parentId };
    const b = unitAuditView(u);
    const a = unitAuditView({ ...u, ...next });
    const keys = (Object.keys(a) as (keyof typeof a)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    if (keys.length === 0) continue;
    await tx.unit.update({ where: { id: u.id }, data: next });
    updated.push({ code: r.code, before: Object.fromEntries(keys.map((k) => [k, b[k]])), after: Object.fromEntries(keys.map((k) => [k, a[k]])) });
  }
  return { created, updated };
}
