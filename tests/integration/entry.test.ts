import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyAuditChain } from "@/lib/audit/service";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session";
import { createFormsForDraw } from "@/lib/forms/service";
import { lookupForEntry, type TEntryForm } from "@/lib/entry/lookup";
import { entrySavePaths, saveEntry, type TEntryResult } from "@/lib/entry/save";
import { decideDifferences } from "@/lib/entry/reconcile";
import { clerkErrorRates } from "@/lib/entry/stats";
import { BUILTIN_TEMPLATES } from "@/lib/sipas/templates";
import type { TEntrySave } from "@/lib/entry/schemas";
import { makeFormsPlan, setFormStates } from "../fixtures/forms-plan";
import { makeUser, useCleanDatabase } from "./helpers";

useCleanDatabase();

const Q = BUILTIN_TEMPLATES.classic;
/** A complete, valid set of answers for the classic form. */
function cells(sat = "4", overrides: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of Q.items) {
    out[item.code] =
      item.kind === "satisfaction" ? sat : item.kind === "expectation" ? "1;3" : item.kind === "text" ? "" : (item.options[0]?.code ?? "");
  }
  return { ...out, ...overrides };
}

const actorOf = (u: SessionUser) => ({ id: u.id, name: u.username });
type Setup = Awaited<ReturnType<typeof setup>>;

async function setup(opts: { doubleEntryShare?: number } = {}) {
  const p = await makeFormsPlan({ units: 2, main: 4, reserve: 1, doubleEntryShare: opts.doubleEntryShare ?? 0 });
  await db().$transaction((tx) => createFormsForDraw(tx, p.drawId, { id: null, name: "t" }));
  const forms = await db().form.findMany({ where: { planId: p.planId }, orderBy: [{ unitId: "asc" }, { sequence: "asc" }] });
  await setFormStates({ planId: p.planId }, "RETURNED");
  const [unitA, unitB] = p.unitIds as [number, number];
  const clerkA = await makeUser("CLERK", { unitIds: [unitA] });
  const clerkA2 = await makeUser("CLERK", { unitIds: [unitA] });
  const clerkB = await makeUser("CLERK", { unitIds: [unitB] });
  const admin = await makeUser("ADMIN");
  const inA = forms.filter((f) => f.unitId === unitA);
  return { ...p, forms, inA, clerkA, clerkA2, clerkB, admin };
}

async function open(s: Setup, code: string, user: SessionUser, openSaved = false) {
  return lookupForEntry(code, user, openSaved);
}

async function save(user: SessionUser, input: Partial<TEntrySave> & { code: string; version: number }): Promise<TEntryResult> {
  return saveEntry({ intent: "first", key: randomUUID(), cells: cells(), ...input }, user, actorOf(user));
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("data entry refusals, each with a reason", () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });

  it("a typo in the code, a code that exists nowhere, another clerk's unit, a form not yet returned, a form already entered", async () => {
    const code = s.inA[0]!.code;
    const swapped = code.slice(0, 3) + code[4] + code[3] + code.slice(5);
    if (swapped !== code) expect((await refusal(open(s, swapped, s.clerkA))).message).toContain("đảo chỗ hai chữ số");
    // A valid check digit for a sequence that was never issued.
    const { encodeFormCode } = await import("@/lib/forms/form-code");
    const ghost = encodeFormCode({ plan: s.planId, unit: s.unitIds[0]!, seq: 999 });
    const nf = await refusal(open(s, ghost, s.clerkA));
    expect([nf.code, nf.message]).toEqual(["NOT_FOUND", expect.stringContaining("Không có phiếu nào mang mã")]);
    const other = await refusal(open(s, code, s.clerkB));
    expect([other.code, other.message]).toEqual(["FORBIDDEN", expect.stringContaining("không thuộc các đơn vị được giao cho bạn")]);
    // The save refuses the same way, whatever the screen did.
    expect((await refusal(save(s.clerkB, { code, version: s.inA[0]!.version + 1 }))).code).toBe("FORBIDDEN");
    await setFormStates({ planId: s.planId, codes: [s.inA[1]!.code] }, "DISPATCHED");
    const early = await refusal(open(s, s.inA[1]!.code, s.clerkA));
    expect(early.message).toContain("chưa được ghi nhận “Đã thu về”");
    expect((await refusal(save(s.clerkA, { code: s.inA[1]!.code, version: 99 }))).message).toContain("chưa được ghi nhận “Đã thu về”");

    const form = await open(s, code, s.clerkA);
    expect(form.intent).toBe("first");
    await save(s.clerkA, { code, version: form.version });
    const again = await refusal(open(s, code, s.clerkA2));
    expect(again.message).toContain("đã được nhập");
    expect(again.details).toEqual({ alreadyEntered: true, code });
    // … and the clerk is offered to open it instead.
    const reopened = await open(s, code, s.clerkA2, true);
    expect(reopened.intent).toBe("correct");
    expect(reopened.cells).toEqual(cells());
  });

  it("invalid answers are refused item by item, and nothing is stored", async () => {
    const f = await open(s, s.inA[0]!.code, s.clerkA);
    const { "TC1.1": _omit, ...partial } = cells();
    const err = await refusal(save(s.clerkA, { code: f.code, version: f.version, cells: { ...partial, "TC1.2": "7", MD1: "1;2;3;4" } }));
    expect(err.code).toBe("INVALID");
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(["MD1", "TC1.1", "TC1.2"]);
    expect(await db().response.count()).toBe(0);
  });
});

describe("saving safely", () => {
  it("stores every item (blanks too), moves the form to ENTERED and audits the answers", async () => {
    const s = await setup();
    const f = await open(s, s.inA[0]!.code, s.clerkA);
    const r = await save(s.clerkA, { code: f.code, version: f.version, cells: cells("5", { "TC1.1": "", "TC1.2": "M", "TC1.3": "U", YK: "Cán bộ nhiệt tình" }) });
    expect(r).toMatchObject({ state: "ENTERED", round: 1 });
    const response = await db().response.findFirstOrThrow({ where: { formId: f.formId }, include: { answers: { include: { item: true } } } });
    expect(response).toMatchObject({ round: 1, mode: "POST", enteredById: s.clerkA.id });
    expect(response.answers).toHaveLength(Q.items.length);
    const by = (c: string) => response.answers.find((a) => a.item.code === c);
    expect(by("TC1.1")).toMatchObject({ status: "BLANK", value: null });
    expect(by("TC1.2")).toMatchObject({ status: "MULTIPLE" });
    expect(by("TC1.3")).toMatchObject({ status: "UNREADABLE" });
    expect(by("TC2.1")).toMatchObject({ status: "VALID", value: 5 });
    expect(by("NĐ2")).toMatchObject({ status: "VALID", value: 1, text: "C" });
    expect(by("MD1")).toMatchObject({ status: "VALID", text: "1;3" });
    expect(by("YK")).toMatchObject({ status: "VALID", text: "Cán bộ nhiệt tình" });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "response.enter" } });
    expect(audit.after).toMatchObject({ form: f.code, answers: { "TC1.2": "M", "TC2.1": "5" } });
    expect(await db().auditEvent.findFirst({ where: { action: "form.state", entityId: String(f.formId) } })).toMatchObject({ before: { state: "RETURNED" }, after: { state: "ENTERED" } });
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
    // The results read the packed answers, kept by the database on every write.
    expect((await db().response.findFirstOrThrow({ where: { formId: f.formId } })).packedAnswers).toBeTruthy();
  });

  it("a first entry in one statement writes what the general path writes", async () => {
    const s = await setup();
    const [f0, f1, f2] = s.inA as [Setup["forms"][number], Setup["forms"][number], Setup["forms"][number]];
    await db().form.update({ where: { id: f2.id }, data: { mode: "DIRECT" } });
    const fast0 = entrySavePaths.fast;
    // The first save of the plan takes the general path (it learns the plan); the next ones need one statement.
    const results: TEntryResult[] = [];
    for (const form of [f0, f1, f2]) {
      const { version } = await open(s, form.code, s.clerkA);
      const f = { ...form, version };
      const key = randomUUID();
      const r = await save(s.clerkA, { code: f.code, version: f.version, key, cells: cells("3", { YK: "Góp ý \"có ngoặc\" và dấu \\ gạch" }) });
      results.push(r);
      expect(r).toMatchObject({ formId: f.id, code: f.code, round: 1, intent: "first", state: "ENTERED", version: f.version + 1 });
      expect(r.replay).toBeUndefined();
      // The stored result is the one returned: a retry finds it.
      expect(await save(s.clerkA, { code: f.code, version: f.version, key, cells: cells("3", { YK: "Góp ý \"có ngoặc\" và dấu \\ gạch" }) })).toEqual({ ...r, replay: true, message: expect.any(String) });
      const response = await db().response.findFirstOrThrow({ where: { formId: f.id }, include: { answers: true } });
      expect(response).toMatchObject({ round: 1, mode: form === f2 ? "DIRECT" : "POST", enteredById: s.clerkA.id, version: 1 });
      expect(response.answers).toHaveLength(Q.items.length);
      expect(response.packedAnswers).toBeTruthy();
      const state = await db().auditEvent.findFirstOrThrow({ where: { action: "form.state", entityId: String(f.id) } });
      expect(state).toMatchObject({ actorId: s.clerkA.id, actorName: s.clerkA.username, planId: s.planId, outcome: "OK", before: { code: f.code, state: "RETURNED" } });
      expect(state.after).toEqual({ state: "ENTERED", mode: response.mode });
      const enter = await db().auditEvent.findFirstOrThrow({ where: { action: "response.enter", entityId: String(response.id) } });
      expect(enter).toMatchObject({ entity: "Response", planId: s.planId, before: null, after: { form: f.code, round: 1, mode: response.mode, answers: { YK: "Góp ý \"có ngoặc\" và dấu \\ gạch", "TC2.1": "3" } } });
      expect(enter.id).toBe(state.id + 1n);
    }
    expect(entrySavePaths.fast - fast0).toBeGreaterThanOrEqual(2);
    expect(await db().form.findMany({ where: { id: { in: [f0.id, f1.id, f2.id] } }, select: { state: true } })).toEqual([{ state: "ENTERED" }, { state: "ENTERED" }, { state: "ENTERED" }]);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("the one-statement path writes nothing and leaves the decision to the general path when anything differs", async () => {
    const s = await setup();
    const [f0, f1] = await Promise.all(s.inA.slice(0, 2).map((f) => open(s, f.code, s.clerkA))) as [TEntryForm, TEntryForm];
    // The plan is learnt (general path or not, depending on what ran before).
    await save(s.clerkA, { code: f0.code, version: f0.version });
    const fast0 = entrySavePaths.fast;
    const nothingWritten = async () => {
      expect(await db().response.count({ where: { formId: f1.formId } })).toBe(0);
      expect((await db().form.findUniqueOrThrow({ where: { id: f1.formId } })).state).toBe("RETURNED");
    };
    // Another unit's clerk: refused with the reason, as by the general path.
    const other = await refusal(save(s.clerkB, { code: f1.code, version: f1.version }));
    expect(other.code).toBe("FORBIDDEN");
    await nothingWritten();
    // A version the form no longer has.
    const stale = await refusal(save(s.clerkA, { code: f1.code, version: f1.version + 1 }));
    expect(stale.code).toBe("CONFLICT");
    await nothingWritten();
    expect(entrySavePaths.fast).toBe(fast0);
    await save(s.clerkA, { code: f1.code, version: f1.version });
    expect(entrySavePaths.fast).toBe(fast0 + 1);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("the packed answers written with the response are those the answers_packed trigger computes", async () => {
    const s = await setup();
    const [f0, f1] = await Promise.all(s.inA.slice(0, 2).map((f) => open(s, f.code, s.clerkA))) as [TEntryForm, TEntryForm];
    const expectation = Q.items.find((i) => i.kind === "expectation")!;
    const mixed = cells("2", { "TC1.1": "", "TC1.2": "M", "TC1.3": "U", "TC2.1": "5", YK: "Ý kiến \"có ngoặc\"", [expectation.code]: "U" });
    for (const [f, c] of [[f0, cells()], [f1, mixed]] as const) {
      const fast0 = entrySavePaths.fast;
      await save(s.clerkA, { code: f.code, version: f.version, cells: c });
      // The second save: the plan is known, the one statement writes it.
      if (f === f1) expect(entrySavePaths.fast).toBe(fast0 + 1);
      const { id, packedAnswers } = await db().response.findFirstOrThrow({ where: { formId: f.formId } });
      expect(packedAnswers).toBeTruthy();
      // Recomputed from the stored answers by the trigger's own function: the same text.
      await db().$executeRawUnsafe(`UPDATE "Response" SET "packedAnswers" = NULL WHERE id = $1`, id);
      await db().$executeRawUnsafe(`SELECT sipas_pack_answers(ARRAY[$1]::int[])`, id);
      expect((await db().response.findUniqueOrThrow({ where: { id } })).packedAnswers).toBe(packedAnswers);
    }
  });

  it("a double click or a retried request never creates a second response", async () => {
    const s = await setup();
    const f = await open(s, s.inA[0]!.code, s.clerkA);
    const key = randomUUID();
    const [a, b] = await Promise.all([save(s.clerkA, { code: f.code, version: f.version, key }), save(s.clerkA, { code: f.code, version: f.version, key })]);
    const retry = await save(s.clerkA, { code: f.code, version: f.version, key });
    expect([a.replay, b.replay].filter(Boolean)).toHaveLength(1);
    expect(retry).toMatchObject({ replay: true, formId: f.formId, version: a.version });
    expect(await db().response.count({ where: { formId: f.formId } })).toBe(1);
    // The same key with other content is not a retry.
    expect((await refusal(save(s.clerkA, { code: f.code, version: f.version, key, cells: cells("1") }))).message).toContain("trùng mã");
  });

  it("50 concurrent submissions of one form: exactly one response, the others are told", async () => {
    const s = await setup();
    const f = await open(s, s.inA[0]!.code, s.clerkA);
    const users = [s.clerkA, s.clerkA2, s.admin];
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => save(users[i % 3]!, { code: f.code, version: f.version, cells: cells(String((i % 5) + 1)) })),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(49);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).message).toContain("vừa được");
      expect((r.reason as AppError).details).toMatchObject({ alreadyEntered: true });
    }
    expect(await db().response.count({ where: { formId: f.formId } })).toBe(1);
    expect(await db().answer.count()).toBe(Q.items.length);
    expect((await db().form.findUniqueOrThrow({ where: { id: f.formId } })).state).toBe("ENTERED");
  });

  it("two clerks correcting at once: one wins, the other is refused and must reopen", async () => {
    const s = await setup();
    const f = await open(s, s.inA[0]!.code, s.clerkA);
    await save(s.clerkA, { code: f.code, version: f.version });
    const a = await open(s, f.code, s.clerkA, true);
    const b = await open(s, f.code, s.clerkA2, true);
    const ra = await save(s.clerkA, { intent: "correct", code: f.code, version: a.version, cells: cells("4", { "TC3.1": "2" }) });
    expect(ra).toMatchObject({ changed: 1 });
    const err = await refusal(save(s.clerkA2, { intent: "correct", code: f.code, version: b.version, cells: cells("4", { "TC3.1": "5" }) }));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toContain("CHƯA được lưu");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "response.correct" } });
    expect(audit.before).toMatchObject({ answers: { "TC3.1": "4" } });
    expect(audit.after).toMatchObject({ answers: { "TC3.1": "2" } });
    // Every old value stays in the trail: a second correction records "2" as the old value.
    const c = await open(s, f.code, s.clerkA2, true);
    await save(s.clerkA2, { intent: "correct", code: f.code, version: c.version, cells: cells("4", { "TC3.1": "5" }) });
    const trail = await db().auditEvent.findMany({ where: { action: "response.correct" }, orderBy: { id: "asc" } });
    expect(trail.map((e) => (e.before as { answers: Record<string, string> }).answers["TC3.1"])).toEqual(["4", "2"]);
  });
});

describe("blind double entry and reconciliation", () => {
  it("a different clerk enters it again, differences are listed, ADMIN decides, the form is VERIFIED", async () => {
    const s = await setup({ doubleEntryShare: 1 });
    const code = s.inA[0]!.code;
    const f = await open(s, code, s.clerkA);
    await save(s.clerkA, { code, version: f.version, cells: cells("4", { "TC1.1": "5", "TC2.2": "3" }) });
    // The first clerk cannot do the second entry.
    expect((await refusal(open(s, code, s.clerkA))).message).toContain("đã được nhập");
    const second = await open(s, code, s.clerkA2);
    expect(second.intent).toBe("second");
    expect(second.cells).toBeUndefined();
    const r = await save(s.clerkA2, { intent: "second", code, version: second.version, cells: cells("4", { "TC1.1": "4", "TC2.2": "3", GT: "NU" }) });
    expect(r).toMatchObject({ differences: 2, state: "ENTERED" });
    const diffs = await db().entryDifference.findMany({ where: { formId: f.formId }, orderBy: { itemCode: "asc" } });
    expect(diffs.map((d) => [d.itemCode, d.first, d.second])).toEqual([["GT", "NAM", "NU"], ["TC1.1", "5", "4"]]);
    const version = (await db().form.findUniqueOrThrow({ where: { id: f.formId } })).version;
    const incomplete = await refusal(decideDifferences({ formId: f.formId, version, decisions: { "TC1.1": "4" } }, s.admin, actorOf(s.admin)));
    expect(incomplete.fieldErrors).toHaveProperty("GT");
    const done = await decideDifferences({ formId: f.formId, version, decisions: { "TC1.1": "4", GT: "NAM" } }, s.admin, actorOf(s.admin));
    expect(done.changed).toBe(1);
    const form = await db().form.findUniqueOrThrow({ where: { id: f.formId } });
    expect(form.state).toBe("VERIFIED");
    const counted = await lookupForEntry(code, s.clerkA, true);
    expect(counted.cells).toMatchObject({ "TC1.1": "4", GT: "NAM", "TC2.2": "3" });
    const rates = await clerkErrorRates([s.planId]);
    const rate = (u: SessionUser) => rates.find((x) => x.userId === u.id);
    expect(rate(s.clerkA)).toMatchObject({ forms: 1, items: Q.items.length, errors: 1 });
    expect(rate(s.clerkA2)).toMatchObject({ forms: 1, errors: 1 });
  });

  it("an identical second entry verifies the form at once", async () => {
    const s = await setup({ doubleEntryShare: 1 });
    const code = s.inA[1]!.code;
    const f = await open(s, code, s.clerkA);
    await save(s.clerkA, { code, version: f.version });
    const second = await open(s, code, s.clerkA2);
    const r = await save(s.clerkA2, { intent: "second", code, version: second.version });
    expect(r).toMatchObject({ differences: 0, state: "VERIFIED" });
  });
});
