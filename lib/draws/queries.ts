import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { notFound } from "@/lib/errors";
import { frameRecordCounts } from "@/lib/frames/counts";
import { maskAddress, maskName, maskPhone } from "@/lib/frames/mask";
import { plansText } from "@/lib/i18n/plans";
import { ruleLabel } from "@/lib/i18n/sampling";
import { planScope } from "@/lib/plans/service";
import { loadPlanUnits } from "./plan-units";
import { groupNotes, groupTotals, type AllocationRow, type AllocationView } from "./preview";
import { parseRule } from "./rule-text";
import { ZStoredAllocation } from "./stored";

/** A plan the user may see (ADMIN: any; MONITOR: assigned), or NOT_FOUND. */
export async function findScopedPlan(user: SessionUser, planId: number) {
  const plan = Number.isInteger(planId)
    ? await db().plan.findFirst({
        where: { AND: [{ id: planId }, planScope(user)] },
        select: { id: true, year: true, title: true, state: true, settings: true, personalDataPurgedAt: true },
      })
    : null;
  if (!plan) throw notFound(plansText.notFound);
  return plan;
}

const DRAW_SELECT = {
  id: true, seed: true, status: true, frameChecksum: true, allocationChecksum: true, algorithmVersion: true,
  allocation: true, drawnAt: true, lockedAt: true, drawnById: true,
} as const;

/** The plan's current draw (the latest DRAFT or LOCKED one), or null. */
export async function currentDraw(planId: number) {
  return db().sampleDraw.findFirst({ where: { planId, status: { in: ["DRAFT", "LOCKED"] } }, orderBy: { id: "desc" }, select: DRAW_SELECT });
}

/** Every draw of the plan, newest first, with who made it: re-draws stay visible to monitors. */
export async function drawHistory(planId: number) {
  const draws = await db().sampleDraw.findMany({ where: { planId }, orderBy: { id: "desc" }, select: DRAW_SELECT });
  const ids = [...new Set(draws.map((d) => d.drawnById).filter((x): x is number => x !== null))];
  const users = new Map((await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, fullName: true } })).map((u) => [u.id, u.fullName]));
  return draws.map((d) => {
    const a = ZStoredAllocation.safeParse(d.allocation);
    return {
      ...d,
      drawnBy: d.drawnById === null ? "" : (users.get(d.drawnById) ?? ""),
      totals: a.success ? a.data.totals : null,
      anonymisedFrameChecksum: a.success ? a.data.anonymisedFrameChecksum : "",
      strataMode: a.success ? a.data.strataMode : "unit",
      reserveShare: a.success ? a.data.reserveShare : "0",
    };
  });
}
export type DrawSummary = Awaited<ReturnType<typeof drawHistory>>[number];

/** A stored draw's allocation in the preview's shape (with the units' names, levels and blocks). */
export async function storedAllocationView(planId: number, allocation: unknown): Promise<AllocationView> {
  const a = ZStoredAllocation.parse(allocation);
  const units = await loadPlanUnits(db(), planId);
  const rows: AllocationRow[] = a.strata.map((s) => {
    const u = units.get(s.unitCode);
    const rule = parseRule(s.rule);
    return {
      code: s.code, unitCode: s.unitCode, unitName: u?.name ?? s.unitCode, fieldCode: s.fieldCode,
      levelName: u?.levelName ?? "", blockName: u?.blockName ?? "", rawCount: s.rawCount,
      N: s.N, n: s.n, r: s.r, rule: rule ? ruleLabel(rule) : s.rule, census: s.census, raisedToMinimum: s.raisedToMinimum,
    };
  });
  return {
    strataMode: a.strataMode,
    reserveShare: a.reserveShare,
    rows,
    byLevel: groupTotals(rows, units, "level"),
    byBlock: groupTotals(rows, units, "block"),
    totals: { rawCount: a.rawCount, ...a.totals },
    notes: groupNotes(a.groups),
  };
}

export type SelectionRow = {
  stratum: string;
  unitCode: string;
  role: "MAIN" | "RESERVE";
  order: number;
  dossierCode: string;
  name: string;
  kind: "INDIVIDUAL" | "ORGANISATION";
  address: string;
  phone: string;
  procedure: string;
  resultDate: string;
  key: string;
  pi: number;
};

/**
 * Selected people of a draw, in the draw's order, optionally of one unit; names, addresses
 * and phones are masked unless the user may read personal data.
 */
export async function findSelections(user: SessionUser, drawId: number, opts: { unitId?: number; limit?: number } = {}): Promise<SelectionRow[]> {
  const limit = opts.limit ?? 1_000_000;
  const rows = await db().$queryRaw<(Omit<SelectionRow, "name" | "address" | "phone" | "procedure"> & { name: string | null; address: string | null; phone: string | null; procedure: string | null })[]>`
    SELECT st."code" AS "stratum", u."code" AS "unitCode", s."role"::text AS "role", s."order", r."dossierCode",
           r."fullName" AS "name", r."kind"::text AS "kind", r."address", r."phone", r."procedure",
           to_char(r."resultDate", 'DD/MM/YYYY') AS "resultDate", s."key", s."inclusionProbability" AS "pi"
      FROM "Selection" s
      JOIN "Stratum" st ON st."id" = s."stratumId"
      JOIN "FrameRecord" r ON r."id" = s."frameRecordId"
      JOIN "Unit" u ON u."id" = r."unitId"
     WHERE s."drawId" = ${drawId} AND (${opts.unitId ?? null}::int IS NULL OR r."unitId" = ${opts.unitId ?? null}::int)
     ORDER BY st."code" COLLATE "C", s."role", s."order"
     LIMIT ${limit}`;
  const personal = can(user.role, "personal.read");
  return rows.map((r) => ({
    ...r,
    name: personal ? (r.name ?? "") : maskName(r.name ?? ""),
    address: personal ? (r.address ?? "") : maskAddress(r.address),
    phone: personal ? (r.phone ?? "") : maskPhone(r.phone),
    procedure: r.procedure ?? "",
  }));
}

/** The draw a download asks for (`?draw=`), else the current one; null when there is none. */
export async function drawForDownload(user: SessionUser, planId: number, drawParam: string | null) {
  const plan = await findScopedPlan(user, planId);
  const drawId = drawParam ? Number(drawParam) : null;
  const draw =
    drawId !== null && Number.isInteger(drawId)
      ? await db().sampleDraw.findFirst({ where: { id: drawId, planId: plan.id }, select: DRAW_SELECT })
      : await currentDraw(plan.id);
  return { plan, draw };
}

/** Plans in the user's scope with their frame size and current draw status (index pages). */
export async function findSamplingPlans(user: SessionUser) {
  const plans = await db().plan.findMany({
    where: planScope(user),
    orderBy: [{ year: "desc" }, { id: "desc" }],
    select: { id: true, year: true, title: true, state: true },
  });
  const draws = await db().sampleDraw.findMany({
    where: { planId: { in: plans.map((p) => p.id) }, status: { in: ["DRAFT", "LOCKED"] } },
    orderBy: { id: "desc" },
    select: { planId: true, status: true },
  });
  const records = await frameRecordCounts("planId", plans.map((p) => p.id));
  const status = new Map<number, (typeof draws)[number]["status"]>();
  for (const d of draws) if (!status.has(d.planId)) status.set(d.planId, d.status);
  return plans.map((p) => ({ id: p.id, year: p.year, title: p.title, state: p.state, records: records.get(p.id) ?? 0, draw: status.get(p.id) ?? null }));
}
