import { db, type Tx } from "@/lib/db";
import type { SuccessionKind } from "@/lib/generated/prisma/enums";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { invalid, notFound } from "@/lib/errors";
import { unitsText } from "@/lib/i18n/units";
import { closingProblems, lastDayBefore, lockRegistry, newUnitProblems, type Problem } from "./checks";
import { dayDate, dmy, isoDay } from "./days";
import type { TMerge, TNewUnit, TRename, TSplit } from "./schemas";

/**
 * Restructuring (§3): merge several units into one, split one into several, rename. From
 * the effective date D the old units are closed (valid to D − 1), the new ones valid from D,
 * and successor links record who became whom, so history stays visible and last year's
 * results can be re-aggregated. One transaction, under the registry lock, audited.
 */

export type RestructureResult = { successorIds: number[]; notices: string[]; message: string };

function refuse(problems: readonly string[], fieldProblems: readonly Problem[] = []): never {
  const fieldErrors: Record<string, string[]> = {};
  for (const p of fieldProblems) (fieldErrors[p.path] ??= []).push(p.message);
  if (problems.length) fieldErrors._ = [...problems];
  throw invalid(problems[0] ?? fieldProblems[0]?.message ?? unitsText.e.unknownUnit, fieldErrors);
}

async function loadOpen(tx: Tx, ids: readonly number[]) {
  const units = await tx.unit.findMany({ where: { id: { in: [...ids] } }, select: { id: true, code: true, name: true, validFrom: true, validTo: true, levelId: true, blockId: true, parentId: true, providesPublicServices: true, address: true } });
  if (units.length !== new Set(ids).size) throw notFound(unitsText.e.unknownUnit);
  return ids.map((id) => units.find((u) => u.id === id)!);
}

async function closeAll(tx: Tx, units: { id: number; code: string; validFrom: Date; validTo: Date | null }[], date: string) {
  const problems: string[] = [];
  const notices: string[] = [];
  for (const u of units) {
    const r = await closingProblems(tx, u, date);
    problems.push(...r.problems);
    notices.push(...r.notices);
  }
  return { problems, notices };
}

async function createSuccessor(tx: Tx, u: TNewUnit, date: string): Promise<number> {
  const created = await tx.unit.create({
    data: {
      code: u.code, name: u.name, levelId: u.levelId, blockId: u.blockId, parentId: u.parentId,
      validFrom: dayDate(date), providesPublicServices: !u.noPublicServices, address: u.address,
    },
    select: { id: true },
  });
  return created.id;
}

async function link(
  tx: Tx,
  kind: SuccessionKind,
  pairs: { predecessorId: number; successorId: number; share?: number | null }[],
  date: string,
  legalBasis: string,
  predecessors: readonly number[],
): Promise<void> {
  await tx.unit.updateMany({ where: { id: { in: [...predecessors] } }, data: { validTo: dayDate(lastDayBefore(date)) } });
  await tx.unitSuccession.createMany({
    data: pairs.map((p) => ({ predecessorId: p.predecessorId, successorId: p.successorId, kind, effectiveDate: dayDate(date), legalBasis, share: p.share ?? null })),
  });
}

export async function mergeUnits(input: TMerge, actor: Actor): Promise<RestructureResult> {
  return db().$transaction(async (tx) => {
    await lockRegistry(tx);
    const preds = await loadOpen(tx, input.predecessorIds);
    const { problems, notices } = await closeAll(tx, preds, input.effectiveDate);
    let successorId: number;
    let successorCode: string;
    if (input.target === "existing") {
      const [target] = await loadOpen(tx, [input.targetId!]);
      const d = input.effectiveDate;
      if (isoDay(target!.validFrom) > d || (target!.validTo && isoDay(target!.validTo) < d)) problems.push(unitsText.e.targetNotValid(target!.code, dmy(d)));
      if (problems.length) refuse(problems);
      successorId = target!.id;
      successorCode = target!.code;
    } else {
      const s = input.successor as TNewUnit;
      const fieldProblems = await newUnitProblems(tx, s, input.effectiveDate, null, "successor.");
      if (problems.length || fieldProblems.length) refuse(problems, fieldProblems);
      successorId = await createSuccessor(tx, s, input.effectiveDate);
      successorCode = s.code;
    }
    await link(tx, "MERGE", preds.map((p) => ({ predecessorId: p.id, successorId })), input.effectiveDate, input.legalBasis, preds.map((p) => p.id));
    await recordAudit(tx, {
      actor, action: "unit.merge", entity: "Unit", entityId: successorId,
      after: { predecessors: preds.map((p) => p.code), successor: successorCode, newUnit: input.target === "new", effectiveDate: input.effectiveDate, legalBasis: input.legalBasis },
    });
    return { successorIds: [successorId], notices, message: unitsText.restructure.merged(preds.length, successorCode) };
  });
}

export async function splitUnit(input: TSplit, actor: Actor): Promise<RestructureResult> {
  return db().$transaction(async (tx) => {
    await lockRegistry(tx);
    const [pred] = await loadOpen(tx, [input.predecessorId]);
    const { problems, notices } = await closeAll(tx, [pred!], input.effectiveDate);
    const fieldProblems: Problem[] = [];
    for (const [i, s] of input.successors.entries()) fieldProblems.push(...(await newUnitProblems(tx, s, input.effectiveDate, null, `successors.${i}.`)));
    if (problems.length || fieldProblems.length) refuse(problems, fieldProblems);
    const pairs: { predecessorId: number; successorId: number; share: number | null }[] = [];
    for (const s of input.successors) pairs.push({ predecessorId: pred!.id, successorId: await createSuccessor(tx, s, input.effectiveDate), share: s.share });
    await link(tx, "SPLIT", pairs, input.effectiveDate, input.legalBasis, [pred!.id]);
    await recordAudit(tx, {
      actor, action: "unit.split", entity: "Unit", entityId: pred!.id,
      after: {
        predecessor: pred!.code, successors: input.successors.map((s) => ({ code: s.code, share: s.share })),
        effectiveDate: input.effectiveDate, legalBasis: input.legalBasis,
      },
    });
    return { successorIds: pairs.map((p) => p.successorId), notices, message: unitsText.restructure.split(pred!.code, pairs.length) };
  });
}

/** A new code and name from a date; the successor keeps level, block, parent and address. */
export async function renameUnit(input: TRename, actor: Actor): Promise<RestructureResult> {
  return db().$transaction(async (tx) => {
    await lockRegistry(tx);
    const [old] = await loadOpen(tx, [input.unitId]);
    if (old!.code === input.code) refuse([], [{ path: "code", message: unitsText.e.renameSameCode }]);
    const { problems, notices } = await closeAll(tx, [old!], input.effectiveDate);
    const successor: TNewUnit = {
      code: input.code, name: input.name, levelId: old!.levelId, blockId: old!.blockId, parentId: old!.parentId,
      noPublicServices: !old!.providesPublicServices, address: old!.address,
    };
    const fieldProblems = (await newUnitProblems(tx, successor, input.effectiveDate, null)).map((p) => (p.path === "code" ? p : { path: "_", message: p.message }));
    if (problems.length || fieldProblems.length) refuse(problems, fieldProblems);
    const successorId = await createSuccessor(tx, successor, input.effectiveDate);
    await link(tx, "RENAME", [{ predecessorId: old!.id, successorId }], input.effectiveDate, input.legalBasis, [old!.id]);
    await recordAudit(tx, {
      actor, action: "unit.rename", entity: "Unit", entityId: successorId,
      after: { from: { code: old!.code, name: old!.name }, to: { code: input.code, name: input.name }, effectiveDate: input.effectiveDate, legalBasis: input.legalBasis },
    });
    return { successorIds: [successorId], notices, message: unitsText.restructure.renamed(old!.code, input.code) };
  });
}
