import { expect, test } from "@playwright/test";
import { PASSWORD } from "./fixtures";

/**
 * Issue 3, questionnaires: ADMIN copies the built-in classic form into a new template,
 * edits the draft (a duplicate code is refused at the field, nothing typed is lost), adds a
 * question, publishes it; the published version can no longer be edited.
 */
test("copy a built-in form, edit the draft, publish it", async ({ page }) => {
  const code = `phieu-e2e-${Date.now().toString(36)}`;
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/admin$/);

  await page.goto("/admin/questionnaires");
  await page.getByTestId("template-classic-2640").getByRole("link", { name: "Xem" }).first().click();
  await expect(page.getByTestId("questionnaire-preview")).toContainText("TC1.1");
  const copy = page.getByTestId("copy-template");
  await copy.getByLabel("Mã mẫu phiếu mới").fill(code);
  await copy.getByLabel("Tên mẫu phiếu mới").fill("Phiếu khảo sát cấp xã (thử nghiệm)");
  await copy.getByRole("button", { name: "Sao chép" }).click();
  await expect(page).toHaveURL(/\/admin\/questionnaires\/\d+\/edit$/);

  // A duplicate code is refused beside the field; the rest of what was typed stays.
  const first = page.getByTestId("item-0");
  await first.getByLabel("Mã", { exact: true }).fill("TC1.2");
  await first.getByLabel("Nội dung câu hỏi").fill("Nơi ngồi chờ rộng rãi, đủ chỗ ngồi, thoáng mát");
  await page.getByTestId("save-draft").click();
  await expect(page.getByTestId("item-1")).toContainText("Mã câu “TC1.2” đã dùng ở câu thứ 1");
  await expect(page.getByRole("alert").filter({ hasText: "Mẫu phiếu chưa hợp lệ" })).toBeVisible();
  await expect(first.getByLabel("Nội dung câu hỏi")).toHaveValue("Nơi ngồi chờ rộng rãi, đủ chỗ ngồi, thoáng mát");

  await first.getByLabel("Mã", { exact: true }).fill("TC1.1");
  await page.getByLabel("Loại câu hỏi").last().selectOption("assessment");
  await page.getByRole("button", { name: "Thêm câu hỏi" }).click();
  await page.getByTestId("save-draft").click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu bản nháp." })).toBeVisible();
  await page.screenshot({ path: "tmp/e-e2e-editor.png", fullPage: false });

  await page.getByRole("button", { name: "Ban hành phiên bản này" }).click();
  await page.getByRole("button", { name: "Xác nhận ban hành" }).click();
  await expect(page).toHaveURL(/\/admin\/questionnaires\/\d+$/);
  await expect(page.getByText("Đã ban hành").first()).toBeVisible();
  await expect(page.getByTestId("questionnaire-preview")).toContainText("Nơi ngồi chờ rộng rãi, đủ chỗ ngồi, thoáng mát");
  await expect(page.getByTestId("questionnaire-preview")).toContainText("NĐ4");
  await expect(page.getByRole("link", { name: "Sửa bản nháp" })).toHaveCount(0);
  // The editor of a published version is not offered: it shows the version instead.
  await page.goto(`${page.url()}/edit`);
  await expect(page).toHaveURL(/\/admin\/questionnaires\/\d+$/);
  await expect(page.getByTestId("new-draft")).toBeVisible();
});
