import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyAuditChain } from "@/lib/audit/service";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session";
import { navFor } from "@/lib/auth/nav";
import { createFormsForDraw } from "@/lib/forms/service";
import { lookupForEntry } from "@/lib/entry/lookup";
import { saveEntry } from "@/lib/entry/save";
import { decideDifferences, findFormsToReconcile, getReconciliation } from "@/lib/entry/reconcile";
import { designateVerifier, listPlanVerifiers, mayReconcile, removeVerifier } from "@/lib/entry/verifiers";
import { BUILTIN_TEMPLATES } from "@/lib/sipas/templates";
import { makeFormsPlan, setFormStates } from "../fixtures/forms-plan";
import { makeUser, useCleanDatabase } from "./helpers";

/**
 * Designated verifiers of double entry (docs/decisions/2026-11-23-designated-verifier.md):
 * ADMIN designates clerks per plan; a verifier decides the plan's differences as ADMIN does,
 * on no other plan, and never on a form they entered.
 */

useCleanDatabase();

const Q = BUILTIN_TEMPLATES.classic;
function cells(sat = "4", overrides: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of Q.items) {
    out[item.code] = item.kind === "satisfaction" ? sat : item.kind === "expectation" ? "1;3" : item.kind === "text" ? "" : (item.options[0]?.code ?? "");
  }
  return { ...out, ...overrides };
}
const actorOf = (u: SessionUser) => ({ id: u.id, name: u.username });

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** A plan whose first form was entered twice by two clerks of its unit, with two differences. */
async function doubleEnteredPlan() {
  const p = await makeFormsPlan({ units: 1, main: 2, reserve: 0, doubleEntryShare: 1 });
  await db().$transaction((tx) => createFormsForDraw(tx, p.drawId, { id: null, name: "t" }));
  await setFormStates({ planId: p.planId }, "RETURNED");
  const form = await db().form.findFirstOrThrow({ where: { planId: p.planId }, orderBy: { sequence: "asc" } });
  const first = await makeUser("CLERK", { unitIds: p.unitIds });
  const second = await makeUser("CLERK", { unitIds: p.unitIds });
  const f1 = await lookupForEntry(form.code, first, false);
  await saveEntry({ intent: "first", key: randomUUID(), code: form.code, version: f1.version, cells: cells("4", { "TC1.1": "5" }) }, first, actorOf(first));
  const f2 = await lookupForEntry(form.code, second, false);
  const r = await saveEntry({ intent: "second", key: randomUUID(), code: form.code, version: f2.version, cells: cells("4", { "TC1.1": "4", GT: "NU" }) }, second, actorOf(second));
  expect(r).toMatchObject({ differences: 2, state: "ENTERED" });
  return { ...p, formId: form.id, code: form.code, first, second };
}

async function setup() {
  const admin = await makeUser("ADMIN");
  const a = await doubleEnteredPlan();
  const b = await doubleEnteredPlan();
  // A senior clerk of an unrelated unit: the designation, not their units, gives the plan's scope.
  const verifier = await makeUser("CLERK", { unitIds: b.unitIds });
  const outsider = await makeUser("CLERK", { unitIds: a.unitIds });
  return { admin, a, b, verifier, outsider };
}

const version = async (formId: number) => (await db().form.findUniqueOrThrow({ where: { id: formId } })).version;
const decide = async (formId: number, user: SessionUser) =>
  decideDifferences({ formId, version: await version(formId), decisions: { "TC1.1": "4", GT: "NAM" } }, user, actorOf(user));
const denials = () => db().auditEvent.count({ where: { action: "access.denied", outcome: "DENIED", entity: "Form" } });

describe("designated verifiers of double entry", () => {
  it("ADMIN designates and removes a verifier; both are audited, with the plan; refusals say why", async () => {
    const s = await setup();
    expect(await mayReconcile(s.verifier)).toBe(false);
    await designateVerifier({ planId: s.a.planId, userId: s.verifier.id }, actorOf(s.admin));
    expect(await mayReconcile(s.verifier)).toBe(true);
    const added = await db().auditEvent.findFirstOrThrow({ where: { action: "plan.verifier.add" } });
    expect(added).toMatchObject({ entity: "Plan", entityId: String(s.a.planId), planId: s.a.planId, actorId: s.admin.id, after: { userId: s.verifier.id, username: s.verifier.username } });
    const row = await db().planVerifier.findUniqueOrThrow({ where: { planId_userId: { planId: s.a.planId, userId: s.verifier.id } } });
    expect(row.createdById).toBe(s.admin.id);

    const list = await listPlanVerifiers(s.a.planId);
    expect(list.verifiers.map((v) => [v.username, v.effective])).toEqual([[s.verifier.username, true]]);
    expect(list.candidates.map((c) => c.id)).not.toContain(s.verifier.id);

    expect((await refusal(designateVerifier({ planId: s.a.planId, userId: s.verifier.id }, actorOf(s.admin)))).code).toBe("CONFLICT");
    const monitor = await makeUser("MONITOR", { planIds: [s.a.planId] });
    const wrong = await refusal(designateVerifier({ planId: s.a.planId, userId: monitor.id }, actorOf(s.admin)));
    expect([wrong.code, wrong.message]).toEqual(["INVALID", expect.stringContaining("không phải cán bộ nhập liệu")]);
    await db().user.update({ where: { id: s.outsider.id }, data: { active: false } });
    expect((await refusal(designateVerifier({ planId: s.a.planId, userId: s.outsider.id }, actorOf(s.admin)))).message).toContain("đang bị khóa");

    await removeVerifier({ planId: s.a.planId, userId: s.verifier.id }, actorOf(s.admin));
    expect(await db().auditEvent.findFirstOrThrow({ where: { action: "plan.verifier.remove" } })).toMatchObject({
      entityId: String(s.a.planId), planId: s.a.planId, before: { userId: s.verifier.id },
    });
    expect(await db().planVerifier.count()).toBe(0);
    expect((await refusal(removeVerifier({ planId: s.a.planId, userId: s.verifier.id }, actorOf(s.admin)))).code).toBe("NOT_FOUND");
    // After removal the clerk is refused at once.
    expect((await refusal(decide(s.a.formId, s.verifier))).code).toBe("FORBIDDEN");

    await db().plan.update({ where: { id: s.a.planId }, data: { state: "PUBLISHED" } });
    expect((await refusal(designateVerifier({ planId: s.a.planId, userId: s.verifier.id }, actorOf(s.admin)))).message).toContain("không còn thay đổi");
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("a verifier sees and decides the forms of their plan, from any unit of it, exactly as ADMIN does", async () => {
    const s = await setup();
    await designateVerifier({ planId: s.a.planId, userId: s.verifier.id }, actorOf(s.admin));
    const queue = await findFormsToReconcile(s.verifier);
    expect(queue.forms.map((f) => f.id)).toEqual([s.a.formId]);
    expect(queue.ownEntered).toBe(0);
    const r = await getReconciliation(s.a.formId, s.verifier);
    expect(r.ownEntry).toBeNull();
    expect(r.differences.map((d) => d.itemCode).sort()).toEqual(["GT", "TC1.1"]);

    const done = await decide(s.a.formId, s.verifier);
    expect(done.changed).toBe(1);
    expect((await db().form.findUniqueOrThrow({ where: { id: s.a.formId } })).state).toBe("VERIFIED");
    const diffs = await db().entryDifference.findMany({ where: { formId: s.a.formId } });
    expect(diffs.every((d) => d.decidedById === s.verifier.id && d.decided !== null)).toBe(true);
    expect(await db().auditEvent.findFirstOrThrow({ where: { action: "entry.reconcile", entityId: String(s.a.formId) } })).toMatchObject({ actorId: s.verifier.id });
    expect((await findFormsToReconcile(s.verifier)).forms).toEqual([]);
  });

  it("is refused on another plan, and the refusal is audited", async () => {
    const s = await setup();
    await designateVerifier({ planId: s.a.planId, userId: s.verifier.id }, actorOf(s.admin));
    const before = await denials();
    const err = await refusal(decide(s.b.formId, s.verifier));
    expect([err.code, err.message]).toEqual(["FORBIDDEN", expect.stringContaining("chưa được chỉ định là người xác minh")]);
    expect(await denials()).toBe(before + 1);
    expect((await refusal(getReconciliation(s.b.formId, s.verifier))).code).toBe("FORBIDDEN");
    expect((await db().form.findUniqueOrThrow({ where: { id: s.b.formId } })).state).toBe("ENTERED");
    // ADMIN still decides everything.
    await decide(s.b.formId, s.admin);
    expect((await db().form.findUniqueOrThrow({ where: { id: s.b.formId } })).state).toBe("VERIFIED");
  });

  it("never decides a form they entered (round 1 or 2): refused, naming who else can decide it", async () => {
    const s = await setup();
    for (const u of [s.a.first, s.a.second, s.verifier]) await designateVerifier({ planId: s.a.planId, userId: u.id }, actorOf(s.admin));
    for (const [u, round] of [[s.a.first, 1], [s.a.second, 2]] as const) {
      const queue = await findFormsToReconcile(u);
      expect(queue.forms).toEqual([]);
      expect(queue.ownEntered).toBe(1);
      expect((await getReconciliation(s.a.formId, u)).ownEntry).toContain(`(lần ${round})`);
      const before = await denials();
      const err = await refusal(decide(s.a.formId, u));
      expect(err.code).toBe("FORBIDDEN");
      expect(err.message).toContain("không được tự đối chiếu");
      expect(err.message).toContain("quản trị viên");
      expect(err.message).toContain(s.verifier.fullName);
      expect(err.message).not.toContain(`${s.a.first.fullName} (`);
      expect(await denials()).toBe(before + 1);
    }
    expect(await db().entryDifference.count({ where: { formId: s.a.formId, decided: { not: null } } })).toBe(0);
    await decide(s.a.formId, s.verifier);
    expect((await db().form.findUniqueOrThrow({ where: { id: s.a.formId } })).state).toBe("VERIFIED");
  });

  it("a clerk who is not designated is refused, sees no queue and no navigation entry", async () => {
    const s = await setup();
    await designateVerifier({ planId: s.a.planId, userId: s.verifier.id }, actorOf(s.admin));
    // The outsider is a clerk of plan A's unit, but not designated.
    expect(await mayReconcile(s.outsider)).toBe(false);
    expect((await findFormsToReconcile(s.outsider)).forms).toEqual([]);
    const err = await refusal(decide(s.a.formId, s.outsider));
    expect([err.code, err.message]).toEqual(["FORBIDDEN", expect.stringContaining("chưa được chỉ định")]);
    expect((await refusal(getReconciliation(s.a.formId, s.outsider))).code).toBe("FORBIDDEN");
    // Roles that are never verifiers see nothing either, even if a row existed.
    const monitor = await makeUser("MONITOR", { planIds: [s.a.planId] });
    expect(await mayReconcile(monitor)).toBe(false);

    const has = (items: { href: string }[]) => items.some((n) => n.href === "/entry/reconcile");
    expect(has(navFor("CLERK"))).toBe(false);
    expect(has(navFor("CLERK", { verifier: true }))).toBe(true);
    expect(has(navFor("ADMIN"))).toBe(true);
    expect(has(navFor("MONITOR", { verifier: true }))).toBe(false);
  });
});
