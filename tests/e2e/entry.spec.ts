import { expect, test, type Page } from "@playwright/test";
import { db } from "../../lib/db";
import { hashPassword } from "../../lib/auth/password";
import { createFormsForDraw } from "../../lib/forms/service";
import { formatFormCode } from "../../lib/forms/form-code";
import { BUILTIN_TEMPLATES } from "../../lib/sipas/templates";
import { makeFormsPlan, setFormStates } from "../fixtures/forms-plan";
import { PASSWORD, signInByKeyboard as signIn } from "./fixtures";

/**
 * Issue 5 end to end: a clerk enters three forms with the keyboard alone (no mouse event
 * after page.goto; keystrokes counted), a second clerk double-enters one with a difference,
 * ADMIN reconciles it, and a respondent answers a form online on a phone-sized screen.
 * Everything the spec needs is created here, in its own plan.
 */

const CLERK2 = "nhapphieu.e2e2";

/**
 * Queries on this run's database through DATABASE_URL (set by the global setup for the
 * workers), not through tmp/e2e-database-url, which another run on the machine may rewrite.
 */
function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return db().$queryRawUnsafe<T[]>(sql, ...params);
}
const Q = BUILTIN_TEMPLATES.classic;
const NON_TEXT = Q.items.filter((i) => i.kind !== "text").length;
let codes: string[] = [];
let formIds: number[] = [];
let onlineCode = "";
let planId = 0;
let fieldCodes: string[] = [];

test.beforeAll(async () => {
  const [clerk] = await query<{ id: number }>(`SELECT id FROM "User" WHERE username = 'nhapphieu.xa'`);
  const units = await db().userUnit.findMany({ where: { userId: clerk!.id }, orderBy: { unitId: "asc" }, take: 1 });
  const p = await makeFormsPlan({ unitIds: units.map((u) => u.unitId), main: 6, reserve: 1, state: "ENTRY", doubleEntryShare: 0, title: `Kế hoạch kiểm thử nhập phiếu bằng bàn phím (${Date.now().toString(36)})` });
  await db().$transaction((tx) => createFormsForDraw(tx, p.drawId, { id: null, name: "e2e" }));
  const forms = await db().form.findMany({ where: { planId: p.planId }, orderBy: { sequence: "asc" } });
  codes = forms.slice(0, 3).map((f) => f.code);
  formIds = forms.slice(0, 3).map((f) => f.id);
  onlineCode = forms[4]!.code;
  planId = p.planId;
  fieldCodes = [forms[3]!.code, forms[5]!.code];
  await setFormStates({ planId: p.planId, codes: [forms[3]!.code] }, "DISPATCHED");
  await setFormStates({ planId: p.planId, codes }, "RETURNED");
  await setFormStates({ planId: p.planId, codes: [onlineCode] }, "DISPATCHED");
  // The first form is one of those chosen for blind second entry.
  await db().form.update({ where: { id: formIds[0]! }, data: { doubleEntry: true } });
  await db().user.upsert({
    where: { username: CLERK2 },
    create: { username: CLERK2, fullName: "Lê Thị Kiểm Thử", role: "CLERK", passwordHash: await hashPassword(PASSWORD), units: { create: units.map((u) => ({ unitId: u.unitId })) } },
    update: {},
  });
  await db().user.upsert({
    where: { username: "giamsat.e2e" },
    create: { username: "giamsat.e2e", fullName: "Đoàn Văn Giám Sát", role: "MONITOR", passwordHash: await hashPassword(PASSWORD), plans: { create: [{ planId: p.planId }] } },
    update: { plans: { create: [{ planId: p.planId }] } },
  });
});

/** page.keyboard with a count of every key pressed. */
function counted(page: Page) {
  let n = 0;
  return {
    get count() {
      return n;
    },
    async type(text: string) {
      n += [...text].length;
      await page.keyboard.type(text);
    },
    async press(key: string) {
      n += 1;
      await page.keyboard.press(key);
    },
  };
}

/** One key per non-text item, in questionnaire order: 23 satisfaction, 3 assessments, MD1, 4 profile items. */
function keysFor(sat: string[], md1: string[], profile = ["1", "2", "1", "1", "2", "5", "4"]): string[] {
  const keys = [...sat, ...profile.slice(0, 3)];
  return [...keys, ...md1, ...profile.slice(3)];
}

const SAT_A = ["4", "4", "5", "4", "5", "5", "4", "4", "3", "5", "5", "4", "4", "5", "4", "4", "5", "4", "3", "4", "4", "2", "4"];
const SAT_B = ["5", "0", "*", "/", "5", "4", "4", "4", "4", "5", "5", "5", "4", "4", "4", "4", "4", "4", "4", "3", "3", "3", "4"];
const SAT_C = ["3", "3", "4", "4", "4", "4", "4", "4", "4", "4", "4", "4", "4", "4", "4", "5", "5", "5", "5", "5", "5", "5", "5"];

async function enterForm(page: Page, code: string, keys: string[], comment = "", shot?: string): Promise<number> {
  const kb = counted(page);
  const codeField = page.getByLabel("Mã phiếu");
  await expect(codeField).toBeFocused();
  await kb.type(code);
  await expect(page.getByTestId("entry-grid")).toBeFocused();
  for (const [i, k] of keys.entries()) {
    await kb.press(k === " " ? "Space" : k);
    if (shot && i === 24) await page.screenshot({ path: shot, fullPage: true });
  }
  await expect(page.getByTestId("answer-YK").locator("input")).toBeFocused();
  if (comment) await kb.type(comment);
  await kb.press("Enter");
  await expect(page.locator("#entry-msg")).toContainText(`Đã lưu phiếu ${formatFormCode(code)}`);
  await expect(codeField).toBeFocused();
  await expect(codeField).toHaveValue("");
  return kb.count;
}

test("a clerk enters three forms with the keyboard alone; a second clerk double-enters one; ADMIN reconciles", async ({ browser }) => {
  test.setTimeout(120_000);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, "nhapphieu.xa", /\/entry$/);
  await page.goto("/entry/forms");

  // Form 1: plain answers, nothing to choose in MD1 (0 = blank), no comment.
  const k1 = await enterForm(page, codes[0]!, keysFor(SAT_A, ["0"]));
  expect(k1).toBe(14 + NON_TEXT + 1);
  // Form 2: a blank (0), several boxes ticked (*), an unreadable answer (/).
  const k2 = await enterForm(page, codes[1]!, keysFor(SAT_B, ["0"]));
  expect(k2).toBe(14 + NON_TEXT + 1);
  // Form 3: two expectations chosen (1, 3, then Space) and a typed comment.
  const comment = "Cán bộ hướng dẫn tận tình";
  const k3 = await enterForm(page, codes[2]!, keysFor(SAT_C, ["1", "3", " "]), comment, "tmp/f-entry-grid.png");
  expect(k3).toBe(14 + NON_TEXT + 2 + 1 + comment.length);
  await page.screenshot({ path: "tmp/f-entry-after-three.png", fullPage: true });
  console.log(`keystrokes per form: ${k1}, ${k2}, ${k3 - comment.length} (+${comment.length} characters of comment); ${NON_TEXT} items to key`);

  const stored = await query<{ code: string; item: string; status: string; value: number | null; text: string | null }>(
    `SELECT f.code, i.code AS item, a.status, a.value, a.text FROM "Answer" a JOIN "Response" r ON r.id = a."responseId"
       JOIN "Form" f ON f.id = r."formId" JOIN "QItem" i ON i.id = a."itemId" WHERE f.code = ANY($1) AND r.round = 1`,
    [codes],
  );
  const cell = (c: string, item: string) => stored.find((s) => s.code === c && s.item === item);
  expect(stored).toHaveLength(3 * Q.items.length);
  expect(cell(codes[0]!, "TC1.3")).toMatchObject({ status: "VALID", value: 5 });
  expect(cell(codes[1]!, "TC1.2")).toMatchObject({ status: "BLANK" });
  expect(cell(codes[1]!, "TC1.3")).toMatchObject({ status: "MULTIPLE" });
  expect(cell(codes[1]!, "TC1.4")).toMatchObject({ status: "UNREADABLE" });
  expect(cell(codes[2]!, "MD1")).toMatchObject({ status: "VALID", text: "1;3" });
  expect(cell(codes[2]!, "YK")).toMatchObject({ status: "VALID", text: comment });

  // Typing an entered form's code again is refused, with the offer to open it.
  await page.keyboard.type(codes[0]!);
  await expect(page.locator("#entry-msg")).toContainText("đã được nhập");

  // The second clerk enters form 1 again, blind, with one answer different (TC2.1: 4 instead of 5).
  const ctx2 = await browser.newContext();
  const page2 = await ctx2.newPage();
  await signIn(page2, CLERK2, /\/entry$/);
  await page2.goto("/entry/forms");
  await expect(page2.getByLabel("Mã phiếu")).toBeFocused();
  await page2.keyboard.type(codes[0]!);
  await expect(page2.getByTestId("entry-grid")).toContainText("Nhập lần hai");
  const second = [...SAT_A];
  second[4] = "4";
  for (const k of keysFor(second, ["0"])) await page2.keyboard.press(k);
  await page2.keyboard.press("Enter");
  await expect(page2.locator("#entry-msg")).toContainText("có 1 câu khác với lần một");
  await ctx2.close();

  // ADMIN decides: the paper says 4 (the second entry); the form becomes VERIFIED.
  const ctx3 = await browser.newContext();
  const admin = await ctx3.newPage();
  await signIn(admin, "admin", /\/admin$/);
  await admin.goto(`/entry/reconcile/${formIds[0]}`);
  const diff = admin.getByTestId("diff-TC2.1");
  await expect(diff).toContainText("4 – Hài lòng");
  await expect(diff).toContainText("5 – Rất hài lòng");
  await admin.screenshot({ path: "tmp/f-reconcile.png", fullPage: true });
  await diff.getByRole("radio", { name: /Theo lần hai/ }).focus();
  await admin.keyboard.press("Space");
  await admin.keyboard.press("Enter");
  await expect(admin.getByRole("table")).toContainText("4 – Hài lòng", { timeout: 15_000 });
  const [form] = await query<{ state: string }>(`SELECT state FROM "Form" WHERE id = $1`, [formIds[0]]);
  expect(form!.state).toBe("VERIFIED");
  const [tc21] = await query<{ value: number }>(
    `SELECT a.value FROM "Answer" a JOIN "Response" r ON r.id = a."responseId" JOIN "QItem" i ON i.id = a."itemId" WHERE r."formId" = $1 AND r.round = 1 AND i.code = 'TC2.1'`,
    [formIds[0]],
  );
  expect(tc21!.value).toBe(4);
  await admin.goto("/entry/reconcile");
  await expect(admin.getByTestId("clerk-rates")).toContainText("Lê Thị Kiểm Thử");
  await ctx3.close();
  await ctx.close();
});

test("a respondent answers their form online on a phone, without signing in", async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await ctx.newPage();
  await page.goto("/tra-loi");
  await page.getByLabel("Mã phiếu").focus();
  await page.keyboard.type(formatFormCode(onlineCode));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/tra-loi/${onlineCode}$`));
  await page.waitForLoadState("networkidle");
  await expect(page.getByText("Cơ quan, đơn vị được đánh giá")).toBeVisible();
  // No personal data: the frame's names and addresses never reach the page.
  await expect(page.locator("body")).not.toContainText("Nguyễn Văn Thử");
  await expect(page.locator("body")).not.toContainText("Hùng Vương");
  await page.screenshot({ path: "tmp/f-online-phone-top.png" });
  for (const item of Q.items) {
    if (item.kind === "text" || item.kind === "expectation") continue;
    const value = item.kind === "satisfaction" ? (item.code.startsWith("TC5") ? "3" : "5") : item.options[0]!.code;
    await page.locator(`input[name="${item.code}"][value="${value}"]`).focus();
    await page.keyboard.press("Space");
  }
  await page.getByRole("checkbox", { name: /Mở rộng dịch vụ công trực tuyến/ }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Gửi phiếu trả lời" }).focus();
  await page.screenshot({ path: "tmp/f-online-phone-bottom.png" });
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("online-done")).toContainText("Đã nhận phiếu trả lời");
  const [form] = await query<{ state: string; mode: string; n: bigint }>(
    `SELECT f.state, f.mode, (SELECT count(*) FROM "Response" r WHERE r."formId" = f.id) AS n FROM "Form" f WHERE f.code = $1`,
    [onlineCode],
  );
  expect(form).toMatchObject({ state: "ENTERED", mode: "ONLINE", n: 1n });
  // Opening it again says it has been answered; nothing can be sent twice.
  await page.goto(`/tra-loi/${onlineCode}`);
  await expect(page.locator('[role="alert"]:not(#__next-route-announcer__)')).toContainText("đã được trả lời");
  await ctx.close();
});

test("ADMIN follows the fieldwork by scanning codes; a monitor sees the chain of custody without personal data", async ({ browser }) => {
  const ctx = await browser.newContext();
  const admin = await ctx.newPage();
  await signIn(admin, "admin", /\/admin$/);
  await admin.goto(`/admin/plans/${planId}/forms/fieldwork`);
  await admin.waitForLoadState("networkidle");
  const scan = admin.getByTestId("scan-panel");
  await expect(scan.getByLabel("Chuyển phiếu sang")).toHaveValue("RETURNED");
  await scan.getByLabel(/Mã phiếu/).focus();
  await admin.keyboard.type(fieldCodes[0]!);
  await expect(scan.locator("li.moved")).toContainText(`${formatFormCode(fieldCodes[0]!)}: đã chuyển sang “Đã thu về”`);
  // A form still in the office cannot come back from the post office.
  await admin.keyboard.type(fieldCodes[1]!);
  await expect(scan.locator("li.error")).toContainText("Không thể chuyển phiếu từ trạng thái “Đã tạo” sang “Đã thu về”");
  await admin.screenshot({ path: "tmp/f-fieldwork.png", fullPage: true });
  await admin.goto(`/admin/plans/${planId}/forms`);
  const total = admin.getByTestId("progress-total");
  await expect(total).toContainText("Phiếu mẫu");
  await expect(admin.getByTestId("progress-units")).toContainText("UBND");
  await admin.screenshot({ path: "tmp/f-progress.png", fullPage: true });
  await ctx.close();

  const mctx = await browser.newContext();
  const monitor = await mctx.newPage();
  await signIn(monitor, "giamsat.e2e", /\/monitor$/);
  await monitor.goto(`/monitor/plans/${planId}/forms/list`);
  const list = monitor.getByTestId("forms-list");
  await expect(list).toContainText(formatFormCode(fieldCodes[0]!));
  await expect(list).toContainText("Đã thu về");
  await expect(monitor.locator("body")).not.toContainText("Nguyễn Văn Thử");
  await expect(monitor.getByRole("link", { name: /In phiếu, giao nhận/ })).toHaveCount(0);
  await monitor.screenshot({ path: "tmp/f-monitor-list.png", fullPage: true });
  // The fieldwork page is ADMIN's: a monitor is turned away.
  await monitor.goto(`/admin/plans/${planId}/forms/fieldwork`);
  await expect(monitor).toHaveURL(/\/forbidden/);
  await mctx.close();
});
