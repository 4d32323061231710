import { formatNumber } from "@/lib/i18n/format";

/** Figures as people read them: 2 decimals with the decimal comma; "—" where there is no number. */
export function pct(x: number | null | undefined): string {
  return formatNumber(x ?? null, 2);
}

export function ciText(low: number | null | undefined, high: number | null | undefined): string {
  return low == null || high == null ? "—" : `${formatNumber(low, 2)} – ${formatNumber(high, 2)}`;
}

export function hashPrefix(hash: string): string {
  return hash.slice(0, 12);
}

/** Positive integer from a route segment or query value, else null. */
export function idParam(v: string | string[] | undefined | null): number | null {
  const s = Array.isArray(v) ? v[0] : v;
  return s && /^[1-9]\d{0,8}$/.test(s) ? Number(s) : null;
}
