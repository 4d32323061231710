import { db } from "@/lib/db";
import { recordAuditNow } from "@/lib/audit/service";
import { formatDateTime } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";
import { verifyPassword } from "./password";
import type { Role } from "@/lib/generated/prisma/enums";

/** Lockout policy; environment variables let an installation tune it. */
export const LOGIN_POLICY = {
  accountMaxFailures: Number(process.env.SIPAS_LOGIN_MAX_FAILURES ?? 5),
  addressMaxFailures: Number(process.env.SIPAS_LOGIN_MAX_FAILURES_PER_ADDRESS ?? 20),
  lockMinutes: Number(process.env.SIPAS_LOGIN_LOCK_MINUTES ?? 15),
};

export type LoginOk = { ok: true; user: { id: number; fullName: string; role: Role; sessionVersion: number } };
export type LoginRefused = { ok: false; message: string };

function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

/**
 * Checks a sign-in attempt. Failures count per account and per address; past the limits
 * the account (or the address) is locked for LOGIN_POLICY.lockMinutes. Counters are
 * updated with atomic increments so parallel attempts cannot slip past the limit.
 */
export async function attemptLogin(
  usernameInput: string,
  password: string,
  ip: string,
  now = new Date(),
): Promise<LoginOk | LoginRefused> {
  const username = usernameInput.trim().toLowerCase();
  const addressKey = `ip:${ip}`;
  const prisma = db();
  const lockMs = LOGIN_POLICY.lockMinutes * 60_000;

  const address = await prisma.loginThrottle.findUnique({ where: { key: addressKey } });
  if (address?.lockedUntil && address.lockedUntil > now) {
    return { ok: false, message: vi.login.addressLocked(formatDateTime(address.lockedUntil), minutesLeft(address.lockedUntil, now)) };
  }
  const user = await prisma.user.findUnique({ where: { username } });
  if (user?.lockedUntil && user.lockedUntil > now) {
    return { ok: false, message: vi.login.accountLocked(formatDateTime(user.lockedUntil), minutesLeft(user.lockedUntil, now)) };
  }
  const valid = await verifyPassword(user?.passwordHash ?? null, password);

  if (!valid || !user) {
    const actor = { id: user?.id ?? null, name: username.slice(0, 64) || "(trống)", ip };
    let message: string = vi.login.invalid;
    if (user) {
      const updated = await prisma.user.update({ where: { id: user.id }, data: { failedLogins: { increment: 1 } } });
      if (updated.failedLogins >= LOGIN_POLICY.accountMaxFailures) {
        const until = new Date(now.getTime() + lockMs);
        await prisma.user.update({ where: { id: user.id }, data: { lockedUntil: until, failedLogins: 0 } });
        message = vi.login.accountLocked(formatDateTime(until), LOGIN_POLICY.lockMinutes);
      }
    }
    const windowStart = new Date(now.getTime() - lockMs);
    // Reset the address window when it is old, then count this failure.
    // INSERT … ON CONFLICT, not Prisma's upsert (a read then a write): parallel failures
    // from one address would race to create the row.
    await prisma.$executeRaw`
      INSERT INTO "LoginThrottle" ("key", "failures", "windowStart") VALUES (${addressKey}, 0, ${now})
      ON CONFLICT ("key") DO NOTHING`;
    await prisma.loginThrottle.updateMany({
      where: { key: addressKey, windowStart: { lt: windowStart } },
      data: { failures: 0, windowStart: now, lockedUntil: null },
    });
    const counted = await prisma.loginThrottle.update({ where: { key: addressKey }, data: { failures: { increment: 1 } } });
    if (counted.failures >= LOGIN_POLICY.addressMaxFailures) {
      const until = new Date(now.getTime() + lockMs);
      await prisma.loginThrottle.update({ where: { key: addressKey }, data: { lockedUntil: until } });
      if (message === vi.login.invalid) message = vi.login.addressLocked(formatDateTime(until), LOGIN_POLICY.lockMinutes);
    }
    await recordAuditNow({ actor, action: "auth.login_failed", entity: "User", entityId: user?.id ?? null, outcome: "DENIED" });
    return { ok: false, message };
  }
  if (!user.active) {
    await recordAuditNow({ actor: { id: user.id, name: user.username, ip }, action: "auth.login_inactive", entity: "User", entityId: user.id, outcome: "DENIED" });
    return { ok: false, message: vi.login.inactive };
  }
  await prisma.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } });
  await recordAuditNow({ actor: { id: user.id, name: user.username, ip }, action: "auth.login", entity: "User", entityId: user.id });
  return { ok: true, user: { id: user.id, fullName: user.fullName, role: user.role, sessionVersion: user.sessionVersion } };
}
