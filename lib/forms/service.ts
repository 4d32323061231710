import type pg from "pg";
import { db, type Tx } from "@/lib/db";
import { copyFrom } from "@/lib/db/copy";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { lockPlanFrame } from "@/lib/draws/frame-lock";
import { ZPlanSettings } from "@/lib/plans/schemas";
import { assertPlanAllows } from "@/lib/plans/lifecycle";
import { formsText as t } from "@/lib/i18n/forms";
import { encodeFormCode, formatFormCode } from "./form-code";
import { isDoubleEntryReplacement, pickDoubleEntry } from "./double-entry";
import { mayBeReplaced } from "./state-machine";
import { lockFormById, moveForm, type TLockedForm } from "./transition";

/**
 * Forms of a plan: one per person of the sample, created when the draw is locked, and one
 * per reserve person who replaces a form that could not be collected (SIPAS-METHOD §6).
 * Codes are `encodeFormCode({ plan: Plan.id, unit: Unit.id, seq })`, seq counting up per
 * plan and unit.
 */

// Serialises the numbering of forms within a plan (two-key advisory lock: class, plan).
const SEQUENCE_LOCK_CLASS = 580_117;

async function lockPlanNumbering(tx: Tx, planId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEQUENCE_LOCK_CLASS}::int, ${planId}::int)`;
}

async function nextSequences(tx: Tx, planId: number, unitId?: number): Promise<Map<number, number>> {
  const rows = await tx.form.groupBy({ by: ["unitId"], where: { planId, ...(unitId ? { unitId } : {}) }, _max: { sequence: true } });
  return new Map(rows.map((r) => [r.unitId, r._max.sequence ?? 0]));
}

function codeFor(planId: number, unitId: number, seq: number): string {
  try {
    return encodeFormCode({ plan: planId, unit: unitId, seq });
  } catch {
    throw invalid(t.codeOutOfRange(planId, unitId, seq));
  }
}

/** The plan's double-entry share, read on its own so that a problem elsewhere in the settings does not change it. */
export function doubleEntryShare(settings: unknown): number {
  const field = ZPlanSettings.shape.doubleEntryShare;
  const raw = settings !== null && typeof settings === "object" ? (settings as Record<string, unknown>).doubleEntryShare : undefined;
  const parsed = field.safeParse(raw);
  return parsed.success ? parsed.data : field.parse(undefined);
}

export type TCreatedForms = { created: number; doubleEntry: number; spoiled: number };

/**
 * Creates one form (state CREATED) per MAIN selection of a draw that has none yet, and
 * chooses the double-entry forms from the draw's seed (lib/forms/double-entry.ts).
 * Called by the sampling service inside the transaction that locks the draw; calling it
 * again creates nothing twice. Forms left from an earlier draw of the plan that never left
 * the office (CREATED, PRINTED) are marked SPOILED; if any was already sent, it refuses.
 * `raw`, the transaction's own pg connection (lib/db/dedicated.ts), reads the selections
 * and writes the forms by COPY: a draw has 100,000s of them.
 */
export async function createFormsForDraw(tx: Tx, drawId: number, actor: Actor, raw?: pg.ClientBase): Promise<TCreatedForms> {
  const draw = await tx.sampleDraw.findUnique({
    where: { id: drawId },
    select: { id: true, planId: true, seed: true, plan: { select: { settings: true } } },
  });
  if (!draw) throw notFound(t.drawNotFound);
  await lockPlanNumbering(tx, draw.planId);

  // Forms of the plan from an earlier draw (or from none) that are still in use.
  const stale = await tx.$queryRaw<{ id: number }[]>`
    SELECT f."id" FROM "Form" f
     WHERE f."planId" = ${draw.planId} AND f."state" NOT IN ('SPOILED', 'REPLACED')
       AND (f."selectionId" IS NULL OR NOT EXISTS (SELECT 1 FROM "Selection" s WHERE s."id" = f."selectionId" AND s."drawId" = ${drawId}))
     ORDER BY f."id"`;
  let spoiled = 0;
  for (const { id } of stale) {
    const form = await lockFormById(tx, id);
    if (!form) continue;
    if (form.state !== "CREATED" && form.state !== "PRINTED") throw conflict(t.redrawAfterDispatch(formatFormCode(form.code)));
    await moveForm(tx, form, "SPOILED", { actor, note: { reason: "redraw", drawId } });
    spoiled++;
  }

  // The MAIN selections without a form, in the draw's order: stratum code (code-unit
  // order, as lib/sampling sorts), then order within the stratum.
  const sql = `SELECT s."id", s."key", s."stratumId", st."code", st."unitId", s."order"
                 FROM "Selection" s JOIN "Stratum" st ON st."id" = s."stratumId"
                WHERE s."drawId" = $1 AND s."role" = 'MAIN' AND NOT EXISTS (SELECT 1 FROM "Form" f WHERE f."selectionId" = s."id")`;
  type Row = [id: number, key: string, stratumId: number, code: string, unitId: number, order: number];
  const rows: Row[] = raw
    ? (await raw.query<Row>({ text: sql, values: [drawId], rowMode: "array" })).rows
    : (await tx.$queryRawUnsafe<{ id: number; key: string; stratumId: number; code: string; unitId: number; order: number }[]>(sql, drawId)).map((r) => [r.id, r.key, r.stratumId, r.code, r.unitId, r.order]);
  const codes = [...new Set(rows.map((r) => r[3]))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rank = new Map(codes.map((c, i) => [c, i]));
  const ranks = Int32Array.from(rows, (r) => rank.get(r[3])!);
  const byDrawOrder = Int32Array.from(rows, (_, i) => i).sort((a, b) => ranks[a]! - ranks[b]! || rows[a]![5] - rows[b]![5]);
  const selections = Array.from(byDrawOrder, (i) => rows[i]!);
  const chosen = pickDoubleEntry(draw.seed, selections.map((s) => s[1]), doubleEntryShare(draw.plan.settings));
  const last = await nextSequences(tx, draw.planId);
  const data = selections.map(([id, key, stratumId, , unitId]) => {
    const seq = (last.get(unitId) ?? 0) + 1;
    last.set(unitId, seq);
    return { planId: draw.planId, unitId, stratumId, selectionId: id, code: codeFor(draw.planId, unitId, seq), sequence: seq, doubleEntry: chosen.has(key) };
  });
  if (raw) {
    // One COPY (lib/db/copy.ts), updatedAt as the INSERT below would set it.
    const [[now]] = (await raw.query<[string]>({ text: `SELECT now()::timestamp(3)::text`, rowMode: "array" })).rows as [[string]];
    const lines = data.map((d) => `${d.planId}\t${d.unitId}\t${d.stratumId}\t${d.selectionId}\t${d.code}\t${d.sequence}\t${d.doubleEntry ? "t" : "f"}\t${now}\n`);
    if (lines.length > 0) await copyFrom(raw, "Form", ["planId", "unitId", "stratumId", "selectionId", "code", "sequence", "doubleEntry", "updatedAt"], lines.join(""));
  } else {
    for (let i = 0; i < data.length; i += 5000) {
      const part = data.slice(i, i + 5000);
      // One INSERT … SELECT FROM unnest per chunk: Prisma's createMany took seconds per chunk
      // (about 10 s for the 15,000 forms of the 2024 demo plan).
      await tx.$executeRaw`
        INSERT INTO "Form" ("planId", "unitId", "stratumId", "selectionId", "code", "sequence", "doubleEntry", "updatedAt")
        SELECT *, now() FROM unnest(${part.map((d) => d.planId)}::int[], ${part.map((d) => d.unitId)}::int[], ${part.map((d) => d.stratumId)}::int[],
          ${part.map((d) => d.selectionId)}::int[], ${part.map((d) => d.code)}::text[], ${part.map((d) => d.sequence)}::int[], ${part.map((d) => d.doubleEntry)}::boolean[])`;
    }
  }
  const doubleEntry = data.filter((d) => d.doubleEntry).length;
  if (data.length > 0 || spoiled > 0) {
    await recordAudit(tx, {
      actor,
      action: "forms.create",
      entity: "SampleDraw",
      entityId: drawId,
      planId: draw.planId,
      after: { created: data.length, doubleEntry, spoiledFromEarlierDraws: spoiled },
    });
  }
  return { created: data.length, doubleEntry, spoiled };
}

export type TReplacement = { oldCode: string; newCode: string; newFormId: number; reserveOrder: number };

/**
 * Replaces a form that came back NOT_RETURNED, UNDELIVERABLE or REFUSED: the next unused
 * reserve person of the same stratum, in reserve order, gets a new form (CREATED), and
 * the old form becomes REPLACED. `expectedVersion`, when given, refuses a stale request.
 */
export async function replaceForm(tx: Tx, formId: number, actor: Actor, expectedVersion?: number): Promise<TReplacement> {
  const form = await lockFormById(tx, formId);
  if (!form) throw notFound(t.formNotFound);
  const plan = await tx.plan.findUniqueOrThrow({ where: { id: form.planId }, select: { state: true, title: true, settings: true } });
  assertPlanAllows(plan, "forms.replace");
  const display = formatFormCode(form.code);
  if (expectedVersion !== undefined && expectedVersion !== form.version) throw conflict(t.changedMeanwhile(display));
  if (!mayBeReplaced(form.state)) throw conflict(t.notReplaceable(display));
  return createReplacement(tx, form, plan.settings, actor);
}

/**
 * The replacement itself, for a form already locked and checked (replaceForm; the demo
 * seed, which writes history whatever stage the plan is in).
 */
export async function createReplacement(tx: Tx, form: TLockedForm, settings: unknown, actor: Actor): Promise<TReplacement> {
  const display = formatFormCode(form.code);
  // The frame lock first, as the lock of a draw takes it: the new form's selection is checked
  // under it (migration form_statement_checks), before the numbering lock.
  await lockPlanFrame(tx, form.planId);
  await lockPlanNumbering(tx, form.planId);
  const origin = form.selectionId ? await tx.selection.findUnique({ where: { id: form.selectionId }, select: { drawId: true } }) : null;
  const draw = origin
    ? await tx.sampleDraw.findUniqueOrThrow({ where: { id: origin.drawId }, select: { id: true, seed: true } })
    : await tx.sampleDraw.findFirst({ where: { planId: form.planId, status: "LOCKED" }, orderBy: { id: "desc" }, select: { id: true, seed: true } });
  if (!draw) throw conflict(t.noDraw);
  const [reserve] = await tx.$queryRaw<{ id: number; key: string; order: number }[]>`
    SELECT s."id", s."key", s."order" FROM "Selection" s
     WHERE s."drawId" = ${draw.id} AND s."stratumId" = ${form.stratumId} AND s."role" = 'RESERVE' AND s."usedAt" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "Form" f WHERE f."selectionId" = s."id")
     ORDER BY s."order" LIMIT 1`;
  if (!reserve) throw conflict(t.reserveExhausted(display));

  const seq = ((await nextSequences(tx, form.planId, form.unitId)).get(form.unitId) ?? 0) + 1;
  const code = codeFor(form.planId, form.unitId, seq);
  const created = await tx.form.create({
    data: {
      planId: form.planId,
      unitId: form.unitId,
      stratumId: form.stratumId,
      selectionId: reserve.id,
      code,
      sequence: seq,
      replacesFormId: form.id,
      doubleEntry: isDoubleEntryReplacement(draw.seed, reserve.key, doubleEntryShare(settings)),
    },
    select: { id: true },
  });
  await tx.selection.update({ where: { id: reserve.id }, data: { usedAt: new Date() } });
  await moveForm(tx, form, "REPLACED", { actor, note: { replacedBy: code, reserveOrder: reserve.order } });
  await recordAudit(tx, {
    actor,
    action: "form.create_replacement",
    entity: "Form",
    entityId: created.id,
    planId: form.planId,
    after: { code, replaces: form.code, reserveOrder: reserve.order, state: "CREATED" },
  });
  return { oldCode: form.code, newCode: code, newFormId: created.id, reserveOrder: reserve.order };
}

/**
 * Replaces every replaceable form of a plan (or of one unit), each in its own
 * transaction: a stratum whose reserve ran out does not stop the others.
 */
export async function replaceAllReplaceable(planId: number, unitId: number | undefined, actor: Actor): Promise<{ done: TReplacement[]; failed: { code: string; reason: string }[] }> {
  const forms = await db().form.findMany({
    where: { planId, state: { in: ["NOT_RETURNED", "UNDELIVERABLE", "REFUSED"] }, ...(unitId ? { unitId } : {}) },
    orderBy: [{ unitId: "asc" }, { sequence: "asc" }],
    select: { id: true, code: true },
  });
  const done: TReplacement[] = [];
  const failed: { code: string; reason: string }[] = [];
  for (const f of forms) {
    try {
      done.push(await db().$transaction((tx) => replaceForm(tx, f.id, actor)));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      failed.push({ code: formatFormCode(f.code), reason: err.message });
    }
  }
  return { done, failed };
}
