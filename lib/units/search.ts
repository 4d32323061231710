/**
 * Accent-insensitive search of the registry, pure. PostgreSQL's unaccent extension is not
 * available, and the registry is small (hundreds to a few thousand units), so matching is
 * done in JS on a folded form: Unicode NFD, combining marks removed, đ → d, lower case,
 * whitespace collapsed. "xa an phu" then finds "UBND xã An Phú", and text typed with
 * combining accents finds text stored precomposed.
 */
export function foldSearch(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Every word of the query occurs in the code, the name or the short name. */
export function matchesQuery(unit: { code: string; name: string; shortName?: string | null }, query: string): boolean {
  const words = foldSearch(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const hay = foldSearch(`${unit.code} ${unit.name} ${unit.shortName ?? ""}`);
  return words.every((w) => hay.includes(w));
}
