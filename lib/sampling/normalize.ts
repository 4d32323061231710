/**
 * Normalisation rules of §5 (deduplication) and of the frame import. Pure.
 *
 * Every text value is Unicode NFC first, so "Nguyễn" typed with combining accents and the
 * precomposed form compare equal.
 */

/** Unicode NFC. */
export function nfc(s: string): string {
  return s.normalize("NFC");
}

const WHITESPACE_RUN = /\s+/gu;

/** JavaScript's `\s` above ASCII: no-break and typographic spaces, separators, BOM. */
function isWideSpace(c: number): boolean {
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Whether a code unit leaves any string made of such code units in NFC: below U+0300
 * (Latin-1 and Latin Extended-A/B, IPA, spacing modifiers) or in U+1E00–U+1EFF (Latin
 * Extended Additional: every precomposed Vietnamese letter with a tone mark). Each of
 * these has NFC_Quick_Check=Yes and canonical combining class 0 and none composes with
 * another, so the Unicode quick check answers Yes; combining marks (U+0300–U+036F) are
 * outside both ranges. Precomposed Vietnamese therefore needs no normalize() call
 * (tests/unit/sampling/normalize.test.ts checks this against normalize()).
 */
export function isSurelyNfc(c: number): boolean {
  return c < 0x300 || (c >= 0x1e00 && c <= 0x1eff);
}

/**
 * Matches every string that cleanText may change: a space first, last or doubled, or a
 * code unit other than printable ASCII, U+007F–U+009F and those isSurelyNfc accepts
 * except the no-break space (so: control characters, every whitespace but the space, and
 * all that may not be NFC). The expression scans faster than a loop.
 */
const MAY_NEED_WORK = /^ | $| {2}|[^ -\u009f\u00a1-\u02ff\u1e00-\u1eff]/;

/**
 * A stored text value: NFC, trimmed, every run of whitespace (spaces, tabs, line breaks,
 * no-break spaces: JavaScript's `\s`) collapsed to one space. Case is kept.
 */
export function cleanText(s: string): string {
  // One scan decides whether there is any work: this runs on every field of a
  // million-record frame, and most values are already clean (plain ASCII or precomposed
  // Vietnamese, which are NFC already: isSurelyNfc). The slow path is the definition itself.
  if (!MAY_NEED_WORK.test(s)) return s;
  let composed = true;
  let messy = false;
  const last = s.length - 1;
  for (let i = 0; i <= last && !messy; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) messy = i === 0 || i === last || s.charCodeAt(i - 1) === 0x20;
    else if (c < 0x20) messy = true;
    else if (c > 0x7e) {
      messy = isWideSpace(c);
      if (composed && !isSurelyNfc(c)) composed = false;
    }
  }
  if (!messy) return composed ? s : s.normalize("NFC");
  return s.normalize("NFC").replace(WHITESPACE_RUN, " ").trim();
}

/** The comparison form of a name or address (§5): {@link cleanText}, then lower case. */
export function normalizeText(s: string): string {
  return cleanText(s).toLowerCase();
}

const NON_DIGITS = /\D+/g;
const ONLY_DIGITS = /^\d*$/;

/**
 * §5: digits only; a leading 84 (Vietnam's country code) becomes 0.
 * "+84 912.345.678" → "0912345678"; "(028) 3829 1234" → "02838291234". An input with no
 * digit gives "" (treated as "no phone"). Idempotent.
 */
export function normalizePhone(raw: string): string {
  const digits = ONLY_DIGITS.test(raw) ? raw : raw.replace(NON_DIGITS, "");
  return digits.startsWith("84") ? `0${digits.slice(2)}` : digits;
}

/** Mobile: 10 digits, 03x 05x 07x 08x 09x (the prefixes in use since the 2018 renumbering). */
const MOBILE = /^0[35789]\d{8}$/;
/** Landline: 11 digits, 02 + area code (the 2017 renumbering made every landline 02x…). */
const LANDLINE = /^02\d{9}$/;

/**
 * Whether a normalised phone is a Vietnamese number we accept: a 10-digit mobile starting
 * 03, 05, 07, 08 or 09, or an 11-digit landline starting 02.
 */
export function isValidPhone(normalized: string): boolean {
  return MOBILE.test(normalized) || LANDLINE.test(normalized);
}

/**
 * Plain string order by UTF-16 code units (JavaScript's `<`). For text inside the Basic
 * Multilingual Plane (all Vietnamese, all ASCII codes) this equals Unicode code-point
 * order and UTF-8 byte order, so other languages can reproduce it.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
