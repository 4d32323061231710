import type pg from "pg";
import { db } from "@/lib/db";
import { withDedicatedConnection } from "@/lib/db/dedicated";
import { recordAudit, type Actor } from "@/lib/audit/service";
import type { SessionUser } from "@/lib/auth/session";
import { invalid, notFound } from "@/lib/errors";
import { samplingText as t } from "@/lib/i18n/sampling";
import { assertPlanAllows } from "@/lib/plans/lifecycle";
import { planScope } from "@/lib/plans/service";
import { copyTo, unescapeCopy } from "@/lib/db/copy";
import { SamplingInputError } from "@/lib/sampling/messages";
import { compareDraws, toStoredDraw, type StoredDraw, type VerifyResult } from "@/lib/sampling/verify";
import { drawFromDatabase, type DbDraw } from "./draw-db";
import type { FrameDraw } from "./fast-draw";
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

  const rules = storedRules(allocation);
  const { result, keyMismatches } = await withDedicatedConnection((prisma, raw) => prisma.$transaction(
    async () => {
      // One snapshot for the frame, the stored selections and strata; pg directly on the
      // transaction's connection.
      let rerun: DbDraw;
      try {
        rerun = await drawFromDatabase(raw, plan.id, {
          mode: allocation.strataMode, seed: draw.seed, reserveShare: allocation.reserveShare, anonymised: false,
          // A stratum the stored draw did not have shows up as a difference whatever its rule.
          ruleFor: (s) => rules.get(s.code) ?? { kind: "manual", n: 0 },
        });
      } catch (err) {
        if (err instanceof SamplingInputError) throw invalid(err.message);
        throw err;
      }
      const stored = await storedSelections(raw, draw.id);
      const sizes = await raw.query<[number, string, number, number, number]>({
        text: `SELECT "id", "code", "population", "sampleSize", "reserve" FROM "Stratum" WHERE "planId" = $1`,
        values: [plan.id],
        rowMode: "array",
      });
      const stratumCode = new Map(sizes.rows.map(([id, code]) => [id, code]));
      const strata = sizes.rows.map(([, code, population, sampleSize, reserve]) => ({ code, N: population, n: sampleSize, r: reserve }));
      const again = new Map(rerun.draw.selections.map((p) => [p.recordId, p]));
      if (sameDraw(draw, rerun.draw, strata, stored, stratumCode, again)) return { result: { matches: true } as const, keyMismatches: [] };
      // Each stored selection's dossier code: from the re-run when it selected that record,
      // else from the frame (the same snapshot).
      const unknown = new Set<number>();
      for (const s of stored) if (!again.has(s.frameRecordId)) unknown.add(s.frameRecordId);
      const found = rerun.dossiers(unknown);
      const outside = [...unknown].filter((id) => !found.has(id));
      if (outside.length > 0) {
        // Not in this plan's frame (the triggers refuse that since migration selection_statement_checks).
        const other = await raw.query<[number, string]>({ text: `SELECT "id", "dossierCode" FROM "FrameRecord" WHERE "id" = ANY ($1::int[])`, values: [outside], rowMode: "array" });
        for (const [id, code] of other.rows) found.set(id, code);
      }
      const selections = stored.map((s) => ({
        ...s, stratum: stratumCode.get(s.stratumId) ?? "", dossierCode: again.get(s.frameRecordId)?.dossierCode ?? found.get(s.frameRecordId) ?? "",
      }));
      return compare(draw, rerun.draw, selections, strata);
    },
    { isolationLevel: "RepeatableRead", timeout: 10 * 60_000 },
  ));
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

const TAB = 0x09;

type StoredSelection = { stratumId: number; frameRecordId: number; role: "MAIN" | "RESERVE"; order: number; key: string; inclusionProbability: number };

/** The draw's stored selections, read by COPY (a few hundred thousand rows, no objects from pg). */
async function storedSelections(raw: pg.ClientBase, drawId: number): Promise<StoredSelection[]> {
  if (!Number.isSafeInteger(drawId)) throw new Error(`bad draw id ${drawId}`);
  const out: StoredSelection[] = [];
  await copyTo(raw, `SELECT "stratumId", "frameRecordId", "role", "order", "key", "inclusionProbability" FROM "Selection" WHERE "drawId" = ${drawId}`, (row) => {
    let p = 0;
    let stratumId = 0;
    for (let b = row[p]!; b !== TAB; b = row[++p]!) stratumId = stratumId * 10 + b - 48;
    p++;
    let frameRecordId = 0;
    for (let b = row[p]!; b !== TAB; b = row[++p]!) frameRecordId = frameRecordId * 10 + b - 48;
    const role = row[++p] === 0x4d ? "MAIN" : "RESERVE";
    p = row.indexOf(TAB, p) + 1;
    let order = 0;
    for (let b = row[p]!; b !== TAB; b = row[++p]!) order = order * 10 + b - 48;
    const keyEnd = row.indexOf(TAB, ++p);
    const key = unescapeCopy(row.toString("latin1", p, keyEnd));
    out.push({ stratumId, frameRecordId, role, order, key, inclusionProbability: Number(row.toString("latin1", keyEnd + 1, row.length - 1)) });
  });
  return out;
}

/**
 * Whether the stored draw is exactly the re-run, checked without building lib/sampling's
 * comparison: same checksums, seed and version, same strata sizes, and every stored
 * selection the re-run's selection of the same frame record, in the same stratum, with the
 * same role, order, key and π (as many of them: frame records are unique in a draw). When
 * this does not hold, compare() says exactly what differs.
 */
function sameDraw(
  draw: { algorithmVersion: string; seed: string; frameChecksum: string; allocationChecksum: string },
  rerun: FrameDraw,
  strata: StoredDraw["strata"],
  stored: readonly StoredSelection[],
  stratumCode: ReadonlyMap<number, string>,
  again: ReadonlyMap<number, FrameDraw["selections"][number]>,
): boolean {
  if (draw.algorithmVersion !== rerun.algorithmVersion || draw.seed !== rerun.seed) return false;
  if (draw.frameChecksum !== rerun.frameChecksum || draw.allocationChecksum !== rerun.allocationChecksum) return false;
  if (strata.length !== rerun.allocation.strata.length || stored.length !== rerun.selections.length) return false;
  const sizes = new Map(strata.map((s) => [s.code, s]));
  for (const a of rerun.allocation.strata) {
    const s = sizes.get(a.code);
    if (!s || s.N !== a.N || s.n !== a.n || s.r !== a.r) return false;
  }
  for (const s of stored) {
    const p = again.get(s.frameRecordId);
    if (!p || p.stratum !== stratumCode.get(s.stratumId) || p.role !== (s.role === "MAIN" ? "main" : "reserve") || p.order !== s.order) return false;
    if (p.key !== s.key || p.inclusionProbability !== s.inclusionProbability) return false;
  }
  return true;
}

/**
 * lib/sampling's comparison of the stored draw with the re-run (checksums, sizes, every
 * selection's role and order), and every stored key and π against the re-run's.
 */
function compare(
  draw: { algorithmVersion: string; seed: string; frameChecksum: string; allocationChecksum: string },
  rerun: FrameDraw,
  selections: (StoredSelection & { stratum: string; dossierCode: string })[],
  strata: StoredDraw["strata"],
): { result: VerifyResult; keyMismatches: KeyMismatch[] } {
  const stored: StoredDraw = {
    algorithmVersion: draw.algorithmVersion,
    seed: draw.seed,
    frameChecksum: draw.frameChecksum,
    allocationChecksum: draw.allocationChecksum,
    strata,
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
  return { result, keyMismatches };
}
