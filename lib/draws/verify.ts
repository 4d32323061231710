import { db } from "@/lib/db";
import { withDedicatedConnection } from "@/lib/db/dedicated";
import { recordAudit, type Actor } from "@/lib/audit/service";
import type { SessionUser } from "@/lib/auth/session";
import { invalid, notFound } from "@/lib/errors";
import { samplingText as t } from "@/lib/i18n/sampling";
import { assertPlanAllows } from "@/lib/plans/lifecycle";
import { planScope } from "@/lib/plans/service";
import { runDraw } from "@/lib/sampling/draw";
import { SamplingInputError } from "@/lib/sampling/messages";
import { compareDraws, toStoredDraw, type StoredDraw, type VerifyResult } from "@/lib/sampling/verify";
import { frameChecksumOf, frameOrder, loadDrawFrame } from "./draw-frame";
import { storedRules, ZStoredAllocation } from "./stored";

export type KeyMismatch = {
  stratum: string;
  dossierCode: string;
  storedKey: string;
  recomputedKey: string;
  storedPi: number;
  recomputedPi: number;
};

export type VerifyOutcome = {
  drawId: number;
  matches: boolean;
  result: VerifyResult;
  keyMismatches: KeyMismatch[];
  personalDataPurged: boolean;
  checkedAt: string;
};

type StoredSelection = { stratum: string; dossierCode: string; role: "MAIN" | "RESERVE"; order: number; key: string; inclusionProbability: number };

/**
 * Re-runs the plan's locked draw on the stored frame with the stored seed, strata mode,
 * reserve share and per-stratum rules, and compares it with what is stored: checksums,
 * stratum sizes (Stratum rows), every selection's role and order (Selection rows), and
 * each stored key and π. Read in one snapshot; the check itself is recorded in the audit
 * trail (outcome only, no personal data).
 */
export async function verifyStoredDraw(user: SessionUser, actor: Actor, planId: number): Promise<VerifyOutcome> {
  const plan = await db().plan.findFirst({
    where: { AND: [{ id: planId }, planScope(user)] },
    select: { id: true, title: true, state: true, personalDataPurgedAt: true },
  });
  if (!plan) throw notFound(t.drawNotFound);
  assertPlanAllows(plan, "sampling.verify");
  const draw = await db().sampleDraw.findFirst({ where: { planId: plan.id, status: "LOCKED" }, orderBy: { id: "desc" } });
  if (!draw) throw notFound(t.noLockedDraw);
  const allocation = ZStoredAllocation.parse(draw.allocation);

  const { frame, selections, strata } = await withDedicatedConnection((prisma, raw) => prisma.$transaction(
    async () => {
      // pg directly on the transaction's connection, rows as arrays: a million frame
      // records and a few hundred thousand selections.
      const read = await loadDrawFrame(raw, plan.id);
      const sel = await raw.query<[string, string, "MAIN" | "RESERVE", number, string, number]>({
        text: `SELECT st."code", r."dossierCode", s."role"::text, s."order", s."key", s."inclusionProbability"
                 FROM "Selection" s JOIN "Stratum" st ON st."id" = s."stratumId" JOIN "FrameRecord" r ON r."id" = s."frameRecordId"
                WHERE s."drawId" = $1`,
        values: [draw.id],
        rowMode: "array",
      });
      const sizes = await raw.query<[string, number, number, number]>({
        text: `SELECT "code", "population", "sampleSize", "reserve" FROM "Stratum" WHERE "planId" = $1`,
        values: [plan.id],
        rowMode: "array",
      });
      return {
        frame: read,
        selections: sel.rows.map(([stratum, dossierCode, role, order, key, inclusionProbability]): StoredSelection => ({
          stratum, dossierCode, role, order, key, inclusionProbability,
        })),
        strata: sizes.rows.map(([code, population, sampleSize, reserve]) => ({ code, population, sampleSize, reserve })),
      };
    },
    { isolationLevel: "RepeatableRead", timeout: 10 * 60_000 },
  ));
  const records = frame.records;

  const rules = storedRules(allocation);
  let rerun;
  try {
    rerun = runDraw({
      seed: draw.seed,
      records,
      strata: allocation.strataMode,
      // A stratum the stored draw did not have shows up as a difference whatever its rule.
      ruleFor: (s) => rules.get(s.code) ?? { kind: "manual", n: 0 },
      reserveShare: allocation.reserveShare,
      frameChecksum: (kept) => frameChecksumOf(frame, kept, frameOrder(records, allocation.strataMode)),
    });
  } catch (err) {
    if (err instanceof SamplingInputError) throw invalid(err.message);
    throw err;
  }
  const stored: StoredDraw = {
    algorithmVersion: draw.algorithmVersion,
    seed: draw.seed,
    frameChecksum: draw.frameChecksum,
    allocationChecksum: draw.allocationChecksum,
    strata: strata.map((s) => ({ code: s.code, N: s.population, n: s.sampleSize, r: s.reserve })),
    selections: selections.map((s) => ({ stratum: s.stratum, dossierCode: s.dossierCode, role: s.role === "MAIN" ? "main" : "reserve", order: s.order })),
  };
  const result = compareDraws(stored, toStoredDraw(rerun));
  const again = new Map(rerun.selections.map((p) => [`${p.stratum}|${p.dossierCode}`, p]));
  const keyMismatches: KeyMismatch[] = [];
  for (const s of selections) {
    const p = again.get(`${s.stratum}|${s.dossierCode}`);
    if (p && (p.key !== s.key || p.inclusionProbability !== s.inclusionProbability)) {
      keyMismatches.push({ stratum: s.stratum, dossierCode: s.dossierCode, storedKey: s.key, recomputedKey: p.key, storedPi: s.inclusionProbability, recomputedPi: p.inclusionProbability });
    }
  }
  const matches = result.matches && keyMismatches.length === 0;
  const checkedAt = new Date();
  await db().$transaction((tx) =>
    recordAudit(tx, {
      actor, action: "sample.verify", entity: "SampleDraw", entityId: draw.id, planId: plan.id,
      after: {
        matches,
        differingStrata: result.matches ? 0 : result.strata.length,
        checksums: result.matches ? [] : (["algorithmVersion", "seed", "frameChecksum", "allocationChecksum"] as const).filter((k) => result[k]),
        keyMismatches: keyMismatches.length,
      },
    }, checkedAt),
  );
  return { drawId: draw.id, matches, result, keyMismatches, personalDataPurged: plan.personalDataPurgedAt !== null, checkedAt: checkedAt.toISOString() };
}
