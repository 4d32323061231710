import { createHash } from "node:crypto";
import type { AllocationResult } from "./allocation";
import { ruleText } from "./allocation";
import { cleanText, compareCodeUnits } from "./normalize";
import { rationalText } from "./rational";
import type { FrameRecord } from "./types";

/** Stored with every draw; bump it whenever anything in lib/sampling changes a result. */
export const ALGORITHM_VERSION = "sipas-sample-v1";

/**
 * Canonical frame checksum, version 1 (docs/decisions/2026-11-23-sampling-algorithm.md).
 *
 * Input: the deduplicated frame, stratum by stratum. Each kept record becomes one line of
 * ten fields joined by TAB (U+0009):
 *   stratum code, unit code, dossier code, result date (yyyy-mm-dd),
 *   kind ("individual" | "organisation"), phone (normalised digits, or empty),
 *   field code (or empty), name, address (or empty), procedure (or empty)
 * every field passed through cleanText (NFC, whitespace runs → one space, trimmed), so no
 * field can contain TAB or LF. Lines are sorted by plain code-unit order of the whole
 * line (equal to UTF-8 byte order for BMP text), which makes the result independent of
 * the order of the file. The hashed text is `sipas-frame-v1` LF, then each line followed
 * by LF, encoded as UTF-8; the checksum is its SHA-256 in lowercase hex.
 * Every field is included so that a name, phone or address changed after the draw shows.
 */
export function frameChecksum(strata: readonly { code: string; records: readonly FrameRecord[] }[]): string {
  const h = createHash("sha256");
  h.update("sipas-frame-v1\n");
  // Every line starts with "<stratum>\t", and TAB sorts below every printable character,
  // so sorting strata by code + TAB and then lines within each stratum is the global order.
  const ordered = [...strata].sort((a, b) => compareCodeUnits(`${a.code}\t`, `${b.code}\t`));
  for (const s of ordered) {
    const lines = s.records.map((r) => frameLine(s.code, r));
    // The default sort compares strings by UTF-16 code units: the documented order.
    lines.sort();
    // The same bytes as one update per line, hashed in blocks: a million updates cost more
    // than the hashing itself.
    for (let i = 0; i < lines.length; i += 4096) h.update(`${lines.slice(i, i + 4096).join("\n")}\n`);
  }
  return h.digest("hex");
}

export function frameLine(stratum: string, r: FrameRecord): string {
  const c = cleanText;
  return (
    `${c(stratum)}\t${c(r.unitCode)}\t${c(r.dossierCode)}\t${c(r.resultDate)}\t${c(r.kind)}\t` +
    `${c(r.phone ?? "")}\t${c(r.fieldCode ?? "")}\t${c(r.name)}\t${c(r.address ?? "")}\t${c(r.procedure ?? "")}`
  );
}

/**
 * Allocation checksum, version 1: SHA-256 (hex) of the UTF-8 text
 *   `sipas-allocation-v1` LF `reserve` TAB <share as reduced fraction, e.g. 1/5> LF
 * then one line per stratum in code-unit order of the code:
 *   code TAB N_h TAB n_h TAB r_h TAB rule LF
 * where rule is ruleText (e.g. `yamane:e=1/20`, `quota:q=50`, `manual:n=40`,
 * `proportional:group=:total=1500:min=30`).
 */
export function allocationChecksum(allocation: AllocationResult): string {
  const h = createHash("sha256");
  h.update(`sipas-allocation-v1\nreserve\t${rationalText(allocation.reserveShare)}\n`);
  const ordered = [...allocation.strata].sort((a, b) => compareCodeUnits(a.code, b.code));
  for (const s of ordered) h.update(`${s.code}\t${s.N}\t${s.n}\t${s.r}\t${ruleText(s.rule)}\n`);
  return h.digest("hex");
}
