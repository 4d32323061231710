import { describe, expect, it, vi } from "vitest";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import type { ImportEvent } from "@/lib/frames/upload-stream";
import { frameCsv, makeFramePlan, unitRows } from "../fixtures/frames-plan";
import { makeUser, useCleanDatabase } from "./helpers";

const current: { user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/session")>();
  return { ...real, getSessionUser: async () => current.user, requestIp: async () => "203.0.113.7" };
});

const { POST: upload } = await import("@/app/api/plans/[id]/frames/upload/route");
const { POST: resume } = await import("@/app/api/plans/[id]/frames/import/route");
const { GET: report } = await import("@/app/api/plans/[id]/frames/report/route");

useCleanDatabase();

async function events(res: Response): Promise<ImportEvent[]> {
  expect(res.headers.get("Content-Type")).toContain("application/x-ndjson");
  return (await res.text()).trim().split("\n").map((l) => JSON.parse(l) as ImportEvent);
}

const ctx = (planId: number) => ({ params: Promise.resolve({ id: String(planId) }) });

/** A body that arrives in small pieces, as a browser upload does. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(bytes.subarray(at, at + 4096));
      at += 4096;
    },
  });
}

describe("upload route: streamed file, NDJSON progress, mapping step, error report", () => {
  it("streams progress then the result; a second request applies the mapping without re-uploading", async () => {
    const { planId } = await makeFramePlan();
    current.user = await makeUser("ADMIN");
    const csv = frameCsv(unitRows("S01", 25_000), "Đơn vị,Mã hồ sơ,Họ tên / Tên tổ chức,Loại,Địa chỉ,Số điện thoại,Mã lĩnh vực,Thủ tục,Ngày nhận kết quả");
    const res = await upload(new Request(`http://localhost/x?name=${encodeURIComponent("danh sách.csv")}`, { method: "POST", body: chunked(csv), duplex: "half" } as RequestInit), ctx(planId));
    const first = await events(res);
    expect(first[0]).toMatchObject({ type: "saved", size: Buffer.byteLength(csv) });
    const result = first.at(-1);
    if (result?.type !== "result" || result.outcome.status !== "mapping") throw new Error(JSON.stringify(result));
    expect(result.outcome.proposed).toMatchObject({ unitCode: "Đơn vị", dossierCode: "Mã hồ sơ" });
    expect(result.outcome.proposed.resultDate).toBeUndefined();
    expect(await db().frameRecord.count()).toBe(0);

    const mapping = { ...Object.fromEntries(Object.entries(result.outcome.proposed).map(([k, h]) => [h, k])), "Ngày nhận kết quả": "resultDate" };
    const second = await events(await resume(new Request("http://localhost/x", { method: "POST", body: JSON.stringify({ token: result.token, unitId: null, mapping }) }), ctx(planId)));
    expect(second.some((e) => e.type === "progress" && e.phase === "reading" && e.rows > 0)).toBe(true);
    expect(second.some((e) => e.type === "progress" && e.phase === "committing")).toBe(true);
    expect(second.at(-1)).toMatchObject({ type: "result", outcome: { status: "committed", rowCount: 25_000 } });
    expect(await db().frameRecord.count()).toBe(25_000);
    const imp = await db().frameImport.findFirstOrThrow();
    expect(imp.fileName).toBe("danh sách.csv");
    expect(imp.checksum).toBe((await import("node:crypto")).createHash("sha256").update(csv).digest("hex"));
    // The file is gone once committed: the token cannot be replayed.
    expect((await resume(new Request("http://localhost/x", { method: "POST", body: JSON.stringify({ token: result.token, unitId: null, mapping }) }), ctx(planId))).status).toBe(404);
  });

  it("a rejected upload's report downloads as Excel, only for the user who uploaded it", async () => {
    const { planId } = await makeFramePlan();
    const admin = await makeUser("ADMIN");
    current.user = admin;
    const csv = frameCsv([...unitRows("S01", 2), { unit: "S01", dossier: "S01-00001" }]);
    const out = await events(await upload(new Request("http://localhost/x?name=loi.csv", { method: "POST", body: csv }), ctx(planId)));
    const result = out.at(-1);
    if (result?.type !== "result" || result.outcome.status !== "rejected") throw new Error(JSON.stringify(result));
    const ok = await report(new Request(`http://localhost/x?token=${result.token}`), ctx(planId));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Disposition")).toContain("loi-loi.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await ok.arrayBuffer()) as never);
    expect(wb.worksheets[0]!.getRow(2).values).toEqual([undefined, 4, "Mã hồ sơ", "S01-00001", "Mã hồ sơ trùng với dòng 2 của cùng đơn vị."]);
    current.user = await makeUser("ADMIN");
    expect((await report(new Request(`http://localhost/x?token=${result.token}`), ctx(planId))).status).toBe(404);
  });
});
