import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, PASSWORD, query } from "./fixtures";

// Next's route announcer is also role="alert": look at our own alerts only.
const alert = (page: Page) => page.locator('[role="alert"]:not(#__next-route-announcer__)');

async function signIn(page: Page, username: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

for (const [role, account] of Object.entries(ACCOUNTS)) {
  test(`${role} signs in and reaches their home`, async ({ page }) => {
    await signIn(page, account.username);
    await expect(page).toHaveURL(new RegExp(`${account.home}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(account.heading);
    await expect(page.getByRole("navigation", { name: "Điều hướng" })).toBeVisible();
    // The button works once React has hydrated the page: retry the click until it does.
    await expect(async () => {
      await page.getByRole("button", { name: "Đăng xuất" }).click();
      await expect(page).toHaveURL(/\/login/, { timeout: 2000 });
    }).toPass({ timeout: 20_000 });
  });
}

test("a wrong password is refused with a Vietnamese message", async ({ page }) => {
  await signIn(page, "admin", "khong-dung");
  await expect(alert(page)).toContainText("Sai tên đăng nhập hoặc mật khẩu");
  await expect(page).toHaveURL(/\/login/);
});

test("repeated failures lock the account and say when to try again", async ({ page }) => {
  for (let i = 0; i < 4; i++) {
    await signIn(page, "khoa.thu", `sai-${i}`);
    await expect(alert(page)).toContainText("Sai tên đăng nhập hoặc mật khẩu");
  }
  await signIn(page, "khoa.thu", "sai-cuoi");
  await expect(alert(page)).toContainText(/tạm khóa .*thử lại sau \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
  // The right password does not open a locked account.
  await signIn(page, "khoa.thu");
  await expect(alert(page)).toContainText("tạm khóa");
});

test("pages of another role are refused and the refusal is audited", async ({ page }) => {
  await signIn(page, ACCOUNTS.CLERK.username);
  await expect(page).toHaveURL(/\/entry$/);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/forbidden$/);
  await expect(alert(page)).toContainText("Trang này dành cho vai trò khác");
  const rows = await query(`SELECT 1 FROM "AuditEvent" WHERE outcome = 'DENIED' AND "entityId" = '/admin' AND "actorName" = $1`, [ACCOUNTS.CLERK.username]);
  expect(rows.length).toBeGreaterThan(0);
});

test("a CLERK posting directly to an ADMIN server action is refused and audited", async ({ page }) => {
  await signIn(page, ACCOUNTS.CLERK.username);
  await expect(page).toHaveURL(/\/entry$/);
  // Find the action's id as the browser would send it, from the build's manifest.
  const manifest = JSON.parse(readFileSync(`${process.env.SIPAS_DIST_DIR ?? ".next"}/server/server-reference-manifest.json`, "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const actionId = Object.entries(manifest.node).find(([, v]) => v.exportedName === "createUserAction")?.[0];
  expect(actionId, "createUserAction in the server reference manifest").toBeTruthy();
  const res = await page.request.post("/admin/users", {
    headers: { "Next-Action": actionId!, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([{ username: "ke.gian", fullName: "Kẻ gian", role: "ADMIN", password: "mat-khau-ke-gian", unitIds: [], planIds: [] }]),
  });
  const body = await res.text();
  expect(body).not.toContain('"ok":true');
  expect(await query(`SELECT 1 FROM "User" WHERE username = 'ke.gian'`)).toHaveLength(0);
  const denied = await query(`SELECT 1 FROM "AuditEvent" WHERE outcome = 'DENIED' AND "entityId" = 'action:users.create' AND "actorName" = $1`, [ACCOUNTS.CLERK.username]);
  expect(denied.length).toBe(1);
});
