/**
 * Masked personal data for people who may not see it (monitors: SIPAS-METHOD §9): enough
 * to recognise that a record is a real person, not enough to identify or contact them.
 * Pure.
 */

/** "Nguyễn Văn An" → "Nguyễn V*** A***": the first word, then only initials. */
export function maskName(name: string): string {
  const words = name.normalize("NFC").trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return "";
  const [first, ...rest] = words;
  // A one-word name (rare, e.g. an organisation's acronym) keeps only its initial.
  if (rest.length === 0) return `${[...first!][0]}***`;
  return [first, ...rest.map((w) => `${[...w][0]}***`)].join(" ");
}

/** "0912345612" → "09******12". */
export function maskPhone(phone: string | null): string {
  if (!phone) return "";
  if (phone.length <= 4) return "*".repeat(phone.length);
  return `${phone.slice(0, 2)}${"*".repeat(phone.length - 4)}${phone.slice(-2)}`;
}

/** "Số 12 đường Trần Phú, phường Hải Châu" → "***, phường Hải Châu": only the last part (ward or commune). */
export function maskAddress(address: string | null): string {
  if (!address) return "";
  const parts = address.split(",").map((p) => p.trim()).filter(Boolean);
  return parts.length > 1 ? `***, ${parts[parts.length - 1]}` : "***";
}
