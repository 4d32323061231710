import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { generateIndexInput } from "../../bench/generate-open-data";
import { db } from "../../lib/db";
import { formatNumber } from "../../lib/i18n/format";
import { computeIndices } from "../../lib/sipas/indices";
import { BUILTIN_TEMPLATES } from "../../lib/sipas/templates";
import type { IndexInput } from "../../lib/sipas/engine-input";
import { insertSurvey } from "../fixtures/survey-db";
import { PASSWORD } from "./fixtures";

/**
 * Issue 3 end to end, on a plan of its own (demo units, the built-in classic form, 480
 * generated forms written as Form/Response/Answer rows): ADMIN computes, reads the unit
 * table with intervals and the chart, opens a unit, downloads the Excel; a changed answer
 * shows up as "data changed since"; LEADER sees the same figures; the public page shows the
 * plan only once ADMIN has published it.
 */
const TITLE = `Kế hoạch kiểm thử kết quả ${Date.now()}`;
let planId = 0;
let input: IndexInput;
let responseId = 0;

test.beforeAll(async () => {
  const units = await db().unit.findMany({
    where: { code: { in: ["STP", "SXD", "SYT", "X001", "X002", "X003", "X004", "X005"] } },
    select: { code: true, name: true, level: { select: { name: true } }, block: { select: { name: true } } },
  });
  const classic = await db().questionnaireVersion.findFirstOrThrow({ where: { template: { code: BUILTIN_TEMPLATES.classic.template }, status: "PUBLISHED" }, orderBy: { version: "asc" } });
  input = generateIndexInput({ forms: 480, strata: 11, seed: 31, questionnaire: BUILTIN_TEMPLATES.classic });
  // Put the generated data on demo units, so the spec adds no unit to the registry.
  const rename = new Map(input.units.map((u, i) => [u.code, units[i % units.length]!]));
  input.strata = input.strata.map((s) => ({ ...s, code: s.code.replace(s.unitCode, rename.get(s.unitCode)!.code), unitCode: rename.get(s.unitCode)!.code }));
  input.units = [...rename.values()].filter((u, i, all) => all.findIndex((x) => x.code === u.code) === i).map((u) => ({ code: u.code, name: u.name, level: u.level.name, block: u.block.name }));
  const fx = await insertSurvey(input, { year: 2026, title: TITLE, codePrefix: `E${Date.now().toString(36)}`, planState: "ANALYSIS", versionId: classic.id, settings: { elementMethod: "mean", minValidForms: 30 } });
  planId = fx.planId;
  responseId = fx.responseIds[0]!;
});

async function signIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

/** What the engine gives for the generated data: the figures the pages must show. */
function expected() {
  const r = computeIndices(input, { method: "mean", minValid: 30 });
  const top = r.units.filter((u) => u.rank === 1)[0]!;
  return { province: formatNumber(r.groups[0]!.index), top, topSipas: formatNumber(top.sipas.index) };
}

test("results: compute, read, download, stale data, leadership, publication", async ({ browser }) => {
  const want = expected();
  const admin = await signIn(browser, "admin");

  // Nothing public before publication.
  const anon = await (await browser.newContext()).newPage();
  await anon.goto("/ket-qua");
  await expect(anon.getByText(TITLE)).toHaveCount(0);
  expect((await anon.goto(`/ket-qua/${planId}`))?.status()).toBe(404);

  await admin.goto("/admin/results");
  await admin.getByRole("row", { name: new RegExp(TITLE) }).getByRole("link", { name: "Xem kết quả" }).click();
  await expect(admin.getByText("Chưa tính kết quả cho kế hoạch này.")).toBeVisible();
  await admin.getByRole("button", { name: "Tính kết quả" }).click();
  await expect(admin.getByTestId("snapshot-provenance")).toContainText(/Tính lúc \d\d:\d\d \d\d\/\d\d\/\d{4} · dữ liệu đầu vào [0-9a-f]{12}/);
  await expect(admin.getByTestId("province-index")).toContainText(want.province);
  const table = admin.getByTestId("units-table");
  const topRow = table.getByTestId(`unit-row-${want.top.code}`);
  await expect(topRow).toContainText(want.topSipas);
  await expect(topRow.getByTestId("unit-ci")).toHaveText(`${formatNumber(want.top.sipas.ci!.low)} – ${formatNumber(want.top.sipas.ci!.high)}`);
  await expect(admin.getByTestId("units-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(admin.getByTestId("units-chart").locator(".recharts-errorBar").first()).toBeAttached();
  await admin.screenshot({ path: "tmp/e-e2e-results.png", fullPage: true });

  // One unit: elements with their chart, every criterion.
  await topRow.getByRole("link").click();
  await expect(admin.getByRole("heading", { name: `Kết quả của ${want.top.name}` })).toBeVisible();
  await expect(admin.getByTestId("unit-sipas")).toContainText(want.topSipas);
  await expect(admin.getByTestId("elements-table").locator("tbody tr")).toHaveCount(5);
  await expect(admin.getByTestId("criteria-table")).toContainText("TC3.1");
  await expect(admin.getByTestId("elements-chart").locator(".recharts-bar-rectangle")).toHaveCount(5);
  await admin.screenshot({ path: "tmp/e-e2e-unit.png", fullPage: true });
  await admin.goBack();

  // The Excel file: the four tables and what they were computed from.
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByTestId("excel-link").click()]);
  expect(download.suggestedFilename()).toMatch(/^ket-qua-sipas-2026-[0-9a-f]{8}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Đơn vị", "Yếu tố", "Tiêu chí", "Nhóm", "Thông tin"]);
  const first = wb.getWorksheet("Đơn vị")!.getRow(2);
  expect(first.getCell(2).value).toBe(want.top.code);
  expect(Number(first.getCell(8).value)).toBeCloseTo(want.top.sipas.index!, 9);

  // An answer changes: the page says the figures no longer match the data, publication waits.
  await db().$executeRawUnsafe(`UPDATE "Answer" SET value = CASE WHEN value = 1 THEN 5 ELSE 1 END WHERE "responseId" = $1 AND status = 'VALID' AND value BETWEEN 1 AND 5`, responseId);
  await admin.reload();
  await expect(admin.getByTestId("stale-warning")).toBeVisible();
  await expect(admin.getByTestId("publish-results")).toHaveCount(0);
  const oldHash = (await admin.getByTestId("snapshot-provenance").textContent())!.match(/dữ liệu đầu vào ([0-9a-f]{12})/)![1]!;
  await admin.getByRole("button", { name: "Tính lại kết quả" }).click();
  await expect(admin.getByTestId("stale-warning")).toHaveCount(0);
  await expect(admin.getByTestId("snapshot-provenance")).not.toContainText(oldHash);
  const province = (await admin.getByTestId("province-index").locator("div").nth(1).textContent())!;

  // Leadership reads the same figures, without the buttons.
  const leader = await signIn(browser, "lanhdao");
  await leader.goto(`/dashboard/results/${planId}`);
  await expect(leader.getByTestId("province-index")).toContainText(province);
  await expect(leader.getByTestId("snapshot-provenance")).toContainText("Bản nháp chưa công bố");
  await expect(leader.getByRole("button", { name: /Tính lại|Công bố/ })).toHaveCount(0);

  // Publication: confirmed, then public; the plan is now closed to recomputation.
  await admin.getByTestId("publish-results").getByRole("button", { name: "Công bố kết quả này" }).click();
  await admin.getByRole("button", { name: "Xác nhận" }).click();
  await expect(admin.getByTestId("snapshot-provenance")).toContainText("Đã công bố lúc");
  await anon.goto("/ket-qua");
  await anon.getByRole("row", { name: new RegExp(TITLE) }).getByRole("link").click();
  await expect(anon.getByTestId("province-index")).toContainText(province);
  await expect(anon.getByTestId("units-table")).toBeVisible();
  await anon.screenshot({ path: "tmp/e-e2e-public.png", fullPage: true });
  await leader.reload();
  await expect(leader.getByTestId("snapshot-provenance")).toContainText("Đã công bố lúc");
});
