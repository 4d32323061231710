import { SamplingInputError, samplingMessages } from "./messages";

/** A non-negative rational number held exactly (BigInt), always reduced. */
export type Rational = { num: bigint; den: bigint };

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function reduce(num: bigint, den: bigint): Rational {
  const g = gcd(num, den);
  return g === 0n ? { num: 0n, den: 1n } : { num: num / g, den: den / g };
}

const DECIMAL = /^(\d+)?(?:[.,](\d{1,12}))?(%?)$/;

/**
 * Parses a non-negative decimal written by a person into an exact rational, so that no
 * binary floating point ever enters a sample size: "0.05", ",05", "0,05" (Vietnamese
 * decimal comma) and "5%" all give 1/20. At most 12 decimals.
 */
export function parseDecimal(value: string, what: string): Rational {
  const m = DECIMAL.exec(value.trim());
  const intPart = m?.[1] ?? "";
  const fracPart = m?.[2] ?? "";
  if (!m || (intPart === "" && fracPart === "")) {
    throw new SamplingInputError(samplingMessages.badDecimal(what, value));
  }
  const scale = 10n ** BigInt(fracPart.length) * (m[3] === "%" ? 100n : 1n);
  return reduce(BigInt(intPart || "0") * 10n ** BigInt(fracPart.length) + BigInt(fracPart || "0"), scale);
}

/** ceil(a / b) for a ≥ 0, b > 0. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** "1/20": the canonical text of a rational, used in checksums. */
export function rationalText(r: Rational): string {
  return `${r.num}/${r.den}`;
}
