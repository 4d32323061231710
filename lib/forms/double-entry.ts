import { hash } from "node:crypto";

/**
 * Which forms are entered twice, blind (issue 5, "Double entry"). Pure and seeded by the
 * draw's seed, so anyone holding the seed and the selection keys can recompute the choice,
 * and nobody (clerks included) can predict it before the draw.
 *
 * Each selected person gets a score, the first 48 bits of
 * SHA-256(`seed|double-entry|selection key`) as a number in [0, 1); the persons with the
 * lowest scores are chosen. The draw takes exactly round(share × n) of its n forms, so
 * "10 %" means 10 % and not "about 10 %". A replacement form (one at a time, long after
 * the draw) is chosen when its own score is below the share: the same rule in the limit.
 */

const PURPOSE = "double-entry";

export function doubleEntryScore(seed: string, key: string): number {
  return score48(seed, key) / 2 ** 48;
}

/** The first 48 bits of the digest as an integer (exact in a double). One-shot hash: a lock scores 100,000s of keys. */
function score48(seed: string, key: string): number {
  const d = hash("sha256", `${seed}|${PURPOSE}|${key}`, "binary");
  const low = ((d.charCodeAt(2) << 24) | (d.charCodeAt(3) << 16) | (d.charCodeAt(4) << 8) | d.charCodeAt(5)) >>> 0;
  return d.charCodeAt(0) * 2 ** 40 + d.charCodeAt(1) * 2 ** 32 + low;
}

function assertShare(share: number): void {
  if (!Number.isFinite(share) || share < 0 || share > 1) {
    throw new RangeError(`Tỷ lệ nhập hai lần phải từ 0 đến 1 (nhận được ${share}).`);
  }
}

/** The keys chosen for double entry among `keys`: exactly round(share × keys.length) of them. */
export function pickDoubleEntry(seed: string, keys: readonly string[], share: number): Set<string> {
  assertShare(share);
  const count = Math.round(share * keys.length);
  const scores = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) scores[i] = score48(seed, keys[i]!);
  const order = new Int32Array(keys.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  // Ties would need a SHA-256 prefix collision; the key breaks them anyway, so the order is total.
  order.sort((a, b) => scores[a]! - scores[b]! || (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  const chosen = new Set<string>();
  for (let i = 0; i < count; i++) chosen.add(keys[order[i]!]!);
  return chosen;
}

/** For one form created after the draw (a replacement). */
export function isDoubleEntryReplacement(seed: string, key: string, share: number): boolean {
  assertShare(share);
  return doubleEntryScore(seed, key) < share;
}
