import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";

/** Registry changes concern every plan, so monitors see them beside their plans' events. */
const SHARED_ENTITIES = ["Unit", "UnitSuccession", "Field", "QuestionnaireVersion"];

export function auditScope(user: SessionUser): Prisma.AuditEventWhereInput {
  if (user.role === "ADMIN") return {};
  return { OR: [{ planId: { in: user.planIds } }, { entity: { in: SHARED_ENTITIES } }] };
}

export async function findAuditEvents(user: SessionUser, opts: { take?: number; beforeId?: bigint; action?: string } = {}) {
  const rows = await db().auditEvent.findMany({
    where: {
      AND: [
        auditScope(user),
        opts.beforeId ? { id: { lt: opts.beforeId } } : {},
        opts.action ? { action: { startsWith: opts.action } } : {},
      ],
    },
    orderBy: { id: "desc" },
    take: Math.min(opts.take ?? 50, 500),
  });
  // Addresses are kept for Sở Nội vụ's security review only.
  return rows.map((r) => ({ ...r, id: r.id.toString(), ip: user.role === "ADMIN" ? r.ip : null }));
}
export type AuditRow = Awaited<ReturnType<typeof findAuditEvents>>[number];
