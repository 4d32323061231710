import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { db } from "../../lib/db";
import { hashPassword } from "../../lib/auth/password";
import type { SessionUser } from "../../lib/auth/session";
import { createFormsForDraw } from "../../lib/forms/service";
import { formatFormCode } from "../../lib/forms/form-code";
import { lookupForEntry } from "../../lib/entry/lookup";
import { saveEntry } from "../../lib/entry/save";
import { BUILTIN_TEMPLATES } from "../../lib/sipas/templates";
import { makeFormsPlan, setFormStates } from "../fixtures/forms-plan";
import { PASSWORD, signInByKeyboard as signIn } from "./fixtures";

/**
 * Issue 5, designated verifier (docs/decisions/2026-11-23-designated-verifier.md): ADMIN
 * designates two clerks on a plan from the plan page; the verifier — not ADMIN — finds the
 * reconcile screen in the navigation and decides a difference with the keyboard; a verifier
 * who entered a form is told who else can decide it; a clerk not designated gets nothing.
 * Everything the spec needs is created here, in its own plan.
 */

const VERIFIER = { username: "xacminh.e2e", fullName: "Võ Thị Xác Minh" };
const FIRST = { username: "nhaplan1.e2e", fullName: "Đinh Văn Lần Một" };
const SECOND = { username: "nhaplan2.e2e", fullName: "Mai Thị Lần Hai" };

function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return db().$queryRawUnsafe<T[]>(sql, ...params);
}

const Q = BUILTIN_TEMPLATES.classic;
function cells(overrides: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of Q.items) {
    out[item.code] = item.kind === "satisfaction" ? "4" : item.kind === "expectation" ? "1;3" : item.kind === "text" ? "" : (item.options[0]?.code ?? "");
  }
  return { ...out, ...overrides };
}

let planId = 0;
let forms: { id: number; code: string }[] = [];

async function clerk(u: { username: string; fullName: string }, unitId: number): Promise<SessionUser> {
  const row = await db().user.upsert({
    where: { username: u.username },
    create: { username: u.username, fullName: u.fullName, role: "CLERK", passwordHash: await hashPassword(PASSWORD), units: { create: [{ unitId }] } },
    update: {},
  });
  return { id: row.id, username: row.username, fullName: row.fullName, role: "CLERK", unitIds: [unitId], planIds: [] };
}

test.beforeAll(async () => {
  const p = await makeFormsPlan({ units: 2, main: 3, reserve: 0, state: "ENTRY", doubleEntryShare: 0, title: `Kế hoạch kiểm thử người xác minh (${Date.now().toString(36)})` });
  planId = p.planId;
  await db().$transaction((tx) => createFormsForDraw(tx, p.drawId, { id: null, name: "e2e" }));
  const [unit1, unit2] = p.unitIds as [number, number];
  forms = (await db().form.findMany({ where: { planId, unitId: unit1 }, orderBy: { sequence: "asc" }, take: 2, select: { id: true, code: true } }));
  await setFormStates({ planId, codes: forms.map((f) => f.code) }, "RETURNED");
  await db().form.updateMany({ where: { id: { in: forms.map((f) => f.id) } }, data: { doubleEntry: true } });
  const first = await clerk(FIRST, unit1);
  const second = await clerk(SECOND, unit1);
  // The verifier is a clerk of the plan's other unit: the designation gives them the whole plan.
  await clerk(VERIFIER, unit2);
  // Both forms are entered twice (the entry screens are covered by entry.spec.ts), TC2.1 differing: 5 then 4.
  for (const f of forms) {
    const a = await lookupForEntry(f.code, first, false);
    await saveEntry({ intent: "first", key: randomUUID(), code: f.code, version: a.version, cells: cells({ "TC2.1": "5" }) }, first, { id: first.id, name: first.username });
    const b = await lookupForEntry(f.code, second, false);
    await saveEntry({ intent: "second", key: randomUUID(), code: f.code, version: b.version, cells: cells({ "TC2.1": "4" }) }, second, { id: second.id, name: second.username });
  }
});

test("ADMIN designates verifiers on the plan page; a designated clerk reconciles a difference; the others are refused", async ({ browser }) => {
  test.setTimeout(120_000);
  const nav = (page: Page) => page.getByRole("navigation", { name: "Điều hướng" });

  // A clerk not yet designated has no reconcile entry and is turned away from the screen.
  const vctx = await browser.newContext();
  const verifier = await vctx.newPage();
  await signIn(verifier, VERIFIER.username, /\/entry$/);
  await expect(nav(verifier).getByRole("link", { name: "Đối chiếu nhập liệu" })).toHaveCount(0);
  await verifier.goto("/entry/reconcile");
  await expect(verifier).toHaveURL(/\/forbidden$/);

  // ADMIN designates the verifier and the first-entry clerk, from the plan page.
  const actx = await browser.newContext();
  const admin = await actx.newPage();
  await signIn(admin, "admin", /\/admin$/);
  await admin.goto(`/admin/plans/${planId}`);
  const section = admin.getByTestId("plan-verifiers");
  await expect(section).toContainText("Chưa chỉ định người xác minh nào");
  for (const u of [VERIFIER, FIRST]) {
    await section.getByLabel("Cán bộ nhập liệu").selectOption({ label: `${u.fullName} (${u.username})` });
    await section.getByRole("button", { name: "Chỉ định làm người xác minh" }).click();
    await expect(section.getByTestId(`verifier-${u.username}`)).toContainText("Đang có hiệu lực");
  }
  await admin.screenshot({ path: "tmp/f-plan-verifiers.png", fullPage: true });
  const audited = await query<{ n: bigint }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'plan.verifier.add' AND "planId" = $1`, [planId]);
  expect(audited[0]!.n).toBe(2n);
  await actx.close();

  // The verifier now finds the reconcile screen in the navigation and decides form 1 with the keyboard.
  await verifier.goto("/entry");
  await nav(verifier).getByRole("link", { name: "Đối chiếu nhập liệu" }).click();
  await expect(verifier).toHaveURL(/\/entry\/reconcile$/);
  const list = verifier.getByTestId("reconcile-list");
  const row = list.getByRole("row").filter({ hasText: formatFormCode(forms[0]!.code) });
  await expect(row).toHaveCount(1);
  await row.getByRole("link", { name: "Đối chiếu" }).click();
  await expect(verifier).toHaveURL(new RegExp(`/entry/reconcile/${forms[0]!.id}$`));
  const diff = verifier.getByTestId("diff-TC2.1");
  await expect(diff).toContainText("5 – Rất hài lòng");
  await expect(diff).toContainText("4 – Hài lòng");
  await diff.getByRole("radio", { name: /Theo lần hai/ }).focus();
  await verifier.keyboard.press("Space");
  await verifier.keyboard.press("Enter");
  await expect(verifier.getByRole("table")).toContainText("4 – Hài lòng", { timeout: 15_000 });
  await verifier.screenshot({ path: "tmp/f-verifier-reconciled.png", fullPage: true });
  const [decided] = await query<{ state: string; decidedBy: string }>(
    `SELECT f.state, u.username AS "decidedBy" FROM "Form" f JOIN "EntryDifference" d ON d."formId" = f.id JOIN "User" u ON u.id = d."decidedById" WHERE f.id = $1`,
    [forms[0]!.id],
  );
  expect(decided).toEqual({ state: "VERIFIED", decidedBy: VERIFIER.username });
  await vctx.close();

  // The first-entry clerk, also designated, may not decide a form they entered: told who can.
  const fctx = await browser.newContext();
  const firstClerk = await fctx.newPage();
  await signIn(firstClerk, FIRST.username, /\/entry$/);
  await firstClerk.goto("/entry/reconcile");
  await expect(firstClerk.getByTestId("reconcile-own-hidden")).toContainText("do chính bạn nhập");
  await firstClerk.goto(`/entry/reconcile/${forms[1]!.id}`);
  const refusal = firstClerk.getByTestId("reconcile-own-entry");
  await expect(refusal).toContainText("không được tự đối chiếu");
  await expect(refusal).toContainText(`quản trị viên (Sở Nội vụ) hoặc người xác minh khác của kế hoạch: ${VERIFIER.fullName}`);
  await expect(firstClerk.getByRole("button", { name: "Xác nhận đối chiếu" })).toHaveCount(0);
  await fctx.close();

  // The second-entry clerk, not designated, is refused.
  const sctx = await browser.newContext();
  const secondClerk = await sctx.newPage();
  await signIn(secondClerk, SECOND.username, /\/entry$/);
  await expect(nav(secondClerk).getByRole("link", { name: "Đối chiếu nhập liệu" })).toHaveCount(0);
  await secondClerk.goto(`/entry/reconcile/${forms[1]!.id}`);
  await expect(secondClerk).toHaveURL(/\/forbidden$/);
  await sctx.close();
  const [open] = await query<{ state: string }>(`SELECT state FROM "Form" WHERE id = $1`, [forms[1]!.id]);
  expect(open!.state).toBe("ENTERED");
});
