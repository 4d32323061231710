import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";

/**
 * Error rates per clerk, from reconciled double entries: for every double-entered form
 * whose differences are all decided, each clerk's value of an item is an error when it
 * differs from the decided value. Rate = errors / items keyed by that clerk on such forms.
 * The values each clerk typed are kept in EntryDifference (first, second), so the rate
 * stays right after the decided values overwrite the first entry.
 */
export type TClerkErrorRate = { userId: number; fullName: string; username: string; forms: number; items: number; errors: number; rate: number | null };

export async function clerkErrorRates(planIds: readonly number[] | null): Promise<TClerkErrorRate[]> {
  const rows = await db().$queryRawUnsafe<{ userId: number; fullName: string; username: string; forms: bigint; items: bigint; errors: bigint }[]>(
    `WITH checked AS (
       SELECT f.id FROM "Form" f
        WHERE f."doubleEntry" AND f.state IN ('ENTERED', 'VERIFIED')
          AND ($1::int[] IS NULL OR f."planId" = ANY($1::int[]))
          AND EXISTS (SELECT 1 FROM "Response" r WHERE r."formId" = f.id AND r.round = 2)
          AND NOT EXISTS (SELECT 1 FROM "EntryDifference" d WHERE d."formId" = f.id AND d.decided IS NULL)
     ), keyed AS (
       SELECT r."enteredById" AS uid, r.round, r."formId",
              (SELECT count(*) FROM "Answer" a WHERE a."responseId" = r.id) AS items
         FROM "Response" r JOIN checked c ON c.id = r."formId"
        WHERE r.round IN (1, 2) AND r."enteredById" IS NOT NULL
     ), wrong AS (
       SELECT k.uid, count(*) AS n FROM keyed k JOIN "EntryDifference" d ON d."formId" = k."formId"
        WHERE (k.round = 1 AND d.first IS DISTINCT FROM d.decided) OR (k.round = 2 AND d.second IS DISTINCT FROM d.decided)
        GROUP BY k.uid
     )
     SELECT u.id AS "userId", u."fullName", u.username, count(*) AS forms, sum(k.items) AS items, coalesce(max(w.n), 0) AS errors
       FROM keyed k JOIN "User" u ON u.id = k.uid LEFT JOIN wrong w ON w.uid = k.uid
      GROUP BY u.id, u."fullName", u.username
      ORDER BY u."fullName"`,
    planIds === null ? null : [...planIds],
  );
  return rows.map((r) => {
    const items = Number(r.items);
    const errors = Number(r.errors);
    return { userId: r.userId, fullName: r.fullName, username: r.username, forms: Number(r.forms), items, errors, rate: items > 0 ? errors / items : null };
  });
}

/** A clerk's own work: forms entered (first and second entry) and what waits in their units. */
export async function clerkProgress(user: SessionUser) {
  const [mine, waiting] = await Promise.all([
    db().response.groupBy({ by: ["round"], where: { enteredById: user.id }, _count: { _all: true } }),
    db().form.count({ where: { state: "RETURNED", ...(user.role === "CLERK" ? { unitId: { in: user.unitIds } } : {}) } }),
  ]);
  const count = (round: number) => mine.find((m) => m.round === round)?._count._all ?? 0;
  return { first: count(1), second: count(2), waiting };
}
