import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { allocate } from "@/lib/sampling/allocation";
import { ALGORITHM_VERSION, allocationChecksum, frameChecksum } from "@/lib/sampling/checksum";
import { runDraw, type DrawInput } from "@/lib/sampling/draw";
import { compareDraws, toStoredDraw, verifyDraw } from "@/lib/sampling/verify";
import type { FrameRecord } from "@/lib/sampling/types";
import { rec } from "./records";

const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

describe("frameChecksum", () => {
  it("is SHA-256 of the documented canonical text", () => {
    const a = rec({ dossierCode: "HS2", name: "  Nguyễn   Văn An ", phone: "0912345678", fieldCode: "DAT_DAI" });
    const b = rec({ dossierCode: "HS1", address: null, phone: "0987654321" });
    const text =
      "sipas-frame-v1\n" +
      "S07\tS07\tHS1\t2025-03-15\tindividual\t0987654321\t\tNgười HS1\t\t\n" +
      "S07\tS07\tHS2\t2025-03-15\tindividual\t0912345678\tDAT_DAI\tNguyễn Văn An\tĐịa chỉ HS2\t\n";
    expect(frameChecksum([{ code: "S07", records: [a, b] }])).toBe(sha(text));
  });

  it("is independent of order, sensitive to any field, NFC-insensitive", () => {
    const r = [rec({ dossierCode: "A" }), rec({ dossierCode: "B", unitCode: "S08" })];
    const strata = (xs: FrameRecord[]) => [
      { code: "S08", records: xs.filter((x) => x.unitCode === "S08") },
      { code: "S07", records: xs.filter((x) => x.unitCode === "S07") },
    ];
    const base = frameChecksum(strata(r));
    expect(frameChecksum(strata([...r].reverse()).reverse())).toBe(base);
    expect(frameChecksum(strata([rec({ dossierCode: "A", address: "Địa chỉ khác" }), r[1]!]))).not.toBe(base);
    const nfd = rec({ dossierCode: "A", name: "Người A".normalize("NFD") });
    expect(frameChecksum(strata([nfd, r[1]!]))).toBe(base);
  });

  it("orders strata as whole lines: S1 before S10 (TAB sorts below every printable character)", () => {
    const s1 = { code: "S1", records: [rec({ dossierCode: "A", unitCode: "S1" })] };
    const s10 = { code: "S10", records: [rec({ dossierCode: "A", unitCode: "S10" })] };
    expect(frameChecksum([s10, s1])).toBe(frameChecksum([s1, s10]));
  });
});

describe("allocationChecksum", () => {
  it("is the documented canonical text; 0.05 and 5% give the same", () => {
    const a = allocate([{ code: "S07", N: 80, rule: { kind: "yamane", e: "0.05" } }], "0.2");
    const text = "sipas-allocation-v1\nreserve\t1/5\nS07\t80\t67\t13\tyamane:e=1/20\n";
    expect(allocationChecksum(a)).toBe(sha(text));
    const b = allocate([{ code: "S07", N: 80, rule: { kind: "yamane", e: "5%" } }], "20%");
    expect(allocationChecksum(b)).toBe(allocationChecksum(a));
  });
});

describe("verifyDraw", () => {
  const records = Array.from({ length: 40 }, (_, i) =>
    rec({ unitCode: i % 2 ? "S07" : "S08", dossierCode: `HS${String(i).padStart(3, "0")}`, phone: `09${String(i).padStart(8, "0")}` }),
  );
  const input: DrawInput<FrameRecord> = {
    seed: "123",
    records,
    strata: "unit",
    ruleFor: () => ({ kind: "quota", q: 5 }),
    reserveShare: "0.4",
  };
  const stored = toStoredDraw(runDraw(input));

  it("matches on a re-run, whatever the record order", () => {
    expect(stored.algorithmVersion).toBe(ALGORITHM_VERSION);
    expect(verifyDraw({ ...input, records: [...records].reverse() }, stored)).toEqual({ matches: true });
  });

  it("says what differs: swapped orders, a missing and an extra person, changed n_h", () => {
    const tampered = structuredClone(stored);
    const s07 = tampered.selections.filter((s) => s.stratum === "S07");
    const [first, second] = [s07[0]!, s07[1]!];
    [first.order, second.order] = [second.order, first.order];
    const lastReserve = s07.filter((s) => s.role === "reserve").at(-1)!;
    const replaced = lastReserve.dossierCode;
    lastReserve.dossierCode = "HS999";
    tampered.strata.find((s) => s.code === "S08")!.n = 6;
    const result = compareDraws(tampered, stored);
    expect(result.matches).toBe(false);
    if (result.matches) return;
    expect(result.frameChecksum).toBeUndefined();
    expect(result.strata.map((s) => s.stratum)).toEqual(["S07", "S08"]);
    const d07 = result.strata[0]!;
    expect(d07.reordered.map((r) => r.dossierCode).sort()).toEqual([first.dossierCode, second.dossierCode].sort());
    expect(d07.missing).toEqual([{ dossierCode: replaced, role: "reserve", order: 2 }]);
    expect(d07.extra).toEqual([{ dossierCode: "HS999", role: "reserve", order: 2 }]);
    expect(result.strata[1]!.sizes).toEqual([{ field: "n", stored: 6, recomputed: 5 }]);
  });

  it("reports a changed frame, seed or allocation by checksum", () => {
    const edited = records.map((r, i) => (i === 3 ? { ...r, address: "Đã sửa" } : r));
    const result = verifyDraw({ ...input, records: edited }, stored);
    expect(result.matches).toBe(false);
    if (!result.matches) {
      expect(result.frameChecksum?.stored).toBe(stored.frameChecksum);
      expect(result.strata).toEqual([]); // same people drawn: only the frame text changed
    }
    const other = verifyDraw({ ...input, seed: "124" }, stored);
    expect(other.matches === false && other.seed !== undefined && other.strata.length > 0).toBe(true);
    const quota = verifyDraw({ ...input, ruleFor: () => ({ kind: "quota", q: 6 }) }, stored);
    expect(quota.matches === false && quota.allocationChecksum !== undefined).toBe(true);
  });
});
