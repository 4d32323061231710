import { afterAll, beforeEach } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { truncateAll } from "@/lib/db/test-database";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/session";

/** Each test starts from empty tables; the pool is closed after the file. */
export function useCleanDatabase(): void {
  beforeEach(async () => {
    await truncateAll(process.env.DATABASE_URL!);
  });
  afterAll(async () => {
    await disconnectDb();
  });
}

let n = 0;
export async function makeUser(role: Role, extra: { unitIds?: number[]; planIds?: number[]; password?: string } = {}): Promise<SessionUser & { password: string }> {
  n++;
  const password = extra.password ?? "mat-khau-thu-nghiem";
  const user = await db().user.create({
    data: {
      username: `${role.toLowerCase()}${n}`,
      fullName: `Người dùng ${n}`,
      role,
      passwordHash: await hashPassword(password),
      units: { create: (extra.unitIds ?? []).map((unitId) => ({ unitId })) },
      plans: { create: (extra.planIds ?? []).map((planId) => ({ planId })) },
    },
  });
  return { id: user.id, username: user.username, fullName: user.fullName, role, unitIds: extra.unitIds ?? [], planIds: extra.planIds ?? [], password };
}
