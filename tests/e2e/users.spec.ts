import { expect, test } from "@playwright/test";
import { PASSWORD } from "./fixtures";

test("ADMIN creates a user, who signs in; deactivation ends their session at once", async ({ browser }) => {
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await admin.goto("/login");
  await admin.getByLabel("Tên đăng nhập").fill("admin");
  await admin.getByLabel("Mật khẩu").fill(PASSWORD);
  await admin.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(admin).toHaveURL(/\/admin$/);

  await admin.goto("/admin/users");
  await admin.getByText("Tạo người dùng").first().click();
  const form = admin.getByTestId("create-user");
  await form.getByLabel("Tên đăng nhập").fill("ld.moi");
  await form.getByLabel("Họ và tên").fill("Đặng Thị Lan");
  await form.getByLabel("Mật khẩu").fill("mat-khau-moi-2026");
  await form.getByLabel("Vai trò").selectOption("LEADER");
  await form.getByRole("button", { name: "Tạo người dùng" }).click();
  await expect(form.getByRole("status")).toContainText("Đã tạo người dùng ld.moi");

  const userCtx = await browser.newContext();
  const user = await userCtx.newPage();
  await user.goto("/login");
  await user.getByLabel("Tên đăng nhập").fill("ld.moi");
  await user.getByLabel("Mật khẩu").fill("mat-khau-moi-2026");
  await user.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(user).toHaveURL(/\/dashboard$/);

  await admin.reload();
  const row = admin.getByTestId("user-ld.moi");
  await row.getByText("Sửa").click();
  await row.getByRole("button", { name: "Vô hiệu hóa" }).click();
  await expect(row.getByRole("status")).toContainText("Đã vô hiệu hóa");

  await user.reload();
  await expect(user).toHaveURL(/\/login/);
  await adminCtx.close();
  await userCtx.close();
});

test("invalid input is reported next to the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/users");
  await page.getByText("Tạo người dùng").first().click();
  const form = page.getByTestId("create-user");
  await form.getByLabel("Tên đăng nhập").fill("A B");
  await form.getByLabel("Họ và tên").fill("Người Thử");
  await form.getByLabel("Mật khẩu").fill("ngan");
  await form.getByRole("button", { name: "Tạo người dùng" }).click();
  await expect(form.locator(".alert.error")).toContainText("Dữ liệu chưa hợp lệ");
  await expect(form.getByText("Mật khẩu tối thiểu 10 ký tự.")).toBeVisible();
  await expect(form.getByText(/Tên đăng nhập 3–32 ký tự/)).toBeVisible();
});
