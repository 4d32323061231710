import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { issueToken, revokeToken } from "@/lib/tokens/service";
import { POST } from "@/app/api/v1/plans/[id]/frame-records/route";
import { makeFramePlan } from "../fixtures/frames-plan";
import { makeUser, useCleanDatabase } from "./helpers";

useCleanDatabase();

type Rec = Record<string, string | null>;
const rec = (i: number, over: Rec = {}): Rec => ({
  unitCode: "S01", dossierCode: `API-${i}`, name: `Người gửi qua API ${i}`, kind: "individual",
  address: `Số ${i} đường Lê Lợi`, phone: `09${String(20_000_000 + i)}`, fieldCode: "HO_TICH", procedure: "Khai sinh", resultDate: "2025-04-0" + (1 + (i % 9)),
  ...over,
});

async function call(planId: number, opts: { token?: string; key?: string; body: unknown }) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  if (opts.key) headers["Idempotency-Key"] = opts.key;
  const res = await POST(new Request(`http://localhost/api/v1/plans/${planId}/frame-records`, { method: "POST", headers, body: JSON.stringify(opts.body) }), {
    params: Promise.resolve({ id: String(planId) }),
  });
  return { status: res.status, replayed: res.headers.get("Idempotent-Replayed") === "true", body: (await res.json()) as Record<string, unknown> };
}

async function setup() {
  const plan = await makeFramePlan();
  const admin = await makeUser("ADMIN");
  const { id, token } = await issueToken("Một cửa điện tử tỉnh", { id: admin.id, name: admin.username });
  return { ...plan, admin, tokenId: id, token };
}

describe("frame API for one-stop-shop systems", () => {
  it("needs a token that ADMIN issued and has not revoked; only its hash is stored", async () => {
    const s = await setup();
    const body = { records: [rec(1)] };
    expect((await call(s.planId, { key: "k1", body })).status).toBe(401);
    expect((await call(s.planId, { token: "sipas_khong-ton-tai-0000000000", key: "k1", body })).status).toBe(401);
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: s.tokenId } });
    expect(stored.tokenHash).not.toContain(s.token);
    expect(JSON.stringify((await db().auditEvent.findMany({ where: { entity: "ApiToken" } })).map((e) => e.after))).not.toContain(s.token);
    expect((await call(s.planId, { token: s.token, key: "k1", body })).status).toBe(201);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: s.tokenId } })).lastUsedAt).not.toBeNull();
    await revokeToken(s.tokenId, { id: s.admin.id, name: s.admin.username });
    const refused = await call(s.planId, { token: s.token, key: "k2", body: { records: [rec(2)] } });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toContain("đã bị thu hồi");
    expect(await db().frameRecord.count()).toBe(1);
  });

  it("a replay with the same Idempotency-Key returns the same result and creates nothing twice", async () => {
    const s = await setup();
    const body = { mode: "append", records: [rec(1), rec(2), rec(3, { kind: "Tổ chức", phone: "02363812345" })] };
    const first = await call(s.planId, { token: s.token, key: "lo-001", body });
    expect(first).toMatchObject({ status: 201, replayed: false, body: { ok: true, rows: 3, units: 1 } });
    const again = await call(s.planId, { token: s.token, key: "lo-001", body });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await db().frameImport.count()).toBe(1);
    expect(await db().frameRecord.count()).toBe(3);
    const other = await call(s.planId, { token: s.token, key: "lo-001", body: { records: [rec(9)] } });
    expect(other.status).toBe(409);
    expect(other.body.error).toContain("đã được dùng cho một yêu cầu có nội dung khác");
    expect(await db().frameRecord.count()).toBe(3);
    const imp = await db().frameImport.findFirstOrThrow();
    expect(imp).toMatchObject({ source: "API", idempotencyKey: "lo-001", rowCount: 3 });
  });

  it("two identical requests arriving together commit once and both get the result", async () => {
    const s = await setup();
    const body = { records: Array.from({ length: 50 }, (_, i) => rec(i)) };
    const [a, b] = await Promise.all([call(s.planId, { token: s.token, key: "song-song", body }), call(s.planId, { token: s.token, key: "song-song", body })]);
    expect(a.body).toEqual(b.body);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await db().frameImport.count()).toBe(1);
    expect(await db().frameRecord.count()).toBe(50);
  });

  it("reports bad records with their position and field, commits none; the fixed batch may reuse the key", async () => {
    const s = await setup();
    const bad = { records: [rec(1), rec(2, { resultDate: "32/01/2025" }), rec(3, { unitCode: "KHONG" }), rec(4, { phone: "12345" }), rec(1)] };
    const r = await call(s.planId, { token: s.token, key: "lo-loi", body: bad });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ ok: false, code: "INVALID", problemCount: 4 });
    expect(r.body.problems).toEqual([
      expect.objectContaining({ row: 2, column: "resultDate", value: "32/01/2025" }),
      expect.objectContaining({ row: 3, column: "unitCode", value: "KHONG" }),
      expect.objectContaining({ row: 4, column: "phone", value: "12345" }),
      expect.objectContaining({ row: 5, column: "dossierCode", reason: "Mã hồ sơ trùng với dòng 1 của cùng đơn vị." }),
    ]);
    expect(await db().frameRecord.count()).toBe(0);
    expect(await db().frameImport.count()).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "frame.import.rejected" } })).toBe(1);
    const fixed = await call(s.planId, { token: s.token, key: "lo-loi", body: { records: [rec(1), rec(2)] } });
    expect(fixed).toMatchObject({ status: 201, body: { rows: 2 } });
  });

  it("append refuses a dossier already in the frame; replace swaps the lists of the units in the batch", async () => {
    const s = await setup();
    await call(s.planId, { token: s.token, key: "a", body: { records: [rec(1), rec(2), rec(3, { unitCode: "S02" })] } });
    const dup = await call(s.planId, { token: s.token, key: "b", body: { records: [rec(2), rec(4)] } });
    expect(dup.status).toBe(422);
    expect((dup.body.problems as { reason: string }[])[0]!.reason).toMatch(/^Mã hồ sơ đã có trong danh sách của đơn vị \(lần nhập #\d+, dòng 2\)\.$/);
    const replace = await call(s.planId, { token: s.token, key: "c", body: { mode: "replace", records: [rec(7), rec(8)] } });
    expect(replace).toMatchObject({ status: 201, body: { rows: 2, replacedRecords: 2 } });
    expect((await db().frameRecord.findMany({ orderBy: { dossierCode: "asc" } })).map((r) => r.dossierCode)).toEqual(["API-3", "API-7", "API-8"]);
  });

  it("refuses a request without Idempotency-Key, a body that is not JSON or not a batch", async () => {
    const s = await setup();
    expect((await call(s.planId, { token: s.token, body: { records: [rec(1)] } })).body.error).toContain("Idempotency-Key");
    expect((await call(s.planId, { token: s.token, key: "x", body: { records: [] } })).status).toBe(422);
    expect((await call(s.planId, { token: s.token, key: "x", body: { records: [{ ...rec(1), extra: "?" }] } })).status).toBe(422);
    const res = await POST(new Request(`http://localhost/api/v1/plans/${s.planId}/frame-records`, { method: "POST", headers: { Authorization: `Bearer ${s.token}`, "Idempotency-Key": "y" }, body: "{không phải json" }), { params: Promise.resolve({ id: String(s.planId) }) });
    expect(res.status).toBe(422);
    expect(await db().frameRecord.count()).toBe(0);
  });
});
