import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attemptLogin, LOGIN_POLICY } from "@/lib/auth/login";
import { loadSessionUser } from "@/lib/auth/session";
import { resetPassword, setUserActive, updateUserScope } from "@/lib/users/service";
import { makeUser, useCleanDatabase } from "./helpers";

useCleanDatabase();
const admin = { id: null, name: "quản trị" };

describe("sign-in", () => {
  it("accepts the right password and records the sign-in", async () => {
    const u = await makeUser("ADMIN");
    const r = await attemptLogin(u.username.toUpperCase(), u.password, "198.51.100.1");
    expect(r.ok).toBe(true);
    expect(await db().auditEvent.count({ where: { action: "auth.login", outcome: "OK" } })).toBe(1);
  });

  it("locks the account after repeated failures and says when to try again", async () => {
    const u = await makeUser("CLERK");
    const now = new Date("2026-11-23T03:00:00Z");
    for (let i = 0; i < LOGIN_POLICY.accountMaxFailures - 1; i++) {
      const r = await attemptLogin(u.username, "sai-mat-khau", "198.51.100.2", now);
      expect(r).toEqual({ ok: false, message: expect.stringContaining("Sai tên đăng nhập hoặc mật khẩu") });
    }
    const locked = await attemptLogin(u.username, "sai-mat-khau", "198.51.100.2", now);
    // 03:00 UTC + 15 min = 10:15 in Vietnam.
    expect(locked).toEqual({ ok: false, message: expect.stringContaining("thử lại sau 10:15 23/11/2026") });
    // Even the right password is refused while locked…
    const during = await attemptLogin(u.username, u.password, "198.51.100.3", new Date(now.getTime() + 60_000));
    expect(during.ok).toBe(false);
    expect((during as { message: string }).message).toContain("tạm khóa");
    // …and accepted once the lock has passed.
    const later = await attemptLogin(u.username, u.password, "198.51.100.3", new Date(now.getTime() + 16 * 60_000));
    expect(later.ok).toBe(true);
    expect(await db().auditEvent.count({ where: { action: "auth.login_failed", outcome: "DENIED" } })).toBe(LOGIN_POLICY.accountMaxFailures);
  });

  it("blocks an address that tries many accounts", async () => {
    const now = new Date("2026-11-23T03:00:00Z");
    for (let i = 0; i < LOGIN_POLICY.addressMaxFailures; i++) await attemptLogin(`khong-ton-tai-${i}`, "x", "198.51.100.9", now);
    const u = await makeUser("LEADER");
    const r = await attemptLogin(u.username, u.password, "198.51.100.9", now);
    expect(r).toEqual({ ok: false, message: expect.stringContaining("Địa chỉ máy của bạn tạm bị chặn") });
    expect((await attemptLogin(u.username, u.password, "198.51.100.10", now)).ok).toBe(true);
  });

  it("counts parallel failures exactly", async () => {
    const u = await makeUser("MONITOR");
    await Promise.all(Array.from({ length: 3 }, () => attemptLogin(u.username, "sai", "198.51.100.20")));
    expect((await db().user.findUniqueOrThrow({ where: { id: u.id } })).failedLogins).toBe(3);
  });
});

describe("sessions end at once", () => {
  it("when the user is deactivated, the password reset or the role changed", async () => {
    const u = await makeUser("CLERK", {});
    const unit = await db().unit.create({
      data: { code: "X1", name: "UBND xã Thử", validFrom: new Date("2025-07-01"), level: { create: { code: "XA", name: "Cấp xã", validFrom: new Date("1976-01-01") } }, block: { create: { code: "B", name: "Khối" } } },
    });
    const sv = (await db().user.findUniqueOrThrow({ where: { id: u.id } })).sessionVersion;
    expect(await loadSessionUser(u.id, sv)).not.toBeNull();

    await resetPassword(u.id, "mat-khau-moi-123", admin);
    expect(await loadSessionUser(u.id, sv)).toBeNull();
    const sv2 = sv + 1;
    expect(await loadSessionUser(u.id, sv2)).not.toBeNull();

    await setUserActive(u.id, false, admin);
    expect(await loadSessionUser(u.id, sv2)).toBeNull();
    await setUserActive(u.id, true, admin);
    expect(await loadSessionUser(u.id, sv2)).toBeNull(); // re-activation does not revive old sessions
    const sv3 = (await db().user.findUniqueOrThrow({ where: { id: u.id } })).sessionVersion;

    await updateUserScope({ userId: u.id, role: "CLERK", unitIds: [unit.id], planIds: [] }, admin);
    expect((await loadSessionUser(u.id, sv3))?.unitIds).toEqual([unit.id]);
    await updateUserScope({ userId: u.id, role: "LEADER", unitIds: [], planIds: [] }, admin);
    expect(await loadSessionUser(u.id, sv3)).toBeNull();
  });
});
