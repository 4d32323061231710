import { db } from "@/lib/db";
import type { FormState } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/session";
import { planScope } from "@/lib/plans/service";
import { formatFormCode } from "./form-code";
import { parseScannedFormCode } from "./code-input";

/** Read-only views of forms (no personal data: codes, units, states, batches, links). */

export const PAGE_SIZE = 100;

/** The plan if the user may see it (ADMIN: any; MONITOR: their plans), else null. */
export async function getPlanForForms(planId: number, user: SessionUser) {
  return db().plan.findFirst({
    where: { id: planId, ...planScope(user) },
    select: { id: true, year: true, title: true, state: true, modes: true, units: { select: { unit: { select: { id: true, code: true, name: true } } }, orderBy: { unit: { code: "asc" } } } },
  });
}

export async function plansWithForms(user: SessionUser) {
  const plans = await db().plan.findMany({
    where: planScope(user),
    orderBy: [{ year: "desc" }, { id: "desc" }],
    select: { id: true, year: true, title: true, state: true, _count: { select: { forms: true } } },
  });
  const counts = await db().form.groupBy({ by: ["planId", "state"], where: { planId: { in: plans.map((p) => p.id) } }, _count: { _all: true } });
  return plans.map((p) => {
    const of = (states: FormState[]) => counts.filter((c) => c.planId === p.id && states.includes(c.state)).reduce((a, c) => a + c._count._all, 0);
    return { ...p, forms: p._count.forms, entered: of(["ENTERED", "VERIFIED"]), returned: of(["RETURNED", "ENTERED", "VERIFIED"]) };
  });
}

export type TFormFilter = { unitId?: number; state?: FormState; code?: string; page?: number };

export async function findForms(planId: number, f: TFormFilter) {
  const parsed = f.code ? parseScannedFormCode(f.code) : null;
  const codePrefix = f.code ? f.code.replace(/\D/g, "") : "";
  const where = {
    planId,
    ...(f.unitId ? { unitId: f.unitId } : {}),
    ...(f.state ? { state: f.state } : {}),
    ...(parsed?.ok ? { code: parsed.code } : codePrefix ? { code: { startsWith: codePrefix } } : {}),
  };
  const page = Math.max(1, f.page ?? 1);
  const [total, rows] = await Promise.all([
    db().form.count({ where }),
    db().form.findMany({
      where,
      orderBy: [{ unit: { code: "asc" } }, { sequence: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, code: true, state: true, mode: true, version: true, doubleEntry: true, duplicateReturn: true, updatedAt: true,
        unit: { select: { name: true } }, batch: { select: { code: true } },
        replacesForm: { select: { code: true } }, replacedBy: { select: { code: true } },
        selectionId: true,
      },
    }),
  ]);
  // The reserve order of replacement forms (a form's selection is not a Prisma relation).
  const selectionIds = rows.flatMap((r) => (r.selectionId === null ? [] : [r.selectionId]));
  const selections = new Map(
    (selectionIds.length > 0 ? await db().selection.findMany({ where: { id: { in: selectionIds } }, select: { id: true, role: true, order: true } }) : []).map((s) => [s.id, s]),
  );
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((r) => ({
      id: r.id,
      code: r.code,
      display: formatFormCode(r.code),
      unitName: r.unit.name,
      state: r.state,
      mode: r.mode,
      version: r.version,
      doubleEntry: r.doubleEntry,
      duplicateReturn: r.duplicateReturn,
      updatedAt: r.updatedAt,
      batch: r.batch?.code ?? null,
      replaces: r.replacesForm ? formatFormCode(r.replacesForm.code) : null,
      replacedBy: r.replacedBy ? formatFormCode(r.replacedBy.code) : null,
      reserveOrder: ((s) => (s?.role === "RESERVE" ? s.order : null))(r.selectionId === null ? undefined : selections.get(r.selectionId)),
    })),
  };
}
export type TFormListRow = Awaited<ReturnType<typeof findForms>>["rows"][number];

export async function batchesOf(planId: number) {
  const batches = await db().dispatchBatch.findMany({ where: { planId }, orderBy: { createdAt: "desc" }, select: { id: true, code: true, note: true, sentAt: true, createdAt: true, _count: { select: { forms: true } } } });
  return batches.map((b) => ({ ...b, forms: b._count.forms }));
}
