/** Shapes shared by the sampling modules. Pure. */

/** `unit`: one stratum per unit (code = unit code); `unit-field`: unit × field (`S07/DAT_DAI`). */
export type StratumMode = "unit" | "unit-field";

export type RespondentKind = "individual" | "organisation";

/**
 * One clean frame record (one dossier), as the import produces it: every text NFC,
 * trimmed, whitespace collapsed; phone normalised (digits, 84 → 0) or null; dates ISO.
 */
export type FrameRecord = {
  unitCode: string;
  dossierCode: string;
  name: string;
  kind: RespondentKind;
  address: string | null;
  phone: string | null;
  fieldCode: string | null;
  procedure: string | null;
  /** yyyy-mm-dd: ISO dates compare correctly as strings. */
  resultDate: string;
  /**
   * A precomputed identity for deduplication, used instead of phone/name/address when
   * present: the database and the anonymised frame export carry a salted hash of the
   * identity (lib/frames/person-key.ts) so that a monitor can re-run the draw without
   * personal data. Its first character gives the reason: "p" phone, "n" name and address.
   */
  personKey?: string;
};

/** The size rule of one stratum; a plan may give each level or block its own (§5). */
export type AllocationRule =
  /** n_h = ceil(N_h / (1 + N_h·e²)); e a decimal string such as "0.05", computed exactly. */
  | { kind: "yamane"; e: string }
  /** n_h = min(q, N_h). */
  | { kind: "quota"; q: number }
  /**
   * A total allocated in proportion to N_h over every stratum with the same `group`
   * (largest remainders), then raised to min(min, N_h). All strata of a group must give
   * the same total and min.
   */
  | { kind: "proportional"; total: number; min: number; group?: string }
  /** A size set by hand for this stratum: n_h = min(n, N_h). */
  | { kind: "manual"; n: number };

export type SelectionRole = "main" | "reserve";

/** Reasons a record was merged into another within a stratum (§5). */
export type DuplicateReason = "phone" | "name-address";
