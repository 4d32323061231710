import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/audit/chain";
import type { IndexInput } from "@/lib/sipas/engine-input";
import type { PlanMethod } from "./method";

/**
 * SHA-256 of everything a computation depends on: the method settings, the questionnaire,
 * the units (names, levels and blocks are shown beside the figures), the strata and their
 * populations, and every counted form's code, stratum and answers. Free-text comments are
 * left out: no figure depends on them. Pure, and defined on the engine's input, so the
 * same hash comes out of the database and out of the open-data folder exported from it.
 */
export const INPUTS_HASH_VERSION = "sipas-inputs-v1";

export function inputsHash(input: IndexInput, method: PlanMethod): string {
  const h = createHash("sha256");
  h.update(
    canonicalJson({
      v: INPUTS_HASH_VERSION,
      method,
      questionnaire: input.questionnaire,
      units: input.units,
      strata: input.strata,
      forms: input.forms.count,
    }),
  );
  const f = input.forms;
  h.update("\n");
  h.update(f.codes.join("\n"));
  // Typed arrays are hashed as their bytes (little-endian on every platform Node runs on here).
  h.update(new Uint8Array(f.stratum.buffer, f.stratum.byteOffset, f.stratum.byteLength));
  h.update(f.satisfaction);
  for (const col of f.choices) h.update(new Uint8Array(col.buffer, col.byteOffset, col.byteLength));
  return h.digest("hex");
}
