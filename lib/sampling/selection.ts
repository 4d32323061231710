import { hash } from "node:crypto";
import { SamplingInputError, samplingMessages } from "./messages";
import { nfc } from "./normalize";
import type { SelectionRole } from "./types";

/**
 * Seeded selection (§5). SHA-256 is deterministic, so node:crypto's hash is allowed in
 * this pure module; nothing here reads the clock or a random source.
 */

const SEED_FORBIDDEN = /[|\p{Cc}]/u;

/**
 * The seed as used in keys: NFC, trimmed; 1–200 characters, no "|" (the key separator:
 * forbidding it makes `seed|stratum|dossier` unambiguous, since codes cannot hold "|"
 * either) and no control characters.
 */
export function normalizeSeed(raw: string): string {
  const seed = nfc(raw).trim();
  if (seed.length === 0 || seed.length > 200 || SEED_FORBIDDEN.test(seed)) {
    throw new SamplingInputError(samplingMessages.badSeed);
  }
  return seed;
}

/** key = lowercase hex SHA-256 of the UTF-8 string `seed|stratum code|dossier code`. */
export function selectionKey(seed: string, stratum: string, dossierCode: string): string {
  return hash("sha256", `${seed}|${stratum}|${dossierCode}`, "hex");
}

export type SelectedPerson<T> = {
  stratum: string;
  dossierCode: string;
  role: SelectionRole;
  /** 1-based within the stratum and role: main 1…n_h, reserve 1…r_h (the replacement order). */
  order: number;
  key: string;
  /**
   * π = n_h / N_h for main and reserve alike. For a reserve person this is the stratum's
   * design probability, not the chance of being contacted: a reserve only replaces a
   * main form that could not be collected, and the estimator weights use returned forms.
   */
  inclusionProbability: number;
  record: T;
};

/** One person a stratum's draw picks: their index among the stratum's dossier codes, and how. */
export type Pick = { index: number; role: "main" | "reserve"; order: number; key: string; inclusionProbability: number };

/**
 * Draws one stratum of N people given by their dossier codes (`codeAt(i)`, i < N): keys for
 * every one, sorted ascending; the first n are main, the next r reserve, in order. Depends
 * only on the seed, the stratum code and the stratum's dossier codes, never on their order
 * or on other strata. Dossier codes must be unique within the stratum (the draw checks this).
 */
export function pickStratum(seed: string, stratum: string, N: number, codeAt: (i: number) => string, n: number, r: number): Pick[] {
  if (n + r > N || n < 0 || r < 0) throw new Error(`selectStratum: n=${n}, r=${r} with N=${N}`);
  if (n + r === 0) return [];
  const prefix = `${seed}|${stratum}|`;
  // Digests as "binary" (latin1) strings, one character per byte: they sort exactly like
  // their hex form, at half the size; only the selected ones are turned into hex.
  const keys = new Array<string>(N);
  for (let i = 0; i < N; i++) keys[i] = hash("sha256", prefix + codeAt(i), "binary");
  const order = firstByKey(keys, n + r);
  const pi = n / N;
  const out: Pick[] = [];
  for (let j = 0; j < n + r; j++) {
    const index = order[j] as number;
    const main = j < n;
    out.push({
      index,
      role: main ? "main" : "reserve",
      order: main ? j + 1 : j - n + 1,
      key: Buffer.from(keys[index] as string, "latin1").toString("hex"),
      inclusionProbability: pi,
    });
  }
  return out;
}

/** pickStratum over records: each pick with its record. */
export function selectStratum<T extends { dossierCode: string }>(
  seed: string,
  stratum: string,
  records: readonly T[],
  n: number,
  r: number,
): SelectedPerson<T>[] {
  return pickStratum(seed, stratum, records.length, (i) => (records[i] as T).dossierCode, n, r).map(({ index, ...pick }) => {
    const record = records[index] as T;
    return { stratum, dossierCode: record.dossierCode, ...pick, record };
  });
}

/** Indexes per stratum that fit beside a 32-bit key prefix in a double's 53 bits. */
const INDEX_SPAN = 2 ** 21;

/**
 * Indexes of the `count` smallest keys, ascending; equal keys (one dossier code listed
 * twice) by index. Each key's first four bytes and its index are packed into one double,
 * so a typed-array sort (native, no comparator, no string compares) orders them; the rare
 * runs of equal prefixes are then put in full key order. Same order as sorting by
 * (key, index), several times faster than sorting the strings.
 */
export function firstByKey(keys: readonly string[], count: number): number[] {
  const N = keys.length;
  if (N >= INDEX_SPAN) return firstByKeySlow(keys, count);
  const packed = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const k = keys[i] as string;
    const hi = ((k.charCodeAt(0) << 24) | (k.charCodeAt(1) << 16) | (k.charCodeAt(2) << 8) | k.charCodeAt(3)) >>> 0;
    packed[i] = hi * INDEX_SPAN + i;
  }
  packed.sort();
  const out = new Array<number>(count);
  let j = 0;
  while (j < count) {
    const hi = Math.floor((packed[j] as number) / INDEX_SPAN);
    let end = j + 1;
    while (end < N && Math.floor((packed[end] as number) / INDEX_SPAN) === hi) end++;
    if (end - j === 1) {
      out[j] = (packed[j] as number) - hi * INDEX_SPAN;
      j++;
      continue;
    }
    // Equal 32-bit prefixes: order this run by the whole key, then by index.
    const run: number[] = [];
    for (let x = j; x < end; x++) run.push((packed[x] as number) - hi * INDEX_SPAN);
    run.sort((a, b) => compareKeys(keys, a, b));
    for (let x = 0; x < run.length && j < count; x++) out[j++] = run[x] as number;
  }
  return out;
}

function compareKeys(keys: readonly string[], a: number, b: number): number {
  const ka = keys[a] as string;
  const kb = keys[b] as string;
  return ka < kb ? -1 : ka > kb ? 1 : a - b;
}

/** The plain definition: every index sorted by (key, index). */
export function firstByKeySlow(keys: readonly string[], count: number): number[] {
  const all = keys.map((_, i) => i);
  all.sort((a, b) => compareKeys(keys, a, b));
  return all.slice(0, count);
}
