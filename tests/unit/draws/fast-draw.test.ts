import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copyText } from "@/lib/db/copy";
import { judgeTail, TAIL_CHECK_NFC, TAIL_CLEAN } from "@/lib/draws/draw-frame";
import { drawColumns } from "@/lib/draws/fast-draw";
import { frameReader } from "@/lib/draws/frame-columns";
import { anonymisedChecksum } from "@/lib/frames/anonymised";
import { runDraw } from "@/lib/sampling/draw";
import { SamplingInputError } from "@/lib/sampling/messages";
import { cleanText } from "@/lib/sampling/normalize";
import type { FrameRecord, StratumMode } from "@/lib/sampling/types";

// lib/draws/fast-draw.ts must give lib/sampling's draw byte for byte. These tests feed the
// columns reader rows as PostgreSQL's COPY writes them for frameSelect and compare every
// output with runDraw and the anonymised checksum on the same records.

const UNITS = new Map([[1, "S01"], [2, "S02"], [3, "X10"], [4, "S01A"]]);
const FIELDS = new Map([[1, "DAT_DAI"], [2, "HO_TICH"]]);

type Rec = FrameRecord & { id: number; unitId: number; fieldId: number | null; personKey: string };

/** Text an import would store, and text it never would (every slow path of judgeTail). */
const TEXT = [
  "Nguyễn Văn An", "Trần Thị Bình", "Số 1 Trần Phú, phường Hải Châu", "", "Lê C",
  "  hai  dấu cách ", "Nguye\u0302\u0303n NFD", "tab\there", "gạch \\ ngược", "nbsp\u00a0x", "line\nbreak", "cr\rlf",
  "漢字 テスト", "emoji 😀", "Ω ohm \u2126", "ﬁ ligature", "thin\u2009space", "bom\ufeff", "ctl\u0001x", "del\u007fx",
  "Ωmega", "\u0301dấu rời", "x ", " y", "À la", "ɐ ipa", "Ḁ ring",
];
const PHONES = ["0912345678", "", "0987 654 321", " 0905000111"];
const DATES = ["2025-01-02", "2025-03-15", "2025-03-16", "2025-08-31"];
const KEYS = ["p" + "1".repeat(64), "p" + "1".repeat(63) + "2", "n" + "a".repeat(64), "p" + "0f".repeat(32), "n" + "1".repeat(64)];

const arbRecords = (opts: { odd: boolean }) =>
  fc
    .array(
      fc.record({
        unitId: fc.constantFrom(1, 2, 3, 4),
        fieldId: fc.constantFrom<number | null>(1, 2, ...(opts.odd ? [null] : [])),
        kind: fc.constantFrom<"individual" | "organisation">("individual", "organisation"),
        resultDate: fc.constantFrom(...DATES),
        phone: fc.option(fc.constantFrom(...PHONES), { nil: null }),
        name: fc.option(fc.constantFrom(...TEXT), { nil: null }),
        address: fc.option(fc.constantFrom(...TEXT), { nil: null }),
        procedure: fc.option(fc.constantFrom(...TEXT), { nil: null }),
        personKey: fc.constantFrom(...KEYS, ...(opts.odd ? ["", "p\\x", "short"] : [])),
        // An odd dossier code now and then: one repeated in its unit, or not plain.
        dossier: opts.odd ? fc.constantFrom<string | null>(null, null, null, null, "HS 1", "HS-Đ", "HS\\1", "DUP") : fc.constant<string | null>(null),
      }),
      { maxLength: 60 },
    )
    .map((rows) =>
      rows.map((r, i): Rec => ({
        id: 1000 + i, unitId: r.unitId, fieldId: r.fieldId, unitCode: UNITS.get(r.unitId)!, fieldCode: r.fieldId === null ? null : FIELDS.get(r.fieldId)!,
        // Unique per unit unless odd; their order in the frame is shuffled below.
        dossierCode: r.dossier ?? `000.00.${r.unitId}.H56-25${String(i * 7919 % 1000).padStart(4, "0")}-${i}`,
        kind: r.kind, resultDate: r.resultDate, phone: r.phone, name: r.name ?? "", address: r.address, procedure: r.procedure, personKey: r.personKey,
      })),
    );

/** One row of frameSelect as COPY text writes it (what frameReader receives). */
function copyRow(r: Rec): Buffer {
  const cells = [
    copyText(r.dossierCode), r.resultDate, r.kind, copyText(r.phone ?? ""), copyText(r.fieldCode ?? ""), copyText(r.name), copyText(r.address ?? ""),
    copyText(r.procedure ?? ""), String(r.id), String(r.unitId), r.fieldId === null ? "\\N" : String(r.fieldId), copyText(r.personKey),
  ];
  return Buffer.from(`${cells.join("\t")}\n`, "utf8");
}

function read(records: readonly Rec[], mode: StratumMode) {
  const reader = frameReader(UNITS, FIELDS, mode, records.length);
  // As pg hands rows over: views of a larger buffer, reused afterwards.
  const scratch = Buffer.alloc(1 << 16);
  for (const r of records) {
    const row = copyRow(r);
    row.copy(scratch, 7);
    reader.row(scratch.subarray(7, 7 + row.length));
    scratch.fill(0x41);
  }
  return reader.done();
}

type Outcome = { error: string } | Record<string, unknown>;

function reference(records: readonly Rec[], mode: StratumMode, seed: string, n: number): Outcome {
  try {
    const r = runDraw({ seed, records, strata: mode, ruleFor: () => ({ kind: "quota", q: n }), reserveShare: "0.2" });
    return {
      seed: r.seed, algorithmVersion: r.algorithmVersion, frameChecksum: r.frameChecksum, allocationChecksum: r.allocationChecksum,
      anonymisedFrameChecksum: anonymisedChecksum(records, mode), allocation: r.allocation,
      strata: r.strata.map(({ code, unitCode, fieldCode, N, rawCount }) => ({ code, unitCode, fieldCode, N, rawCount })),
      selections: r.selections.map((p) => ({ stratum: p.stratum, dossierCode: p.dossierCode, role: p.role, order: p.order, key: p.key, inclusionProbability: p.inclusionProbability, recordId: p.record.id })),
      duplicates: r.duplicates.length,
    };
  } catch (err) {
    if (err instanceof SamplingInputError) return { error: err.message };
    throw err;
  }
}

describe("the draw over columns", () => {
  it("gives lib/sampling's draw byte for byte, in any row order, or declines (never another result)", () => {
    let fast = 0;
    fc.assert(
      fc.property(
        arbRecords({ odd: false }), fc.array(fc.nat(), { maxLength: 60 }), fc.constantFrom<StratumMode>("unit", "unit-field"),
        fc.constantFrom("XSKT 17/11/2025: 359214", "làm sạch", "s"), fc.integer({ min: 0, max: 12 }),
        (records, shuffle, mode, seed, n) => {
          const order = records.map((r, i) => ({ r, k: shuffle[i % Math.max(1, shuffle.length)] ?? 0 })).sort((a, b) => a.k - b.k).map((x) => x.r);
          const columns = read(order, mode);
          expect(columns.usable, columns.reason).toBe(true);
          const want = reference(records, mode, seed, n);
          const got = drawColumns(columns, { seed, ruleFor: () => ({ kind: "quota", q: n }), reserveShare: "0.2", anonymised: true });
          if (got === null) {
            // Declined: only when a dossier code repeats in a stratum.
            expect(records.some((r, i) => records.some((s, j) => j !== i && s.unitCode === r.unitCode && s.dossierCode === r.dossierCode))).toBe(true);
            return;
          }
          fast++;
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
    expect(fast).toBeGreaterThan(200);
  }, 60_000);

  it("takes frames it cannot draw the same way back to lib/sampling (unusable, or declined)", () => {
    fc.assert(
      fc.property(arbRecords({ odd: true }), fc.constantFrom<StratumMode>("unit", "unit-field"), fc.integer({ min: 0, max: 12 }), (records, mode, n) => {
        const columns = read(records, mode);
        const want = reference(records, mode, "s", n);
        if (!columns.usable) return;
        let got: ReturnType<typeof drawColumns>;
        try {
          got = drawColumns(columns, { seed: "s", ruleFor: () => ({ kind: "quota", q: n }), reserveShare: "0.2", anonymised: true });
        } catch (err) {
          // Only an error lib/sampling gives too.
          if (!(err instanceof SamplingInputError)) throw err;
          expect(want).toEqual({ error: err.message });
          return;
        }
        if (got !== null) expect(got).toEqual(want);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("says why it declines a frame", () => {
    const base: Rec = {
      id: 1, unitId: 1, fieldId: 1, unitCode: "S01", fieldCode: "DAT_DAI", dossierCode: "HS1", kind: "individual", resultDate: "2025-01-02",
      phone: null, name: "A", address: null, procedure: null, personKey: KEYS[0]!,
    };
    expect(read([base], "unit")).toMatchObject({ usable: true, records: 1 });
    expect(read([{ ...base, dossierCode: "HS 1" }], "unit").reason).toMatch(/dossier code/);
    expect(read([{ ...base, personKey: "" }], "unit").reason).toMatch(/person key/);
    expect(read([{ ...base, personKey: "p\\1" }], "unit").reason).toMatch(/person key/);
    expect(read([{ ...base, fieldId: null, fieldCode: null }], "unit-field").reason).toMatch(/field/);
    expect(read([{ ...base, unitId: 99 }], "unit").reason).toMatch(/unit 99/);
    expect(read([{ ...base, resultDate: "02/01/2025" }], "unit").reason).toMatch(/date/);
  });
});

describe("judgeTail", () => {
  const arbField = fc.oneof(fc.constantFrom(...TEXT), fc.string({ unit: fc.constantFrom(" ", "a", "\t", "\u00a0", "\u0301", "ệ", "Ω", "\u2003", "\\", "\u0001", "漢", "😀", "é") }));
  it("says clean only of fields that cleanText leaves as they are", () => {
    fc.assert(
      fc.property(fc.array(arbField, { minLength: 1, maxLength: 6 }), (fields) => {
        const tail = Buffer.from(fields.map((f) => copyText(f)).join("\t"), "utf8");
        const state = judgeTail(tail, 0, tail.length);
        const unchanged = fields.every((f) => cleanText(f) === f);
        if (state === TAIL_CLEAN) expect(unchanged).toBe(true);
        if (state === TAIL_CHECK_NFC) {
          const text = tail.toString("utf8");
          if (text.normalize("NFC") === text) expect(unchanged).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
