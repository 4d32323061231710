import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import pg from "pg";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { PASSWORD } from "./fixtures";

/**
 * The sampling session end to end: an ADMIN uploads a frame with errors, reads them by row
 * and column, fixes the file, previews the allocation, draws with a typed seed and locks;
 * a MONITOR re-runs the draw ("Khớp") and never sees a name or a phone in full.
 * The spec makes its own plan (FRAME state, three demo units) so it depends on no other spec.
 */

const UNITS = ["STP", "SXD", "X001"];
const SEED = "XSKT Phú Sơn 17/11/2025: 359214";
let planId = 0;

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: readFileSync("tmp/e2e-database-url", "utf8") });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}

/** A plan in the FRAME state over three demo units, monitored by giamsat.mttq. */
async function makePlan(title: string): Promise<number> {
  const [base] = await sql<{ questionnaireVersionId: number; settings: unknown }>(`SELECT "questionnaireVersionId", settings FROM "Plan" WHERE year = 2025 ORDER BY id LIMIT 1`);
  const [plan] = await sql<{ id: number }>(
    `INSERT INTO "Plan" (year, title, "legalNumber", "legalDate", "windowStart", "windowEnd", state, "questionnaireVersionId", modes, settings, "updatedAt")
     VALUES (2026, $1, '12/KH-UBND', '2026-01-10', '2026-01-01', '2026-06-30', 'FRAME', $2, '{POST}', $3, now()) RETURNING id`,
    [`${title} ${Date.now()}`, base!.questionnaireVersionId, JSON.stringify(base!.settings)],
  );
  await sql(`INSERT INTO "PlanUnit" ("planId", "unitId") SELECT $1, id FROM "Unit" WHERE code = ANY($2)`, [plan!.id, UNITS]);
  await sql(`INSERT INTO "UserPlan" ("userId", "planId") SELECT id, $1 FROM "User" WHERE username = 'giamsat.mttq'`, [plan!.id]);
  return plan!.id;
}

const plans: number[] = [];
test.beforeAll(async () => {
  planId = await makePlan("Khảo sát thử chọn mẫu");
  plans.push(planId);
});

test.afterAll(async () => {
  // The monitor account is shared by every spec: take back the plan this spec gave it.
  await sql(`DELETE FROM "UserPlan" WHERE "planId" = ANY($1)`, [plans]);
});

async function signIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

const HEADER = "Mã đơn vị,Mã hồ sơ,Họ tên / Tên tổ chức,Loại,Địa chỉ,Số điện thoại,Mã lĩnh vực,Thủ tục,Ngày trả kết quả";

/** 150 dossiers per unit; `broken` plants three mistakes. */
function frame(broken: boolean): Buffer {
  const lines = [HEADER];
  let n = 0;
  for (const unit of UNITS) {
    for (let i = 1; i <= 150; i++) {
      n++;
      const date = broken && n === 5 ? "31/02/2026" : `${String(1 + (n % 28)).padStart(2, "0")}/0${1 + (n % 6)}/2026`;
      const phone = broken && n === 9 ? "912345678" : `09${String(12_000_000 + n).padStart(8, "0")}`;
      const code = broken && n === 200 ? "KHONGCO" : unit;
      lines.push(`${code},${unit}-2026-${String(i).padStart(4, "0")},Phạm Thị Hồng Nhung ${n},Cá nhân,"Số ${n} đường Hùng Vương, phường Nam Sơn",${phone},HO_TICH,Đăng ký khai sinh,${date}`);
    }
  }
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
}

test("ADMIN uploads, fixes, previews, draws and locks; a MONITOR verifies with personal data masked", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signIn(browser, "admin");
  await admin.goto(`/admin/plans/${planId}/frames`);
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("Khảo sát thử chọn mẫu");

  await admin.getByLabel("Tệp danh sách (.xlsx hoặc .csv)").setInputFiles({ name: "danh-sach-loi.csv", mimeType: "text/csv", buffer: frame(true) });
  await admin.getByRole("button", { name: "Tải lên danh sách" }).click();
  const upload = admin.getByTestId("frame-upload");
  await expect(upload.getByRole("alert").first()).toContainText("Tệp có 3 lỗi nên chưa ghi dòng nào");
  const problems = upload.getByTestId("frame-problems");
  await expect(problems.locator("tbody tr")).toHaveCount(3);
  await expect(problems.locator("tbody tr").nth(0)).toContainText("6Ngày trả kết quả31/02/2026Ngày không hợp lệ");
  await expect(problems.locator("tbody tr").nth(1)).toContainText("Số điện thoại thiếu số 0 ở đầu");
  await expect(problems.locator("tbody tr").nth(2)).toContainText("201Mã đơn vịKHONGCOMã đơn vị không thuộc kế hoạch");
  await expect(upload.getByRole("link", { name: "Tải danh sách lỗi (Excel)" })).toBeVisible();
  await admin.screenshot({ path: "tmp/d2-frames-errors.png", fullPage: true });
  await expect(admin.getByTestId("frame-summary")).toContainText("STP");
  expect(await sql(`SELECT 1 FROM "FrameRecord" WHERE "planId" = $1`, [planId])).toHaveLength(0);

  await admin.getByLabel("Tệp danh sách (.xlsx hoặc .csv)").setInputFiles({ name: "danh-sach.csv", mimeType: "text/csv", buffer: frame(false) });
  await admin.getByRole("button", { name: "Tải lên danh sách" }).click();
  await expect(upload.getByRole("status").last()).toContainText("Đã ghi 450 hồ sơ của 3 đơn vị.");
  await expect(admin.getByTestId("frame-unit-STP")).toContainText("150");
  await admin.screenshot({ path: "tmp/d2-frames-ok.png", fullPage: true });

  await admin.goto(`/admin/plans/${planId}/sampling`);
  const allocation = admin.getByTestId("allocation");
  await expect(allocation.getByTestId("stratum-STP")).toContainText("110");
  await expect(allocation.getByTestId("stratum-X001")).toContainText("Chỉ tiêu 50 phiếu");
  await expect(admin.getByTestId("total-n")).toHaveText("270");
  await admin.getByLabel("Hạt giống (seed)").fill(SEED);
  await admin.getByRole("button", { name: "Chọn mẫu" }).click();
  await expect(admin.getByTestId("draw-seed")).toHaveText(SEED);
  await expect(admin.getByTestId("draw-status")).toHaveText("Nháp (chưa khóa)");
  await admin.screenshot({ path: "tmp/d2-sampling-draft.png", fullPage: true });
  admin.once("dialog", (d) => void d.accept());
  await admin.getByRole("button", { name: "Khóa kết quả chọn mẫu" }).click();
  await expect(admin.getByTestId("draw-status")).toHaveText("Đã khóa");
  await expect(admin.getByTestId("plan-state")).toHaveText("Đã chọn mẫu");
  // ADMIN sees the people in full.
  await expect(admin.getByTestId("selection-name").first()).toContainText(/^Phạm Thị Hồng Nhung \d+$/);
  await admin.screenshot({ path: "tmp/d2-sampling-locked.png", fullPage: true });
  const [stored] = await sql<{ seed: string; status: string; n: string }>(
    `SELECT d.seed, d.status, (SELECT count(*) FROM "Selection" s WHERE s."drawId" = d.id AND s.role = 'MAIN')::text AS n FROM "SampleDraw" d WHERE d."planId" = $1`,
    [planId],
  );
  expect(stored).toEqual({ seed: SEED, status: "LOCKED", n: "270" });

  const monitor = await signIn(browser, "giamsat.mttq");
  await monitor.goto(`/monitor/plans/${planId}/sampling`);
  await expect(monitor.getByTestId("draw-seed")).toHaveText(SEED);
  await monitor.getByRole("button", { name: "Chạy lại và đối chiếu" }).click();
  await expect(monitor.getByTestId("verify-result")).toContainText("Khớp");
  const names = await monitor.getByTestId("selection-name").allTextContents();
  expect(names.length).toBeGreaterThan(10);
  for (const name of names) expect(name).toMatch(/^Phạm T\*\*\* H\*\*\* N\*\*\* \d\*\*\*$/);
  for (const phone of await monitor.getByTestId("selection-phone").allTextContents()) expect(phone).toMatch(/^09\*{6}\d\d$/);
  const text = await monitor.locator("main").innerText();
  expect(text).not.toMatch(/Phạm Thị Hồng Nhung|091200\d{4}|Số \d+ đường Hùng Vương/);
  await expect(monitor.getByTestId("cli-command")).toContainText(`--seed "${SEED}"`);
  await monitor.screenshot({ path: "tmp/d2-monitor-verify.png", fullPage: true });
  // A monitor cannot open the ADMIN pages nor download personal data.
  await monitor.goto(`/admin/plans/${planId}/sampling`);
  await expect(monitor).toHaveURL(/\/(forbidden|monitor)/);
  const listing = await monitor.request.get(`/api/plans/${planId}/sampling/list`);
  expect(listing.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await listing.body()) as never);
  const cells = workbook.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
  expect(cells.some((c) => c.startsWith("Phạm T*** "))).toBe(true);
  expect(cells.some((c) => c.includes("Phạm Thị Hồng Nhung") || /^09\d{8}$/.test(c))).toBe(false);
});

test("a file with other headers goes through the column mapping without a second upload", async ({ browser }) => {
  const id = await makePlan("Khảo sát thử ghép cột");
  plans.push(id);
  const admin = await signIn(browser, "admin");
  await admin.goto(`/admin/plans/${id}/frames`);
  const header = "Đơn vị,Số HS,Người nộp,Đối tượng,Nơi ở,Điện thoại,Lĩnh vực,Tên TTHC,Ngày có kết quả";
  const body = frame(false).toString("utf8").replace(HEADER, header);
  await admin.getByLabel("Tệp danh sách (.xlsx hoặc .csv)").setInputFiles({ name: "mot-cua.csv", mimeType: "text/csv", buffer: Buffer.from(body) });
  await admin.getByRole("button", { name: "Tải lên danh sách" }).click();
  const mapping = admin.getByTestId("column-mapping");
  await expect(mapping).toContainText("Tiêu đề cột của tệp khác tệp mẫu");
  // Known aliases are proposed; the person maps the rest.
  await expect(mapping.getByLabel("Mã đơn vị")).toHaveValue("Đơn vị");
  await expect(mapping.getByLabel("Số điện thoại")).toHaveValue("Điện thoại");
  await mapping.getByLabel("Mã hồ sơ").selectOption("Số HS");
  await mapping.getByLabel("Họ tên / Tên tổ chức").selectOption("Người nộp");
  await mapping.getByLabel("Loại").selectOption("Đối tượng");
  await mapping.getByLabel("Địa chỉ").selectOption("Nơi ở");
  await mapping.getByLabel("Thủ tục").selectOption("Tên TTHC");
  await mapping.getByLabel("Ngày trả kết quả").selectOption("Ngày có kết quả");
  await admin.screenshot({ path: "tmp/d2-frames-mapping.png", fullPage: true });
  await mapping.getByRole("button", { name: "Kiểm tra với cách ghép này" }).click();
  await expect(admin.getByTestId("frame-upload").getByRole("status").last()).toContainText("Đã ghi 450 hồ sơ của 3 đơn vị.");
});

test("ADMIN issues an API token, sees it once, and revokes it", async ({ browser }) => {
  const target = await makePlan("Khảo sát thử API");
  plans.push(target);
  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/tokens");
  const form = admin.getByTestId("issue-token");
  await form.getByLabel("Tên hệ thống dùng mã").fill("Cổng Một cửa điện tử (thử)");
  await form.getByRole("button", { name: "Cấp mã mới" }).click();
  const token = (await form.getByTestId("new-token").innerText()).trim();
  expect(token).toMatch(/^sipas_[\w-]{43}$/);
  await admin.screenshot({ path: "tmp/d2-tokens.png", fullPage: true });
  const res = await admin.request.post(`/api/v1/plans/${target}/frame-records`, {
    headers: { Authorization: `Bearer ${token}`, "Idempotency-Key": `e2e-${Date.now()}` },
    data: { records: [{ unitCode: "STP", dossierCode: "API-E2E-1", name: "Lê Thị Thu", kind: "Cá nhân", address: "Số 5 đường Lê Lợi", phone: "0987000111", fieldCode: "HO_TICH", procedure: "Khai sinh", resultDate: "10/03/2026" }] },
  });
  expect(res.status()).toBe(201);
  expect(await res.json()).toMatchObject({ ok: true, rows: 1 });
  await admin.reload();
  const row = admin.getByRole("row", { name: /Cổng Một cửa điện tử \(thử\)/ }).first();
  await row.getByRole("button", { name: "Thu hồi" }).click();
  await expect(row).toContainText("Thu hồi lúc");
  const refused = await admin.request.post(`/api/v1/plans/${target}/frame-records`, { headers: { Authorization: `Bearer ${token}`, "Idempotency-Key": "x" }, data: { records: [] } });
  expect(refused.status()).toBe(401);
});
