import { createHash } from "node:crypto";

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
  const digest = createHash("sha256").update(`${seed}|${PURPOSE}|${key}`, "utf8").digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
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
  const scored = keys.map((key) => ({ key, score: doubleEntryScore(seed, key) }));
  // Ties would need a SHA-256 prefix collision; the key breaks them anyway, so the order is total.
  scored.sort((a, b) => a.score - b.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new Set(scored.slice(0, count).map((s) => s.key));
}

/** For one form created after the draw (a replacement). */
export function isDoubleEntryReplacement(seed: string, key: string, share: number): boolean {
  assertShare(share);
  return doubleEntryScore(seed, key) < share;
}
