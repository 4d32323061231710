/** Formatting for people: Vietnamese conventions, Vietnam's time zone. */
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

const dateFmt = new Intl.DateTimeFormat("vi-VN", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });
const timeFmt = new Intl.DateTimeFormat("vi-VN", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hour12: false });

function parts(d: Date, fmt: Intl.DateTimeFormat): Record<string, string> {
  return Object.fromEntries(fmt.formatToParts(d).map((p) => [p.type, p.value]));
}

/** dd/mm/yyyy in Vietnam's time zone. */
export function formatDate(d: Date | null | undefined): string {
  if (!d) return "";
  const p = parts(d, dateFmt);
  return `${p.day}/${p.month}/${p.year}`;
}

/** A calendar date stored as a DATE column (midnight UTC): shown without time-zone shift. */
export function formatDay(d: Date | null | undefined): string {
  if (!d) return "";
  const iso = d.toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** HH:mm dd/mm/yyyy in Vietnam's time zone. */
export function formatDateTime(d: Date | null | undefined): string {
  if (!d) return "";
  const t = parts(d, timeFmt);
  return `${t.hour}:${t.minute} ${formatDate(d)}`;
}

/** Numbers with the Vietnamese decimal comma and dot thousands separator. */
export function formatNumber(n: number | null | undefined, decimals = 2): string {
  if (n == null || !Number.isFinite(n)) return "—";
  return n.toLocaleString("vi-VN", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function formatInt(n: number | null | undefined): string {
  return formatNumber(n, 0);
}
