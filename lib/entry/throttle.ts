import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/i18n/format";
import { onlineText as t } from "@/lib/i18n/online";

/**
 * Limits on the public answering page, per address, so that form codes cannot be found by
 * trying them one after another: a few wrong codes, and a modest number of codes in all,
 * per window (mobile networks put many people behind one address, so the limits are not
 * tiny). Counters live in LoginThrottle under their own key prefix and are updated with
 * atomic increments, as the sign-in throttle does.
 */
export const ANSWER_POLICY = {
  maxFailures: Number(process.env.SIPAS_ANSWER_MAX_FAILURES ?? 10),
  maxLookups: Number(process.env.SIPAS_ANSWER_MAX_LOOKUPS ?? 60),
  windowMinutes: Number(process.env.SIPAS_ANSWER_WINDOW_MINUTES ?? 15),
};

const failKey = (ip: string) => `answer-fail:${ip}`;
const anyKey = (ip: string) => `answer-any:${ip}`;

function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

/** The Vietnamese refusal when this address is blocked, else null. */
export async function answerBlocked(ip: string, now = new Date()): Promise<string | null> {
  const rows = await db().loginThrottle.findMany({ where: { key: { in: [failKey(ip), anyKey(ip)] }, lockedUntil: { gt: now } } });
  const until = rows.map((r) => r.lockedUntil!).sort((a, b) => b.getTime() - a.getTime())[0];
  return until ? t.blocked(formatDateTime(until), minutesLeft(until, now)) : null;
}

async function bump(key: string, limit: number, now: Date): Promise<boolean> {
  const windowMs = ANSWER_POLICY.windowMinutes * 60_000;
  const prisma = db();
  await prisma.loginThrottle.upsert({ where: { key }, create: { key, failures: 0, windowStart: now }, update: {} });
  await prisma.loginThrottle.updateMany({
    where: { key, windowStart: { lt: new Date(now.getTime() - windowMs) } },
    data: { failures: 0, windowStart: now, lockedUntil: null },
  });
  const counted = await prisma.loginThrottle.update({ where: { key }, data: { failures: { increment: 1 } } });
  if (counted.failures < limit) return false;
  await prisma.loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(now.getTime() + windowMs) } });
  return true;
}

/** Counts one lookup of a code (and one failure when the code led nowhere). */
export async function countLookup(ip: string, failed: boolean, now = new Date()): Promise<void> {
  await bump(anyKey(ip), ANSWER_POLICY.maxLookups, now);
  if (failed) await bump(failKey(ip), ANSWER_POLICY.maxFailures, now);
}
