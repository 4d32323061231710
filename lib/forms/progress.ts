import { db } from "@/lib/db";
import type { FormState } from "@/lib/generated/prisma/enums";

/**
 * Progress of a plan's forms, per unit and in total: what the progress page, the monitors'
 * view and the plan lifecycle read. Counts only; no personal data.
 *
 *   sampled      forms of the original sample (not replacements)
 *   issued       forms handed out (dispatched, delivered or further along)
 *   returned     forms back: RETURNED, ENTERED, VERIFIED (online answers included)
 *   entered      ENTERED or VERIFIED;   verified: VERIFIED
 *   failed       UNDELIVERABLE, REFUSED, NOT_RETURNED, REPLACED
 *   returnRate   returned / issued
 */
export type TProgressRow = {
  unitId: number;
  unitCode: string;
  unitName: string;
  sampled: number;
  issued: number;
  returned: number;
  entered: number;
  verified: number;
  failed: number;
  office: number;
  replacements: number;
  online: number;
  duplicates: number;
  awaitingEntry: number;
  awaitingSecond: number;
  openDifferences: number;
  returnRate: number | null;
  byState: Partial<Record<FormState, number>>;
};

const ISSUED: FormState[] = ["DISPATCHED", "DELIVERED", "RETURNED", "ENTERED", "VERIFIED", "UNDELIVERABLE", "REFUSED", "NOT_RETURNED", "REPLACED"];
const FAILED: FormState[] = ["UNDELIVERABLE", "REFUSED", "NOT_RETURNED", "REPLACED"];

type Raw = {
  unitId: number; state: FormState; n: bigint; replacements: bigint; online: bigint; duplicates: bigint; awaitingSecond: bigint; openDiff: bigint;
};

function empty(unitId: number, unitCode: string, unitName: string): TProgressRow {
  return {
    unitId, unitCode, unitName, sampled: 0, issued: 0, returned: 0, entered: 0, verified: 0, failed: 0, office: 0,
    replacements: 0, online: 0, duplicates: 0, awaitingEntry: 0, awaitingSecond: 0, openDifferences: 0, returnRate: null, byState: {},
  };
}

function add(row: TProgressRow, r: Raw): void {
  const n = Number(r.n);
  row.byState[r.state] = (row.byState[r.state] ?? 0) + n;
  if (r.state !== "SPOILED") row.sampled += n - Number(r.replacements);
  row.replacements += Number(r.replacements);
  if (ISSUED.includes(r.state)) row.issued += n;
  if (r.state === "RETURNED" || r.state === "ENTERED" || r.state === "VERIFIED") row.returned += n;
  if (r.state === "ENTERED" || r.state === "VERIFIED") row.entered += n;
  if (r.state === "VERIFIED") row.verified += n;
  if (r.state === "RETURNED") row.awaitingEntry += n;
  if (FAILED.includes(r.state)) row.failed += n;
  if (r.state === "CREATED" || r.state === "PRINTED") row.office += n;
  row.online += Number(r.online);
  row.duplicates += Number(r.duplicates);
  row.awaitingSecond += Number(r.awaitingSecond);
  row.openDifferences += Number(r.openDiff);
}

function finish(row: TProgressRow): TProgressRow {
  // An online answer to a form still in the office counts as returned, so it is issued too.
  const issued = Math.max(row.issued, row.returned);
  return { ...row, issued, returnRate: issued > 0 ? row.returned / issued : null };
}

/** Per-unit progress of a plan, in unit code order, with the plan's total. */
export async function planProgress(planId: number): Promise<{ units: TProgressRow[]; total: TProgressRow }> {
  const raw = await db().$queryRaw<Raw[]>`
    SELECT f."unitId", f.state, count(*) AS n,
           count(*) FILTER (WHERE f."replacesFormId" IS NOT NULL) AS replacements,
           count(*) FILTER (WHERE f.mode IN ('ONLINE', 'KIOSK', 'PHONE') AND f.state IN ('ENTERED', 'VERIFIED')) AS online,
           count(*) FILTER (WHERE f."duplicateReturn") AS duplicates,
           count(*) FILTER (WHERE f."doubleEntry" AND f.state = 'ENTERED'
                              AND NOT EXISTS (SELECT 1 FROM "Response" r WHERE r."formId" = f.id AND r.round = 2)) AS "awaitingSecond",
           count(*) FILTER (WHERE f.state = 'ENTERED'
                              AND EXISTS (SELECT 1 FROM "EntryDifference" d WHERE d."formId" = f.id AND d.decided IS NULL)) AS "openDiff"
      FROM "Form" f WHERE f."planId" = ${planId}
     GROUP BY f."unitId", f.state`;
  const unitIds = [...new Set(raw.map((r) => r.unitId))];
  const units = await db().unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, code: true, name: true } });
  const byUnit = new Map(units.map((u) => [u.id, empty(u.id, u.code, u.name)]));
  const total = empty(0, "", "");
  for (const r of raw) {
    const row = byUnit.get(r.unitId);
    if (row) add(row, r);
    add(total, r);
  }
  const rows = [...byUnit.values()].map(finish).sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0));
  return { units: rows, total: finish(total) };
}

/** The bar of one unit: shares of its forms in each stage, adding up to 1. */
export function progressSegments(row: TProgressRow): { key: "verified" | "entered" | "returned" | "out" | "failed" | "office"; share: number; count: number }[] {
  const all = Object.values(row.byState).reduce((a, b) => a + (b ?? 0), 0) - (row.byState.SPOILED ?? 0);
  if (all <= 0) return [];
  const out = row.issued - row.returned - row.failed;
  const parts = [
    { key: "verified" as const, count: row.verified },
    { key: "entered" as const, count: row.entered - row.verified },
    { key: "returned" as const, count: row.awaitingEntry },
    { key: "out" as const, count: Math.max(0, out) },
    { key: "failed" as const, count: row.failed },
    { key: "office" as const, count: row.office },
  ];
  return parts.map((p) => ({ ...p, share: p.count / all }));
}
