import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/service";
import type { SessionUser } from "@/lib/auth/session";
import { conflict, invalid, notFound } from "@/lib/errors";
import { resultsText as t } from "@/lib/i18n/results";
import { indicesJson } from "@/lib/open-data/indices-json";
import { requirePlanAllows, transitionPlan } from "@/lib/plans/guard";
import { planScope } from "@/lib/plans/service";
import { SipasInputError } from "@/lib/sipas/engine-input";
import { computeIndices } from "@/lib/sipas/indices";
import { QuestionnaireStructureError } from "@/lib/sipas/layout";
import { AnswerDecodeError } from "./answer-codec";
import { inputsHash } from "./hash";
import { loadPlanInput, type LoadedPlan } from "./load";
import { COUNTED_FORM_STATES } from "./method";
import { ENGINE_VERSION, labelsOf, type SnapshotMethod, type SnapshotResults } from "./snapshot";

/**
 * Results of a plan: computed from the database by the pure engine (lib/sipas), stored as
 * immutable snapshots (the time, the SHA-256 of the inputs, the method), published once.
 * Pages only ever show a snapshot, so every figure says what it was computed from.
 */

const RESULTS_LOCK = 72707369;

/** Loads the plan's counted data; data problems become a message saying what to fix. */
export async function loadChecked(planId: number): Promise<LoadedPlan> {
  try {
    return await loadPlanInput(planId);
  } catch (err) {
    if (err instanceof AnswerDecodeError || err instanceof SipasInputError || err instanceof QuestionnaireStructureError) {
      throw invalid(t.errors.badData(err.message));
    }
    throw err;
  }
}

/** The hash of the plan's data as it is now (to tell whether a snapshot is still current). */
export async function currentInputsHash(planId: number): Promise<string> {
  const loaded = await loadChecked(planId);
  return inputsHash(loaded.input, loaded.method);
}

/**
 * Computes every index of the plan and stores a snapshot (ADMIN, plan in ENTRY or
 * ANALYSIS). When the latest snapshot already has the same inputs hash nothing new is
 * stored: a double click or a second computation of unchanged data returns that snapshot.
 */
export async function computeSnapshot(planId: number, actor: Actor, now = new Date()): Promise<{ snapshotId: number; unchanged: boolean }> {
  return db().$transaction(
    async (tx) => {
      // Holds the plan's state (FOR SHARE) while computing: it cannot be published meanwhile.
      await requirePlanAllows(tx, planId, "results.compute");
      // One computation per plan at a time: a second click waits, then finds the first's snapshot.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${RESULTS_LOCK}::int, ${planId}::int)`;
      const loaded = await loadChecked(planId);
      const hash = inputsHash(loaded.input, loaded.method);
      const latest = await tx.resultSnapshot.findFirst({ where: { planId }, orderBy: { id: "desc" }, select: { id: true, inputsHash: true } });
      if (latest?.inputsHash === hash) return { snapshotId: latest.id, unchanged: true };

      let result;
      try {
        result = computeIndices(loaded.input, { method: loaded.method.elementMethod, minValid: loaded.method.minValidForms });
      } catch (err) {
        if (err instanceof SipasInputError || err instanceof QuestionnaireStructureError) throw invalid(t.errors.badData(err.message));
        throw err;
      }
      const q = loaded.input.questionnaire;
      const method: SnapshotMethod = {
        ...loaded.method,
        countedStates: COUNTED_FORM_STATES,
        questionnaire: { versionId: loaded.versionId, template: q.template, version: q.version, checksum: loaded.versionChecksum },
        engine: ENGINE_VERSION,
      };
      const results: SnapshotResults = {
        plan: { id: loaded.planId, year: loaded.year, title: loaded.title },
        labels: labelsOf(q),
        formsByState: loaded.formsByState,
        indices: indicesJson(result),
      };
      const snapshot = await tx.resultSnapshot.create({
        data: {
          planId,
          computedAt: now,
          computedById: actor.id,
          inputsHash: hash,
          method: method as unknown as Prisma.InputJsonValue,
          results: results as unknown as Prisma.InputJsonValue,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor, action: "results.compute", entity: "ResultSnapshot", entityId: snapshot.id, planId,
        after: { inputsHash: hash, forms: result.totals.forms, validForms: result.totals.valid, method: loaded.method, province: result.groups[0]?.index ?? null },
      });
      return { snapshotId: snapshot.id, unchanged: false };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/**
 * Publishes a snapshot (ADMIN, plan in ANALYSIS): it becomes the plan's published result,
 * the plan moves to PUBLISHED, and neither can change afterwards. Refused when the data
 * changed since the snapshot was computed: what is published must be what the data say.
 */
export async function publishSnapshot(input: { planId: number; snapshotId: number }, actor: Actor, now = new Date()): Promise<void> {
  await db().$transaction(
    async (tx) => {
      // FOR UPDATE first: answer edits (which take the plan FOR SHARE) wait until we are done,
      // and a second "publish" click waits here, then finds the plan already published.
      const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Plan" WHERE id = ${input.planId} FOR UPDATE`;
      if (locked.length === 0) throw notFound(t.errors.planNotFound);
      await requirePlanAllows(tx, input.planId, "results.publish");
      const snap = await tx.resultSnapshot.findFirst({
        where: { id: input.snapshotId, planId: input.planId },
        select: { id: true, inputsHash: true, published: true, computedAt: true },
      });
      if (!snap) throw notFound(t.errors.snapshotNotFound);
      const hash = await currentInputsHash(input.planId);
      if (hash !== snap.inputsHash) throw conflict(t.errors.staleSnapshot);
      await tx.resultSnapshot.update({ where: { id: snap.id }, data: { published: true, publishedAt: now } });
      await transitionPlan(tx, { planId: input.planId, to: "PUBLISHED" }, actor);
      await recordAudit(tx, {
        actor, action: "results.publish", entity: "ResultSnapshot", entityId: snap.id, planId: input.planId,
        after: { inputsHash: snap.inputsHash, computedAt: snap.computedAt.toISOString() },
      });
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** Plans whose results the user may read, with their latest and published snapshots. */
export async function findResultPlans(user: SessionUser) {
  const plans = await db().plan.findMany({
    where: planScope(user),
    orderBy: [{ year: "desc" }, { id: "desc" }],
    select: {
      id: true, year: true, title: true, state: true,
      snapshots: { orderBy: { id: "desc" }, take: 1, select: { id: true, computedAt: true, inputsHash: true, published: true } },
    },
  });
  const published = await db().resultSnapshot.findMany({
    where: { published: true, planId: { in: plans.map((p) => p.id) } },
    select: { planId: true, publishedAt: true },
  });
  const publishedAt = new Map(published.map((p) => [p.planId, p.publishedAt]));
  return plans.map(({ snapshots, ...p }) => ({ ...p, latest: snapshots[0] ?? null, publishedAt: publishedAt.get(p.id) ?? null }));
}
export type ResultPlanItem = Awaited<ReturnType<typeof findResultPlans>>[number];

/** A plan the user may read (ADMIN, LEADER: all; MONITOR: theirs), or NOT_FOUND. */
export async function getReadablePlan(user: SessionUser, planId: number) {
  const plan = await db().plan.findFirst({
    where: { AND: [{ id: planId }, planScope(user)] },
    select: { id: true, year: true, title: true, state: true, version: true },
  });
  if (!plan) throw notFound(t.errors.planNotFound);
  return plan;
}
