/**
 * Calendar days as the database stores them (DATE columns come back as midnight UTC) and
 * as forms send them (yyyy-mm-dd). ISO day strings compare correctly as strings.
 */
const DAY_MS = 86_400_000;

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function dayDate(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

export function addDays(iso: string, days: number): string {
  return isoDay(new Date(dayDate(iso).getTime() + days * DAY_MS));
}

/** dd/mm/yyyy of an ISO day, for messages. */
export function dmy(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Today's calendar day in Vietnam (UTC+7, no daylight saving). */
export function todayInVietnam(now: Date = new Date()): string {
  return isoDay(new Date(now.getTime() + 7 * 3_600_000));
}
