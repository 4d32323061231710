import { db, type Tx } from "@/lib/db";
import { withDedicatedConnection } from "@/lib/db/dedicated";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { conflict, invalid, notFound } from "@/lib/errors";
import { framesText as t } from "@/lib/i18n/frames";
import { requirePlanAllows } from "@/lib/plans/guard";
import { ZPlanSettings } from "@/lib/plans/schemas";
import { lockPlanFrame, supersedeDraftDraws } from "@/lib/draws/frame-lock";
import { FrameWriter, type Conflict, type FrameContext, type WriteScope } from "./import-writer";
import { newPersonKeySalt } from "./person-key";
import type { RowProblem, RowResult, ValidationContext } from "./validate";

/** One row as read and validated: its number in the file (or the batch) and the result. */
export type ImportItem = { row: number; result: RowResult };

/** The headers to name in problems the writer finds (as written in the file). */
export type ImportColumns = { unitCode: string; dossierCode: string; fieldCode: string };

export type CommitInput = {
  planId: number;
  actor: Actor;
  source: "FILE" | "API";
  fileName: string | null;
  /** SHA-256 of the file, or of the canonical JSON body. */
  checksum: string;
  idempotencyKey?: string | null;
  scope: WriteScope;
  columns: ImportColumns;
  /**
   * Reads and validates the rows, given what the plan allows (units, fields, window), in
   * batches (a promise per row was a noticeable share of a million-row import).
   */
  read: (ctx: ValidationContext) => AsyncIterable<readonly ImportItem[]>;
  /** Called for every problem, in order; nothing is written when there is any. */
  onProblem: (p: RowProblem) => void;
  onCommitting?: () => void;
  /** Runs first under the frame lock (e.g. to find an idempotency key a racing request stored). */
  beforeWrite?: (tx: Tx) => Promise<void>;
  /** Runs last inside the transaction (e.g. to store the API response under its idempotency key). */
  finalize?: (tx: Tx, result: CommittedImport) => Promise<void>;
};

export type CommittedImport = {
  importId: number;
  rowCount: number;
  units: number;
  replacedRecords: number;
  duplicateRecords: number;
  supersededDraws: number;
};

export type CommitOutcome = ({ ok: true } & CommittedImport) | { ok: false; problemCount: number };

/** A long file may take minutes to read; the transaction must outlive it. */
const IMPORT_TIMEOUT_MS = 30 * 60_000;

class Rejected extends Error {}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The plan's units, fields, window and salt (created with the first import). */
async function frameContext(tx: Tx, planId: number, windowStart: Date, windowEnd: Date) {
  const [units, fields, plan] = await Promise.all([
    tx.planUnit.findMany({ where: { planId }, select: { unit: { select: { id: true, code: true } } } }),
    tx.field.findMany({ where: { active: true }, select: { id: true, code: true } }),
    tx.plan.findUniqueOrThrow({ where: { id: planId }, select: { personKeySalt: true } }),
  ]);
  if (!plan.personKeySalt) throw new Error("commitFrame: the plan has no person-key salt");
  const ctx: FrameContext = {
    planId,
    salt: plan.personKeySalt,
    unitIds: new Map(units.map((u) => [u.unit.code, u.unit.id])),
    fieldIds: new Map(fields.map((f) => [f.code, f.id])),
  };
  const validation: ValidationContext = {
    unitCodes: new Set(ctx.unitIds.keys()),
    fieldCodes: new Set(ctx.fieldIds.keys()),
    window: { start: iso(windowStart), end: iso(windowEnd) },
  };
  return { ctx, validation };
}

function conflictProblem(c: Conflict, columns: ImportColumns, importId: number): RowProblem {
  const reason = c.firstImportId === importId ? t.dossierInFile(c.firstRow) : t.dossierInFrame(c.firstImportId, c.firstRow);
  return { row: c.row, column: columns.dossierCode, value: c.dossierCode, reason };
}

/**
 * Imports a frame in one transaction: checks the plan allows it, reads and validates every
 * row, writes clean rows as they come (so the file is never held in memory) and rolls
 * everything back if any problem was found — nothing is committed until the file is clean.
 * The transaction runs on a connection of its own so that rows can go in by COPY
 * (lib/db/dedicated.ts) while the plan lock, the audit event and the rest use Prisma.
 * Imports and draws of one plan are serialised by the plan's frame lock; a draft draw made
 * from the old frame is superseded.
 */
export async function commitFrame(input: CommitInput): Promise<CommitOutcome> {
  await ensurePersonKeySalt(input.planId);
  let problems = 0;
  const problem = (p: RowProblem) => {
    problems++;
    input.onProblem(p);
  };
  try {
    const result = await withDedicatedConnection((prisma, raw) => prisma.$transaction(
      async (tx) => {
        await lockPlanFrame(tx, input.planId);
        await input.beforeWrite?.(tx);
        const plan = await requirePlanAllows(tx, input.planId, "frames.import");
        const lockedDraws = await tx.sampleDraw.count({ where: { planId: plan.id, status: "LOCKED" } });
        if (lockedDraws > 0) throw conflict(t.notFrameState);
        const settings = ZPlanSettings.safeParse(plan.settings);
        const needField = settings.success && settings.data.strata === "unit-field";
        const { ctx, validation } = await frameContext(tx, plan.id, plan.windowStart, plan.windowEnd);
        let scopeUnitCode: string | null = null;
        if (input.scope.kind === "unit") {
          const unitId = input.scope.unitId;
          scopeUnitCode = [...ctx.unitIds].find(([, id]) => id === unitId)?.[0] ?? null;
          if (scopeUnitCode === null) throw invalid(t.unitNotInPlan);
        }
        const supersededDraws = await supersedeDraftDraws(tx, plan.id);
        const imp = await tx.frameImport.create({
          data: {
            planId: plan.id, source: input.source, fileName: input.fileName, checksum: input.checksum, rowCount: 0,
            idempotencyKey: input.idempotencyKey ?? null, createdById: input.actor.id,
          },
          select: { id: true },
        });
        const writer = new FrameWriter(tx, raw, ctx, imp.id, input.scope);
        await writer.start();
        const units = new Set<string>();
        for await (const batch of input.read(validation)) {
          for (const item of batch) {
            if (!item.result.ok) {
              for (const p of item.result.problems) problem(p);
              continue;
            }
            const record = item.result.record;
            if (scopeUnitCode !== null && record.unitCode !== scopeUnitCode) {
              problem({ row: item.row, column: input.columns.unitCode, value: record.unitCode, reason: t.otherUnit(scopeUnitCode) });
              continue;
            }
            if (needField && record.fieldCode === null) {
              problem({ row: item.row, column: input.columns.fieldCode, value: "", reason: t.needField });
              continue;
            }
            // Clean rows are written even after a problem (the transaction will roll back), so
            // that a dossier code repeated further down is reported in the same pass.
            units.add(record.unitCode);
            if (writer.add(record, item.row)) await writer.rotate();
          }
        }
        await writer.flush();
        await writer.conflicts((batch) => {
          for (const c of batch) problem(conflictProblem(c, input.columns, imp.id));
        });
        if (problems === 0 && writer.inserted === 0) problem({ row: 1, column: "", value: "", reason: t.emptyFile });
        if (problems > 0) throw new Rejected();
        input.onCommitting?.();
        return finish(tx, input, { importId: imp.id, writer, units: units.size, supersededDraws });
      },
      { timeout: IMPORT_TIMEOUT_MS, maxWait: 60_000 },
    ));
    return { ok: true, ...result };
  } catch (err) {
    if (err instanceof Rejected) return { ok: false, problemCount: problems };
    throw err;
  }
}

async function finish(
  tx: Tx,
  input: CommitInput,
  r: { importId: number; writer: FrameWriter; units: number; supersededDraws: number },
): Promise<CommittedImport> {
  const planId = input.planId;
  await tx.frameImport.update({ where: { id: r.importId }, data: { rowCount: r.writer.inserted } });
  // An earlier import whose every record was replaced is kept for the record, marked as such.
  await tx.$executeRaw`
    UPDATE "FrameImport" fi SET "status" = 'REPLACED'
     WHERE fi."planId" = ${planId} AND fi."id" <> ${r.importId} AND fi."status" = 'COMMITTED'
       AND NOT EXISTS (SELECT 1 FROM "FrameRecord" fr WHERE fr."importId" = fi."id")`;
  const duplicateRecords = await r.writer.duplicates();
  const result: CommittedImport = {
    importId: r.importId,
    rowCount: r.writer.inserted,
    units: r.units,
    replacedRecords: r.writer.replacedRecords,
    duplicateRecords,
    supersededDraws: r.supersededDraws,
  };
  await recordAudit(tx, {
    actor: input.actor,
    action: "frame.import",
    entity: "FrameImport",
    entityId: r.importId,
    planId,
    after: {
      source: input.source, fileName: input.fileName, checksum: input.checksum, rows: result.rowCount, units: result.units,
      scope: input.scope, replacedRecords: result.replacedRecords, supersededDraws: result.supersededDraws,
      idempotencyKey: input.idempotencyKey ?? null,
    },
  });
  await input.finalize?.(tx, result);
  return result;
}

/**
 * Gives the plan its person-key salt in a short transaction of its own, so that the long
 * import transaction never holds a write lock on the plan row.
 */
async function ensurePersonKeySalt(planId: number): Promise<void> {
  await db().$executeRaw`
    UPDATE "Plan" SET "personKeySalt" = ${newPersonKeySalt()} WHERE id = ${planId} AND "personKeySalt" IS NULL`;
}

/** For a rejected import: a trace in the audit trail (counts only, never the rows). */
export async function auditRejectedImport(input: { planId: number; actor: Actor; source: "FILE" | "API"; fileName: string | null; checksum: string; problems: number }): Promise<void> {
  const plan = await db().plan.findUnique({ where: { id: input.planId }, select: { id: true } });
  if (!plan) throw notFound(t.unitNotInPlan);
  await db().$transaction((tx) =>
    recordAudit(tx, {
      actor: input.actor, action: "frame.import.rejected", entity: "Plan", entityId: input.planId, planId: input.planId,
      after: { source: input.source, fileName: input.fileName, checksum: input.checksum, problems: input.problems },
    }),
  );
}
