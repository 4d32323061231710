/**
 * The Damm check digit (H. Michael Damm, 2004).
 *
 * Why Damm rather than Luhn or a mod-11 scheme: with a totally anti-symmetric
 * quasigroup of order 10 it detects every single-digit substitution and every
 * transposition of two adjacent digits, always yields a decimal digit (no "X"
 * as ISBN-10 needs), and needs no weights. Those are exactly the two mistakes a
 * clerk or a respondent makes when typing a code off a paper form.
 *
 * Limitation: the quasigroup maps (0, 0) to 0, so leading zeros do not change
 * the check digit. Codes are therefore always of a fixed length (see form-code.ts).
 */

/** The standard table: row = interim digit, column = next input digit. */
const QUASIGROUP: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

const DIGITS = /^[0-9]*$/;

function interim(digits: string): number {
  if (!DIGITS.test(digits)) throw new RangeError(`Damm: not a digit string: ${JSON.stringify(digits)}`);
  let state = 0;
  for (let i = 0; i < digits.length; i++) {
    const row = QUASIGROUP[state];
    const next = row?.[digits.charCodeAt(i) - 48];
    if (next === undefined) throw new RangeError("Damm: table lookup out of range");
    state = next;
  }
  return state;
}

/** The check digit (0–9) for a string of decimal digits. */
export function dammCheckDigit(digits: string): number {
  return interim(digits);
}

/** The digits with their check digit appended. */
export function dammAppend(digits: string): string {
  return digits + String(interim(digits));
}

/**
 * True when the last digit is the correct Damm check digit of the ones before it.
 * Returns false (never throws) for an empty string or one with non-digits.
 */
export function dammIsValid(digitsWithCheck: string): boolean {
  if (digitsWithCheck.length < 2 || !DIGITS.test(digitsWithCheck)) return false;
  return interim(digitsWithCheck) === 0;
}
