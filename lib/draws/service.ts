import type pg from "pg";
import { copyFrom, copyText } from "@/lib/db/copy";
import { withDedicatedConnection } from "@/lib/db/dedicated";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { conflict, invalid, notFound } from "@/lib/errors";
import { samplingText as t } from "@/lib/i18n/sampling";
import { requirePlanAllows, transitionPlan } from "@/lib/plans/guard";
import { ZPlanSettings } from "@/lib/plans/schemas";
import { createFormsForDraw } from "@/lib/forms/service";
import { SamplingInputError } from "@/lib/sampling/messages";
import { normalizeSeed } from "@/lib/sampling/selection";
import { lockPlanFrame, supersedeDraftDraws } from "./frame-lock";
import { drawFromDatabase } from "./draw-db";
import type { FrameDraw } from "./fast-draw";
import { assertUnitsInPlan, loadPlanUnits, planRuleFor } from "./plan-units";
import { formatRule } from "./rule-text";
import { toStoredAllocation } from "./stored";

const DRAW_TIMEOUT_MS = 10 * 60_000;

export type DrawOutcome = { drawId: number; main: number; reserve: number; repeated: boolean };

/** Receives the time of each step of a draw (the benchmark prints them). */
export type PhaseLog = (phase: string, ms: number) => void;

/** Calls `log` with the time since the previous call (or since creation). */
export function phaseClock(log?: PhaseLog): (phase: string) => void {
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    log?.(phase, now - last);
    last = now;
  };
}

async function sampling<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof SamplingInputError) throw invalid(err.message);
    throw err;
  }
}

/**
 * Draws the sample of a plan (§5) from the frame in the database and stores it as a DRAFT
 * draw: seed, frame and allocation checksums, algorithm version, strata and every selected
 * person with key and π. `expectedLatestDrawId` is the latest draw the person saw (0 for
 * none): a double click returns the draw the first click made, a stale page is refused.
 * Refused once a draw is locked.
 */
export async function drawSample(
  input: { planId: number; seed: string; expectedLatestDrawId: number },
  actor: Actor,
  opts: { onPhase?: PhaseLog } = {},
): Promise<DrawOutcome> {
  const seed = await sampling(() => normalizeSeed(input.seed));
  const phase = phaseClock(opts.onPhase);
  // Its own connection: the frame is read and the selections written by pg directly (COPY).
  return withDedicatedConnection((prisma, raw) => prisma.$transaction(
    async (tx) => {
      await lockPlanFrame(tx, input.planId);
      const plan = await requirePlanAllows(tx, input.planId, "sampling.draw");
      const latest = await tx.sampleDraw.findFirst({
        where: { planId: plan.id }, orderBy: { id: "desc" },
        select: { id: true, seed: true, status: true, drawnById: true, allocation: true },
      });
      if ((latest?.id ?? 0) !== input.expectedLatestDrawId) {
        if (latest && latest.status === "DRAFT" && latest.seed === seed && latest.drawnById === actor.id) {
          const totals = (latest.allocation as { totals?: { n?: number; r?: number } }).totals;
          return { drawId: latest.id, main: totals?.n ?? 0, reserve: totals?.r ?? 0, repeated: true };
        }
        throw conflict(t.staleDraw);
      }
      if (await tx.sampleDraw.count({ where: { planId: plan.id, status: "LOCKED" } })) throw conflict(t.lockedNoRedraw);
      if (await tx.form.count({ where: { planId: plan.id } })) throw conflict(t.formsExist);

      const settings = ZPlanSettings.parse(plan.settings);
      const units = await loadPlanUnits(tx, plan.id);
      phase("checks");
      const { draw: result } = await sampling(() =>
        drawFromDatabase(raw, plan.id, {
          mode: settings.strata, seed, ruleFor: planRuleFor(settings, units), reserveShare: settings.reserveShare, anonymised: true, phase,
          check: (records, unitCodes) => {
            if (records === 0) throw invalid(t.noFrame);
            assertUnitsInPlan(unitCodes, units);
          },
        }),
      );
      await supersedeDraftDraws(tx, plan.id);
      phase("supersede drafts");
      const allocation = toStoredAllocation(result, {
        strataMode: settings.strata, reserveShare: settings.reserveShare, anonymisedFrameChecksum: result.anonymisedFrameChecksum,
      });
      const draw = await tx.sampleDraw.create({
        data: {
          planId: plan.id, seed: result.seed, frameChecksum: result.frameChecksum, allocation,
          allocationChecksum: result.allocationChecksum, algorithmVersion: result.algorithmVersion, drawnById: actor.id,
        },
        select: { id: true },
      });
      phase("store the draw");
      await storeStrataAndSelections(raw, plan.id, draw.id, result, units, phase);
      await recordAudit(tx, {
        actor, action: "sample.draw", entity: "SampleDraw", entityId: draw.id, planId: plan.id,
        after: {
          seed: result.seed, frameChecksum: result.frameChecksum, allocationChecksum: result.allocationChecksum,
          anonymisedFrameChecksum: allocation.anonymisedFrameChecksum, algorithmVersion: result.algorithmVersion,
          strata: allocation.strata.length, N: allocation.totals.N, main: allocation.totals.n, reserve: allocation.totals.r,
          duplicates: allocation.duplicates,
        },
      });
      phase("audit");
      return { drawId: draw.id, main: allocation.totals.n, reserve: allocation.totals.r, repeated: false };
    },
    { timeout: DRAW_TIMEOUT_MS, maxWait: 60_000 },
  )).finally(() => phase("commit"));
}

/**
 * The draw's strata (one INSERT) and selections (one COPY, so the reference triggers run
 * once: migration selection_statement_checks).
 */
async function storeStrataAndSelections(
  raw: pg.ClientBase,
  planId: number,
  drawId: number,
  result: FrameDraw,
  units: Awaited<ReturnType<typeof loadPlanUnits>>,
  phase: (label: string) => void,
): Promise<void> {
  const fields = new Map((await raw.query<[number, string]>({ text: `SELECT "id", "code" FROM "Field"`, rowMode: "array" })).rows.map(([id, code]) => [code, id]));
  const sizes = new Map(result.allocation.strata.map((a) => [a.code, a]));
  const rows = result.strata.map((s) => {
    const a = sizes.get(s.code)!;
    return {
      code: s.code, unitId: units.get(s.unitCode)!.id, fieldId: s.fieldCode === null ? null : (fields.get(s.fieldCode) ?? null),
      population: a.N, rawCount: s.rawCount, sampleSize: a.n, reserve: a.r, rule: formatRule(a.rule), census: a.census,
    };
  });
  const inserted = await raw.query<[number, string]>({
    text: `INSERT INTO "Stratum" ("planId", "code", "unitId", "fieldId", "population", "rawCount", "sampleSize", "reserve", "rule", "census")
           SELECT $1, * FROM unnest($2::text[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[], $9::text[], $10::boolean[])
           RETURNING "id", "code"`,
    values: [
      planId, rows.map((r) => r.code), rows.map((r) => r.unitId), rows.map((r) => r.fieldId), rows.map((r) => r.population), rows.map((r) => r.rawCount),
      rows.map((r) => r.sampleSize), rows.map((r) => r.reserve), rows.map((r) => r.rule), rows.map((r) => r.census),
    ],
    rowMode: "array",
  });
  phase("store strata");
  const stratumIds = new Map(inserted.rows.map(([id, code]) => [code, id]));
  // In the draw's order (ids, the (draw, stratum, role, order) index and, at the lock, the
  // forms then all follow it).
  const lines = result.selections.map(
    (p) => `${drawId}\t${stratumIds.get(p.stratum)!}\t${p.recordId}\t${p.role === "main" ? "MAIN" : "RESERVE"}\t${p.order}\t${copyText(p.key)}\t${p.inclusionProbability}\n`,
  );
  if (lines.length > 0) await copyFrom(raw, "Selection", ["drawId", "stratumId", "frameRecordId", "role", "order", "key", "inclusionProbability"], lines.join(""));
  phase("store selections (COPY)");
}

export type LockOutcome = { drawId: number; forms: number | null; alreadyLocked: boolean };

/**
 * Locks a DRAFT draw: it becomes the plan's official sample, the plan moves to SAMPLED and
 * the forms of the main sample are created, all in one transaction. Locking the same draw
 * twice (a double click) is harmless.
 */
export async function lockDraw(input: { planId: number; drawId: number }, actor: Actor): Promise<LockOutcome> {
  // Its own connection: the forms are written by COPY (createFormsForDraw).
  return withDedicatedConnection((prisma, raw) => prisma.$transaction(
    async (tx) => {
      await lockPlanFrame(tx, input.planId);
      const plan = await requirePlanAllows(tx, input.planId, "sampling.lock");
      const draw = await tx.sampleDraw.findFirst({ where: { id: input.drawId, planId: plan.id }, select: { id: true, status: true, seed: true, frameChecksum: true } });
      if (!draw) throw notFound(t.drawNotFound);
      if (draw.status === "LOCKED") return { drawId: draw.id, forms: null, alreadyLocked: true };
      if (draw.status !== "DRAFT") throw conflict(t.drawNotDraft);
      await tx.sampleDraw.update({ where: { id: draw.id }, data: { status: "LOCKED", lockedAt: new Date() } });
      await recordAudit(tx, {
        actor, action: "sample.lock", entity: "SampleDraw", entityId: draw.id, planId: plan.id,
        before: { status: "DRAFT" }, after: { status: "LOCKED", seed: draw.seed, frameChecksum: draw.frameChecksum },
      });
      if (plan.state === "FRAME") await transitionPlan(tx, { planId: plan.id, to: "SAMPLED" }, actor);
      const forms = await createFormsForDraw(tx, draw.id, actor, raw);
      return { drawId: draw.id, forms: forms.created, alreadyLocked: false };
    },
    { timeout: DRAW_TIMEOUT_MS, maxWait: 60_000 },
  ));
}
