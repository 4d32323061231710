import { cleanText, compareCodeUnits, normalizePhone, normalizeText } from "./normalize";
import type { DuplicateReason, FrameRecord } from "./types";

/** One record dropped in favour of another within a stratum. Never silent: it is reported. */
export type DuplicateEntry<T> = {
  stratum: string;
  reason: DuplicateReason;
  /** The normalised phone, or `name | address` in their normalised forms. */
  matchedOn: string;
  kept: T;
  dropped: T;
};

export type DedupResult<T> = { kept: T[]; duplicates: DuplicateEntry<T>[] };

/**
 * The identity of a person within a stratum (§5): the normalised phone when there is one,
 * otherwise the normalised name and address. A record with a phone never merges with one
 * without, even with the same name and address: the rule compares like with like.
 */
export function personKey(record: Pick<FrameRecord, "phone" | "name" | "address" | "personKey">): { reason: DuplicateReason; key: string } {
  const key = identity(record);
  return { reason: reasonOf(key), key };
}

/**
 * The key alone: digits for a phone, `name LF address` otherwise. normalizeText collapses
 * line breaks, so LF only ever appears as the separator and the two kinds cannot collide.
 */
function identity(record: Pick<FrameRecord, "phone" | "name" | "address" | "personKey">): string {
  if (record.personKey) return record.personKey;
  const phone = record.phone === null ? "" : normalizePhone(record.phone);
  return phone !== "" ? phone : `${normalizeText(record.name)}\n${normalizeText(record.address ?? "")}`;
}

/** A raw phone key is digits, a raw name key holds LF; a precomputed key starts with p or n. */
function reasonOf(key: string): DuplicateReason {
  return key.includes("\n") || key.startsWith("n") ? "name-address" : "phone";
}

/**
 * Which of two records of the same person is kept: the later result date; on a tie the
 * greater dossier code by plain code-unit comparison ("HS10" < "HS9": it is a string
 * order, not a numeric one). Records equal on both are the same dossier listed twice; a
 * last comparison of their remaining fields only makes the choice independent of input
 * order. Returns > 0 when `a` wins.
 */
export function comparePreference(a: FrameRecord, b: FrameRecord): number {
  return (
    compareCodeUnits(a.resultDate, b.resultDate) ||
    compareCodeUnits(a.dossierCode, b.dossierCode) ||
    compareCodeUnits(tieText(a), tieText(b))
  );
}

function tieText(r: FrameRecord): string {
  return [r.unitCode, r.kind, r.phone ?? "", r.fieldCode ?? "", r.name, r.address ?? "", r.procedure ?? ""]
    .map(cleanText)
    .join("\t");
}

/**
 * Deduplicates one stratum's records. `kept` keeps the input order of the surviving
 * records; `duplicates` lists every dropped record with the record it was merged into,
 * sorted by kept then dropped dossier code.
 */
export function dedupStratum<T extends FrameRecord>(stratum: string, records: readonly T[]): DedupResult<T> {
  const first = new Map<string, number>();
  // Only keys seen more than once get an array: most people appear once.
  const repeated = new Map<string, number[]>();
  for (let i = 0; i < records.length; i++) {
    const key = identity(records[i] as T);
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, i);
      continue;
    }
    const group = repeated.get(key);
    if (group) group.push(i);
    else repeated.set(key, [seen, i]);
  }
  if (repeated.size === 0) return { kept: records.slice(), duplicates: [] };

  const dropped = new Uint8Array(records.length);
  const duplicates: DuplicateEntry<T>[] = [];
  for (const [key, indexes] of repeated) {
    const reason = reasonOf(key);
    let best = indexes[0] as number;
    for (const i of indexes) if (comparePreference(records[i] as T, records[best] as T) > 0) best = i;
    const kept = records[best] as T;
    const matchedOn = reason === "phone" ? key : key.replace("\n", " | ");
    for (const i of indexes) {
      if (i === best) continue;
      dropped[i] = 1;
      duplicates.push({ stratum, reason, matchedOn, kept, dropped: records[i] as T });
    }
  }
  duplicates.sort(
    (a, b) =>
      compareCodeUnits(a.kept.dossierCode, b.kept.dossierCode) ||
      -comparePreference(a.dropped, b.dropped),
  );
  return { kept: records.filter((_, i) => dropped[i] === 0), duplicates };
}
