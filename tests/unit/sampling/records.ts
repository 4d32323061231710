import fc from "fast-check";
import type { FrameRecord } from "@/lib/sampling/types";

/** A valid record with overridable fields. */
export function rec(over: Partial<FrameRecord> & { dossierCode: string }): FrameRecord {
  return {
    unitCode: "S07",
    name: `Người ${over.dossierCode}`,
    kind: "individual",
    address: `Địa chỉ ${over.dossierCode}`,
    phone: null,
    fieldCode: null,
    procedure: null,
    resultDate: "2025-03-15",
    ...over,
  };
}

/** Records with a few units, some shared phones and names, unique dossier codes per unit. */
export const arbFrame = (maxLength = 60) =>
  fc
    .array(
      fc.record({
        unitCode: fc.constantFrom("S01", "S02", "S10"),
        phone: fc.option(fc.constantFrom("0912345678", "+84 912 345 678", "0987654321", "02363812345"), { nil: null }),
        name: fc.constantFrom("Nguyễn Văn An", "nguyễn  văn an", "Trần Thị Bình", "Lê C"),
        address: fc.option(fc.constantFrom("Số 1 Trần Phú", "số 1 trần phú ", "Thôn 2"), { nil: null }),
        fieldCode: fc.constantFrom("DAT_DAI", "HO_TICH"),
        resultDate: fc.constantFrom("2025-01-02", "2025-03-15", "2025-03-16", "2025-08-31"),
      }),
      { maxLength },
    )
    .map((rows) => rows.map((r, i): FrameRecord => rec({ ...r, dossierCode: `HS${String(i).padStart(4, "0")}` })));

/** Fisher–Yates with a fast-check-provided sequence: a permutation of `xs`. */
export function permute<T>(xs: readonly T[], randoms: readonly number[]): T[] {
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor((randoms[i % Math.max(1, randoms.length)] ?? 0) * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
