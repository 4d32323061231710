import { db } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { hashPassword } from "@/lib/auth/password";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { vi } from "@/lib/i18n/vi";
import type { TCreateUser, TUpdateUserScope } from "./schemas";

const scopeOf = (role: string, unitIds: number[], planIds: number[]) => ({
  unitIds: role === "CLERK" ? unitIds : [],
  planIds: role === "MONITOR" ? planIds : [],
});

export async function findUsers() {
  return db().user.findMany({
    orderBy: [{ active: "desc" }, { role: "asc" }, { username: "asc" }],
    select: {
      id: true, username: true, fullName: true, email: true, role: true, active: true, lockedUntil: true, lastLoginAt: true,
      units: { select: { unit: { select: { id: true, code: true, name: true } } } },
      plans: { select: { plan: { select: { id: true, year: true, title: true } } } },
    },
  });
}

export async function createUser(input: TCreateUser, actor: Actor): Promise<{ id: number }> {
  const passwordHash = await hashPassword(input.password);
  const { unitIds, planIds } = scopeOf(input.role, input.unitIds, input.planIds);
  return db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { username: input.username } })) {
      throw conflict(`Tên đăng nhập "${input.username}" đã có người dùng. Hãy chọn tên khác.`);
    }
    const user = await tx.user.create({
      data: {
        username: input.username, fullName: input.fullName, email: input.email, role: input.role, passwordHash,
        units: { create: unitIds.map((unitId) => ({ unitId })) },
        plans: { create: planIds.map((planId) => ({ planId })) },
      },
    });
    await recordAudit(tx, {
      actor, action: "user.create", entity: "User", entityId: user.id,
      after: { username: user.username, fullName: user.fullName, role: user.role, unitIds, planIds },
    });
    return { id: user.id };
  });
}

export async function updateUserScope(input: TUpdateUserScope, actor: Actor): Promise<void> {
  const { unitIds, planIds } = scopeOf(input.role, input.unitIds, input.planIds);
  await db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: input.userId },
      select: { role: true, units: { select: { unitId: true } }, plans: { select: { planId: true } } },
    });
    if (!before) throw notFound(vi.errors.notFound);
    if (input.userId === actor.id && input.role !== "ADMIN") throw forbidden("Bạn không thể tự bỏ quyền quản trị của mình. Hãy nhờ một quản trị viên khác.");
    await tx.userUnit.deleteMany({ where: { userId: input.userId } });
    await tx.userPlan.deleteMany({ where: { userId: input.userId } });
    await tx.user.update({
      where: { id: input.userId },
      data: {
        role: input.role,
        // A change of role ends the user's current sessions: they sign in again with the new rights.
        ...(before.role !== input.role ? { sessionVersion: { increment: 1 } } : {}),
        units: { create: unitIds.map((unitId) => ({ unitId })) },
        plans: { create: planIds.map((planId) => ({ planId })) },
      },
    });
    await recordAudit(tx, {
      actor, action: "user.scope", entity: "User", entityId: input.userId,
      before: { role: before.role, unitIds: before.units.map((u) => u.unitId), planIds: before.plans.map((p) => p.planId) },
      after: { role: input.role, unitIds, planIds },
    });
  });
}

export async function resetPassword(userId: number, password: string, actor: Actor): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw notFound(vi.errors.notFound);
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, failedLogins: 0, lockedUntil: null },
    });
    // The password itself is never written to the audit trail.
    await recordAudit(tx, { actor, action: "user.reset_password", entity: "User", entityId: userId, after: { unlocked: true } });
  });
}

export async function setUserActive(userId: number, active: boolean, actor: Actor): Promise<void> {
  if (userId === actor.id && !active) throw forbidden(vi.users.cannotDeactivateSelf);
  await db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { active: true } });
    if (!before) throw notFound(vi.errors.notFound);
    await tx.user.update({
      where: { id: userId },
      // Deactivation bumps the session version too, so a later re-activation does not revive old sessions.
      data: { active, ...(active ? {} : { sessionVersion: { increment: 1 } }) },
    });
    await recordAudit(tx, { actor, action: active ? "user.activate" : "user.deactivate", entity: "User", entityId: userId, before, after: { active } });
  });
}
