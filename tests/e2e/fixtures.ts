import pg from "pg";
import { expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { db } from "../../lib/db";
import { hashPassword } from "../../lib/auth/password";

export const PASSWORD = "Sipas@2026";
export const ACCOUNTS = {
  ADMIN: { username: "admin", home: "/admin", heading: "Xin chào, Nguyễn Thị Thu Hà" },
  CLERK: { username: "nhapphieu.xa", home: "/entry", heading: "Xin chào, Trần Văn Nam" },
  MONITOR: { username: "giamsat.mttq", home: "/monitor", heading: "Xin chào, Phạm Văn Đức" },
  LEADER: { username: "lanhdao", home: "/dashboard", heading: "Xin chào, Hoàng Minh Tuấn" },
} as const;

/** Accounts the e2e tests may lock or change without disturbing the demo accounts. */
export async function seedE2eExtras(): Promise<void> {
  const passwordHash = await hashPassword(PASSWORD);
  for (const username of ["khoa.thu", "tam.thoi"]) {
    await db().user.create({ data: { username, fullName: `Tài khoản thử ${username}`, role: "LEADER", passwordHash } });
  }
}

/** Read-only queries against the e2e database, for assertions. */
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: readFileSync("tmp/e2e-database-url", "utf8") });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

/** Signs in with the keyboard alone (no mouse event), as the entry journeys require. */
export async function signInByKeyboard(page: Page, username: string, home: RegExp): Promise<void> {
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("Tên đăng nhập")).toBeFocused();
  await page.keyboard.type(username);
  await page.keyboard.press("Tab");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(home);
}
