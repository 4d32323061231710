import { expect, test, type Page } from "@playwright/test";
import { PASSWORD } from "./fixtures";

/**
 * Plans and the unit registry, as Sở Nội vụ staff use them. Uses its own plan title and
 * communes X058/X059 (closed only from 2027, so nobody else's data changes meaning).
 */

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

const TITLE = "Khảo sát thử nghiệm cấp xã năm 2027";

test("ADMIN creates a plan with a whole level picked and sees its next milestone", async ({ page }) => {
  await signIn(page);
  await page.goto("/admin/plans");
  await page.getByRole("link", { name: "Tạo kế hoạch" }).click();
  await expect(page.getByRole("heading", { name: "Tạo kế hoạch khảo sát mới" })).toBeVisible();
  const form = page.getByTestId("plan-form");
  await form.getByLabel("Năm khảo sát").fill("2027");
  await form.getByLabel("Tên kế hoạch").fill(TITLE);
  await form.getByLabel("Số hiệu văn bản").fill("45/KH-UBND");
  await form.getByLabel("Ngày ban hành").fill("2027-02-15");
  await form.getByLabel("Từ ngày").fill("2027-01-01");
  await form.getByLabel("Đến ngày").fill("2027-08-31");
  await form.getByLabel("Chọn cả Cấp xã").check();
  await expect(form.getByTestId("unit-count")).toHaveText("Đã chọn 60 / 77 đơn vị có hiệu lực trong thời gian giao dịch và có cung cấp dịch vụ công.");
  await form.getByLabel("Áp dụng cho").first().selectOption("level:XA");
  await form.getByLabel("Cách tính").first().selectOption("quota");
  await form.getByLabel("Số phiếu", { exact: true }).first().fill("150");
  // A sampling day inside the window is refused, and nothing typed is lost.
  await form.getByLabel("Hạn nộp danh sách").fill("2027-09-10");
  await form.getByLabel("Ngày chọn mẫu").fill("2027-08-20");
  await form.getByRole("button", { name: "Tạo kế hoạch" }).click();
  await expect(form.getByRole("alert")).toContainText("Ngày chọn mẫu phải sau ngày cuối của thời gian giao dịch (31/08/2027)");
  await expect(form.getByLabel("Tên kế hoạch")).toHaveValue(TITLE);
  await expect(form.getByTestId("unit-count")).toContainText("Đã chọn 60 / 77");
  await form.getByLabel("Ngày chọn mẫu").fill("2027-09-17");
  await page.screenshot({ path: "tmp/d1-e2e-plan-form.png", fullPage: true });
  await form.getByRole("button", { name: "Tạo kế hoạch" }).click();

  await expect(page).toHaveURL(/\/admin\/plans\/\d+$/);
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(page.getByTestId("plan-state")).toHaveText("Dự thảo");
  await expect(page.getByTestId("next-due")).toContainText("Hạn nộp danh sách: 10/09/2027");
  await expect(page.getByTestId("count-units")).toHaveText("60");
  await expect(page.getByText("Cấp: Cấp xã: 150 phiếu mỗi đơn vị")).toBeVisible();
  await page.screenshot({ path: "tmp/d1-e2e-plan-page.png", fullPage: true });

  // Approve, with confirmation; the stepper moves on.
  const approve = page.getByTestId("transition-APPROVED");
  await approve.getByRole("button", { name: "Phê duyệt kế hoạch" }).click();
  await approve.getByRole("button", { name: "Xác nhận" }).click();
  await expect(page.getByTestId("plan-state")).toHaveText("Đã phê duyệt");
  await page.goto("/admin/plans");
  await expect(page.getByRole("row", { name: new RegExp(TITLE) })).toContainText("Hạn nộp danh sách: 10/09/2027");
});

test("a second editor with a stale page is told and keeps what they typed", async ({ browser }) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await signIn(a);
  await signIn(b);
  await a.goto("/admin/plans");
  await a.getByRole("link", { name: TITLE }).click();
  await expect(a).toHaveURL(/\/admin\/plans\/\d+$/);
  const editUrl = `${a.url()}/edit`;
  await a.goto(editUrl);
  await b.goto(editUrl);
  await a.getByLabel("Kinh phí (đồng)").fill("350000000");
  await a.getByRole("button", { name: "Lưu kế hoạch" }).click();
  await expect(a.getByRole("status")).toContainText("Đã lưu (phiên bản");

  await b.getByLabel("Số hiệu văn bản").fill("46/KH-UBND");
  await b.getByRole("button", { name: "Lưu kế hoạch" }).click();
  const conflict = b.getByTestId("plan-conflict");
  await expect(conflict).toContainText("vừa được người khác lưu");
  await expect(conflict.getByRole("row", { name: /Kinh phí/ })).toContainText("350000000");
  await expect(b.getByLabel("Số hiệu văn bản")).toHaveValue("46/KH-UBND");
  await conflict.getByRole("button", { name: "Lưu đè bằng nội dung của tôi" }).click();
  await expect(b.getByRole("status")).toContainText("Đã lưu (phiên bản");
});

test("ADMIN merges two communes into a new one; history shows the chain", async ({ page }) => {
  await signIn(page);
  await page.goto("/admin/units");
  await expect(page.getByTestId("unit-X058")).toBeVisible();
  await page.getByRole("link", { name: "Sáp nhập đơn vị" }).click();
  const form = page.getByTestId("merge-units");
  await form.getByLabel("Lọc danh sách").fill("X058");
  await form.getByRole("checkbox", { name: /X058/ }).check();
  await form.getByLabel("Lọc danh sách").fill("ca dinh"); // no accents: finds "Ca Đình"
  await form.getByRole("checkbox", { name: /Ca Đình/ }).check();
  await expect(form.getByText("Đã chọn 2 đơn vị")).toBeVisible();
  await form.getByRole("checkbox", { name: /Ca Đình/ }).uncheck();
  await form.getByLabel("Lọc danh sách").fill("X059");
  await form.getByRole("checkbox", { name: /X059/ }).check();
  await expect(form.getByText("Đã chọn 2 đơn vị")).toBeVisible();
  await form.getByLabel("Ngày hiệu lực của việc sắp xếp").fill("2027-01-01");
  await form.getByLabel("Căn cứ (số, ngày văn bản)").fill("Nghị quyết số 12/NQ-HĐND ngày 05/12/2026 của HĐND tỉnh");
  await form.getByLabel("Mã đơn vị").fill("x161");
  await form.getByLabel("Tên đơn vị").fill("UBND phường Hùng Long Ngọc Quan");
  await expect(form.getByLabel("Cấp", { exact: true })).toHaveValue(/\d+/);
  await page.screenshot({ path: "tmp/d1-e2e-merge.png", fullPage: true });
  await form.getByRole("button", { name: "Sáp nhập" }).click();
  await form.getByRole("button", { name: "Xác nhận" }).click();
  await expect(form.getByRole("status")).toContainText("Đã sáp nhập 2 đơn vị vào X161.");

  await form.getByRole("link", { name: /Xem đơn vị kế thừa/ }).click();
  await expect(page.getByRole("heading", { name: /X161 — UBND phường Hùng Long Ngọc Quan/ })).toBeVisible();
  const events = page.getByTestId("lineage-event");
  await expect(events.last()).toContainText("01/01/2027 · Sáp nhập · Nghị quyết số 12/NQ-HĐND");
  await expect(events.last()).toContainText("X058");
  await expect(events.last()).toContainText("X059");
  await expect(events.first()).toContainText("01/07/2025");
  await page.screenshot({ path: "tmp/d1-e2e-unit-history.png", fullPage: true });

  // Closed from 01/01/2027: still listed today, gone from the registry as of that day.
  await page.goto("/admin/units?on=2027-01-15&q=X058");
  await expect(page.getByTestId("unit-count")).toContainText("0 đơn vị");
  await page.goto("/admin/units?all=1&q=X058");
  await expect(page.getByTestId("unit-X058")).toContainText("31/12/2026");
});
