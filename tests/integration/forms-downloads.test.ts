import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { createFormsForDraw } from "@/lib/forms/service";
import { formatFormCode } from "@/lib/forms/form-code";
import { inspectPdf } from "../unit/forms/pdf-inspect";
import { makeFormsPlan, setFormStates } from "../fixtures/forms-plan";
import { makeUser, useCleanDatabase } from "./helpers";

/** The print-shop PDF and the post office's address list, through their route handlers. */

const current: { user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/session")>();
  return { ...real, getSessionUser: async () => current.user, requestIp: async () => "203.0.113.5" };
});

useCleanDatabase();

async function setup() {
  const p = await makeFormsPlan({ units: 2, main: 3, reserve: 1 });
  await db().$transaction((tx) => createFormsForDraw(tx, p.drawId, { id: null, name: "t" }));
  const forms = await db().form.findMany({ where: { planId: p.planId }, orderBy: [{ unitId: "asc" }, { sequence: "asc" }] });
  current.user = await makeUser("ADMIN");
  return { ...p, forms };
}

const ctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

describe("downloads of the forms", () => {
  it("prints a unit's forms as one A4 PDF with the code, the unit and Vietnamese text intact", async () => {
    const s = await setup();
    const { GET } = await import("@/app/api/plans/[id]/forms/pdf/route");
    const res = await GET(new Request(`http://localhost/api/plans/${s.planId}/forms/pdf?unit=${s.unitIds[0]}&state=CREATED`), ctx(s.planId));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const pdf = Buffer.from(await res.arrayBuffer());
    writeFileSync("tmp/f-forms.pdf", pdf);
    const summary = inspectPdf(pdf);
    expect(summary.mediaBoxes.every((b) => b.includes("595.28") && b.includes("841.89"))).toBe(true);
    const all = summary.pageTexts.join("\n");
    for (const f of s.forms.filter((x) => x.unitId === s.unitIds[0])) expect(all).toContain(formatFormCode(f.code));
    expect(all).not.toContain(formatFormCode(s.forms.find((x) => x.unitId === s.unitIds[1])!.code));
    expect(all).toContain("Ủy ban nhân dân xã Thử Nghiệm 1");
    expect(all).toContain("Công chức có thái độ giao tiếp lịch sự");
    // The QR code and the printed hint lead to the online answering page.
    expect(all).toContain(`/tra-loi/${s.forms[0]!.code}`);
    // Printing changes nothing: marking as printed is a separate, deliberate step.
    expect(await db().form.count({ where: { planId: s.planId, state: "CREATED" } })).toBe(6);

    const none = await GET(new Request(`http://localhost/api/plans/${s.planId}/forms/pdf?state=PRINTED`), ctx(s.planId));
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: string }).error).toContain("Không có phiếu nào");
  });

  it("lists names and addresses for the post office (ADMIN), and records who exported them", async () => {
    const s = await setup();
    await setFormStates({ planId: s.planId, codes: [s.forms[0]!.code] }, "DISPATCHED");
    const { GET } = await import("@/app/api/plans/[id]/forms/addresses/route");
    const res = await GET(new Request(`http://localhost/api/plans/${s.planId}/forms/addresses?scope=toSend`), ctx(s.planId));
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(["STT", "Mã phiếu", "Họ và tên / Tên tổ chức", "Địa chỉ", "Số điện thoại", "Đơn vị được đánh giá", "Lô gửi", "Trạng thái hiện tại", "Trạng thái", "Ghi chú"]);
    expect(sheet.rowCount).toBe(1 + 5);
    const row = sheet.getRow(2).values as unknown[];
    expect(String(row[3])).toMatch(/^Nguyễn Văn Thử/);
    expect(String(row[4])).toContain("Hùng Vương");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "forms.addresses_export" } });
    expect(audit.after).toMatchObject({ forms: 5 });
    // The audit trail says that a list was exported, never what it contained.
    expect(JSON.stringify([audit.before, audit.after])).not.toContain("Nguyễn");
  });
});
