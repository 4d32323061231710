import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";

/**
 * Row scope of plans, from the session: ADMIN and LEADER see every plan, a MONITOR the
 * plans assigned to them, a CLERK the plans that include one of their units.
 */
export function planScope(user: SessionUser): Prisma.PlanWhereInput {
  switch (user.role) {
    case "ADMIN":
    case "LEADER":
      return {};
    case "MONITOR":
      return { id: { in: user.planIds } };
    case "CLERK":
      return { units: { some: { unitId: { in: user.unitIds } } } };
  }
}

export async function findPlans(user: SessionUser) {
  const plans = await db().plan.findMany({
    where: planScope(user),
    orderBy: [{ year: "desc" }, { id: "desc" }],
    select: {
      id: true, year: true, title: true, state: true, legalNumber: true, windowStart: true, windowEnd: true,
      _count: { select: { units: true, forms: true } },
      milestones: { where: { doneAt: null }, orderBy: { dueOn: "asc" }, take: 1, select: { kind: true, dueOn: true } },
    },
  });
  return plans.map(({ milestones, ...p }) => ({ ...p, nextMilestone: milestones[0] ?? null }));
}
export type PlanListItem = Awaited<ReturnType<typeof findPlans>>[number];
