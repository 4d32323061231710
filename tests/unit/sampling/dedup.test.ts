import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { comparePreference, dedupStratum, personKey } from "@/lib/sampling/dedup";
import type { FrameRecord } from "@/lib/sampling/types";
import { arbFrame, permute, rec } from "./records";

describe("dedupStratum", () => {
  it("merges the same phone written differently and keeps the latest result", () => {
    const a = rec({ dossierCode: "HS001", phone: "0912345678", resultDate: "2025-03-15" });
    const b = rec({ dossierCode: "HS002", phone: "+84 912 345 678", resultDate: "2025-04-01" });
    const { kept, duplicates } = dedupStratum("S07", [a, b]);
    expect(kept).toEqual([b]);
    expect(duplicates).toEqual([{ stratum: "S07", reason: "phone", matchedOn: "0912345678", kept: b, dropped: a }]);
  });

  it("without a phone, merges the same name and address (case, spaces, NFC)", () => {
    const a = rec({ dossierCode: "HS001", name: "Lê Văn Cường", address: "Số 3 Hùng Vương" });
    const b = rec({ dossierCode: "HS002", name: "LÊ  VĂN CƯỜNG ", address: "so\u0302\u0301 3 hùng vương" });
    const { kept, duplicates } = dedupStratum("S07", [a, b]);
    expect(kept).toHaveLength(1);
    expect(duplicates[0]?.reason).toBe("name-address");
    expect(duplicates[0]?.matchedOn).toBe("lê văn cường | số 3 hùng vương");
  });

  it("on equal dates keeps the greater dossier code by code units (HS9 > HS10)", () => {
    const a = rec({ dossierCode: "HS10", phone: "0912345678" });
    const b = rec({ dossierCode: "HS9", phone: "0912345678" });
    expect(dedupStratum("S07", [a, b]).kept).toEqual([b]);
    expect(dedupStratum("S07", [b, a]).kept).toEqual([b]);
  });

  it("does not merge a record with a phone and one without, nor different phones", () => {
    const a = rec({ dossierCode: "HS001", phone: "0912345678", name: "An", address: "X" });
    const b = rec({ dossierCode: "HS002", phone: null, name: "An", address: "X" });
    const c = rec({ dossierCode: "HS003", phone: "0987654321", name: "An", address: "X" });
    expect(dedupStratum("S07", [a, b, c]).kept).toHaveLength(3);
  });

  it("reports every dropped record against the one finally kept (three of one person)", () => {
    const recs = ["2025-01-01", "2025-05-01", "2025-03-01"].map((d, i) =>
      rec({ dossierCode: `HS00${i}`, phone: "0912345678", resultDate: d }),
    );
    const { kept, duplicates } = dedupStratum("S07", recs);
    expect(kept.map((r) => r.dossierCode)).toEqual(["HS001"]);
    expect(duplicates.map((d) => [d.kept.dossierCode, d.dropped.dossierCode])).toEqual([
      ["HS001", "HS002"],
      ["HS001", "HS000"],
    ]);
  });

  it("property: nothing is dropped silently, one record per person, the kept one is preferred", () => {
    fc.assert(
      fc.property(arbFrame(), (records) => {
        const { kept, duplicates } = dedupStratum("S", records);
        expect(kept.length + duplicates.length).toBe(records.length);
        const keys = kept.map((r) => personKey(r).key);
        expect(new Set(keys).size).toBe(keys.length);
        for (const d of duplicates) {
          expect(personKey(d.kept).key).toBe(personKey(d.dropped).key);
          expect(comparePreference(d.kept, d.dropped)).toBeGreaterThan(0);
          expect(kept).toContain(d.kept);
        }
      }),
    );
  });

  it("property: the kept set does not depend on input order", () => {
    fc.assert(
      fc.property(arbFrame(), fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 1 }), (records, r) => {
        const codes = (xs: FrameRecord[]) => xs.map((x) => x.dossierCode).sort();
        expect(codes(dedupStratum("S", permute(records, r)).kept)).toEqual(codes(dedupStratum("S", records).kept));
      }),
    );
  });
});
