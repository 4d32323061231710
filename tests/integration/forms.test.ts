import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/service";
import { AppError } from "@/lib/errors";
import { dammIsValid } from "@/lib/forms/damm";
import { pickDoubleEntry } from "@/lib/forms/double-entry";
import { encodeFormCode } from "@/lib/forms/form-code";
import { applyStateRows, createBatch, scanForm } from "@/lib/forms/fieldwork";
import { createFormsForDraw, replaceAllReplaceable, replaceForm } from "@/lib/forms/service";
import { readStateFile } from "@/lib/forms/state-file";
import { planProgress } from "@/lib/forms/progress";
import { makeFormsPlan, setFormStates } from "../fixtures/forms-plan";
import { useCleanDatabase } from "./helpers";

useCleanDatabase();
const actor = { id: null, name: "kiểm thử" };

/** Forms with their selection (a form's selection is not a Prisma relation). */
async function withSelections<F extends { selectionId: number | null }>(forms: F[]) {
  const ids = forms.flatMap((f) => (f.selectionId === null ? [] : [f.selectionId]));
  const byId = new Map((await db().selection.findMany({ where: { id: { in: ids } } })).map((s) => [s.id, s]));
  return forms.map((f) => ({ ...f, selection: f.selectionId === null ? null : (byId.get(f.selectionId) ?? null) }));
}

async function planWithForms(opts: Parameters<typeof makeFormsPlan>[0] = {}) {
  const p = await makeFormsPlan(opts);
  await db().$transaction((tx) => createFormsForDraw(tx, p.drawId, actor));
  const forms = await db().form.findMany({ where: { planId: p.planId }, orderBy: [{ unitId: "asc" }, { sequence: "asc" }] });
  return { ...p, forms };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("forms of a locked draw", () => {
  it("creates one form per MAIN selection with a Damm code, reproducible double-entry choice, once", async () => {
    const p = await makeFormsPlan({ units: 3, main: 10, reserve: 3, doubleEntryShare: 0.2 });
    const first = await db().$transaction((tx) => createFormsForDraw(tx, p.drawId, actor));
    expect(first).toEqual({ created: 30, doubleEntry: 6, spoiled: 0 });
    const forms = await withSelections(await db().form.findMany({ where: { planId: p.planId } }));
    expect(forms).toHaveLength(30);
    for (const f of forms) {
      expect(f.state).toBe("CREATED");
      expect(f.selection?.role).toBe("MAIN");
      expect(dammIsValid(f.code)).toBe(true);
      expect(f.code).toBe(encodeFormCode({ plan: p.planId, unit: f.unitId, seq: f.sequence }));
    }
    // Sequences run 1…10 in each unit.
    for (const unitId of p.unitIds) {
      expect(forms.filter((f) => f.unitId === unitId).map((f) => f.sequence).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
    // Anyone with the seed and the selection keys gets the same double-entry forms.
    const expected = pickDoubleEntry(p.seed, forms.map((f) => f.selection!.key), 0.2);
    expect(new Set(forms.filter((f) => f.doubleEntry).map((f) => f.selection!.key))).toEqual(expected);
    const again = await db().$transaction((tx) => createFormsForDraw(tx, p.drawId, actor));
    expect(again.created).toBe(0);
    expect(await db().form.count({ where: { planId: p.planId } })).toBe(30);
    expect(await db().auditEvent.count({ where: { action: "forms.create", planId: p.planId } })).toBe(1);
  });

  it("a new draw spoils forms that never left the office, and refuses once one was sent", async () => {
    const p = await planWithForms({ units: 1, main: 4, reserve: 1 });
    const draw2 = await db().sampleDraw.create({
      data: { planId: p.planId, seed: "khác", frameChecksum: "x", allocation: {}, allocationChecksum: "x", algorithmVersion: "v1", status: "LOCKED" },
    });
    const stratum = await db().stratum.findFirstOrThrow({ where: { planId: p.planId } });
    const records = await db().frameRecord.findMany({ where: { planId: p.planId }, orderBy: { id: "asc" } });
    for (const [i, r] of records.slice(0, 2).entries()) {
      await db().selection.create({ data: { drawId: draw2.id, stratumId: stratum.id, frameRecordId: r.id, role: "MAIN", order: i + 1, key: `k${i}`, inclusionProbability: 0.4 } });
    }
    await setFormStates({ planId: p.planId, codes: [p.forms[0]!.code] }, "DISPATCHED");
    const err = await refusal(db().$transaction((tx) => createFormsForDraw(tx, draw2.id, actor)));
    expect(err.message).toContain("đã được gửi đi");
    await setFormStates({ planId: p.planId, codes: [p.forms[0]!.code] }, "PRINTED");
    const r = await db().$transaction((tx) => createFormsForDraw(tx, draw2.id, actor));
    expect(r).toMatchObject({ created: 2, spoiled: 4 });
    // New forms continue the unit's numbering: codes are never reused.
    const ofDraw2 = (await db().selection.findMany({ where: { drawId: draw2.id }, select: { id: true } })).map((x) => x.id);
    expect((await db().form.findMany({ where: { selectionId: { in: ofDraw2 } } })).map((f) => f.sequence).sort()).toEqual([5, 6]);
  });
});

describe("fieldwork: scanning codes, batches, state files", () => {
  it("moves a scanned form, audits it, and refuses a move the state machine forbids", async () => {
    const p = await planWithForms();
    const f = p.forms[0]!;
    const ok = await scanForm({ planId: p.planId, code: f.code, to: "PRINTED" }, actor);
    expect(ok.outcome).toBe("moved");
    const audit = await db().auditEvent.findFirst({ where: { action: "form.state", entityId: String(f.id) } });
    expect(audit?.before).toMatchObject({ state: "CREATED" });
    expect(audit?.after).toMatchObject({ state: "PRINTED" });
    const err = await refusal(scanForm({ planId: p.planId, code: f.code, to: "RETURNED" }, actor));
    expect(err.message).toContain("Không thể chuyển phiếu từ trạng thái “Đã in” sang “Đã thu về”");
    const typo = await refusal(scanForm({ planId: p.planId, code: f.code.slice(0, 5) + ((Number(f.code[5]) + 1) % 10) + f.code.slice(6), to: "PRINTED" }, actor));
    expect(typo.message).toContain("gõ nhầm một chữ số");
    const noBatch = await refusal(scanForm({ planId: p.planId, code: f.code, to: "DISPATCHED" }, actor));
    expect(noBatch.message).toContain("lô gửi");
    const { id: batchId } = await createBatch({ planId: p.planId, code: "LO-01" }, actor);
    const sent = await scanForm({ planId: p.planId, code: `http://x.vn/tra-loi/${f.code}`, to: "DISPATCHED", batchId }, actor);
    expect(sent.outcome).toBe("moved");
    expect((await db().form.findUniqueOrThrow({ where: { id: f.id } })).batchId).toBe(batchId);
  });

  it("applies a clean file in one go, and a file with errors not at all, naming row and column", async () => {
    const p = await planWithForms({ units: 1, main: 4 });
    await setFormStates({ planId: p.planId }, "DISPATCHED");
    const dir = mkdtempSync(path.join(tmpdir(), "sipas-f-"));
    const write = async (rows: (string | number)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Trả về");
      ws.addRow(["STT", "Mã phiếu", "Trạng thái"]);
      for (const r of rows) ws.addRow(r);
      const file = path.join(dir, `f${Math.random()}.xlsx`);
      await wb.xlsx.writeFile(file);
      return file;
    };
    try {
      const [a, b, c, d] = p.forms;
      const bad = await readStateFile(await write([[1, a!.code, "Đã thu về"], [2, "123", "Đã thu về"], [3, b!.code, "mất"], [4, a!.code, "từ chối"]]));
      expect(bad.problems.map((x) => [x.row, x.column])).toEqual([[3, "Mã phiếu"], [4, "Trạng thái"], [5, "Mã phiếu"]]);
      // Valid structure, but one move is not allowed: nothing is applied.
      const file = await readStateFile(await write([[1, a!.code, "Đã thu về"], [2, b!.code, "Không phát được"], [3, Number(c!.code), "da thu ve"], [4, d!.code, "Đã in"]]));
      expect(file.problems).toEqual([]);
      const refused = await applyStateRows(p.planId, file.rows, actor);
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.problems).toEqual([expect.objectContaining({ row: 5, column: "Trạng thái" })]);
      expect(await db().form.count({ where: { planId: p.planId, state: "DISPATCHED" } })).toBe(4);
      const ok = await applyStateRows(p.planId, file.rows.slice(0, 3), actor);
      expect(ok).toEqual({ ok: true, moved: 3, duplicates: 0, unchanged: 0 });
      expect((await db().form.findUniqueOrThrow({ where: { id: c!.id } })).state).toBe("RETURNED");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("replacement from the reserve", () => {
  it("gives the next unused reserve person of the same stratum, in order, until none is left", async () => {
    const p = await planWithForms({ units: 2, main: 3, reserve: 2 });
    const unitA = p.unitIds[0]!;
    const [f1, f2, f3] = p.forms.filter((f) => f.unitId === unitA);
    const notYet = await refusal(db().$transaction((tx) => replaceForm(tx, f1!.id, actor)));
    expect(notYet.message).toContain("không thay thế được");
    await setFormStates({ planId: p.planId, codes: [f1!.code, f2!.code, f3!.code] }, "NOT_RETURNED");
    const r1 = await db().$transaction((tx) => replaceForm(tx, f1!.id, actor));
    const r2 = await db().$transaction((tx) => replaceForm(tx, f2!.id, actor));
    expect([r1.reserveOrder, r2.reserveOrder]).toEqual([1, 2]);
    const [created] = await withSelections([await db().form.findUniqueOrThrow({ where: { id: r1.newFormId } })]);
    expect(created!).toMatchObject({ state: "CREATED", unitId: unitA, replacesFormId: f1!.id, sequence: 4 });
    expect(created!.selection).toMatchObject({ role: "RESERVE", order: 1 });
    expect((await db().form.findUniqueOrThrow({ where: { id: f1!.id } })).state).toBe("REPLACED");
    const none = await refusal(db().$transaction((tx) => replaceForm(tx, f3!.id, actor)));
    expect(none.message).toContain("Đã hết người dự phòng");
    const all = await replaceAllReplaceable(p.planId, undefined, actor);
    expect(all.done).toHaveLength(0);
    expect(all.failed).toHaveLength(1);
    const progress = await planProgress(p.planId);
    expect(progress.total).toMatchObject({ sampled: 6, replacements: 2, failed: 3 });
  });

  it("two replacements at once never give the same reserve person", async () => {
    const p = await planWithForms({ units: 1, main: 4, reserve: 4 });
    await setFormStates({ planId: p.planId }, "REFUSED");
    const results = await Promise.all(p.forms.map((f) => db().$transaction((tx) => replaceForm(tx, f.id, SYSTEM_ACTOR))));
    expect(new Set(results.map((r) => r.reserveOrder))).toEqual(new Set([1, 2, 3, 4]));
    expect(new Set(results.map((r) => r.newCode)).size).toBe(4);
  });
});
