import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { FingerprintSet, personFingerprint, stringFingerprint, type Halves } from "@/lib/frames/fingerprints";

describe("FingerprintSet", () => {
  it("behaves as a set of 64-bit values, through growth", () => {
    // High halves in one shard (many repeats) and spread over all shards.
    const highHalf = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 63 }).map((k) => (k * 0x04000000 + 7) >>> 0));
    fc.assert(
      fc.property(fc.array(fc.tuple(highHalf, fc.integer({ min: 0, max: 40 })), { maxLength: 2000 }), (pairs) => {
        const set = new FingerprintSet(4);
        const ref = new Set<string>();
        for (const [hi, lo] of pairs) {
          // (0, 0) is stored as (0, 1): the two are one value.
          const key = hi === 0 && lo === 0 ? "0:1" : `${hi}:${lo}`;
          expect(set.add(hi, lo)).toBe(ref.has(key));
          ref.add(key);
        }
        expect(set.size).toBe(ref.size);
      }),
    );
  });

  it("keeps the full 64 bits: values that differ in one half only are distinct", () => {
    const set = new FingerprintSet();
    expect(set.add(0xffffffff, 1)).toBe(false);
    expect(set.add(0x7fffffff, 1)).toBe(false);
    expect(set.add(0xffffffff, 2)).toBe(false);
    expect(set.add(-1, 1)).toBe(true);
  });
});

describe("fingerprints", () => {
  const out: Halves = { hi: 0, lo: 0 };
  const fp = (h: Halves) => `${h.hi}:${h.lo}`;

  it("a string's fingerprint depends on the string and the tag only", () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), (s, tag) => {
        expect(fp(stringFingerprint(s, tag, out))).toBe(fp(stringFingerprint(`${s}`, tag, { hi: 1, lo: 2 })));
      }),
    );
  });

  it("200,000 dossier codes in a few units give 200,000 fingerprints", () => {
    const set = new FingerprintSet();
    let repeated = 0;
    for (let i = 0; i < 200_000; i++) {
      const f = stringFingerprint(`000.00.${String(i % 500).padStart(3, "0")}.H56-25${String(i).padStart(8, "0")}`, i % 7, out);
      if (set.add(f.hi, f.lo)) repeated++;
    }
    expect(repeated).toBe(0);
    expect(set.size).toBe(200_000);
    // The same code in two units, and codes that differ by one letter or by order, stay apart.
    const seen = new FingerprintSet();
    for (const [s, tag] of [["HS-1", 1], ["HS-1", 2], ["HS-2", 1], ["SH-1", 1], ["HS-1 ", 1], ["hs-1", 1]] as const) {
      const f = stringFingerprint(s, tag, out);
      expect(seen.add(f.hi, f.lo)).toBe(false);
    }
  });

  it("a person's fingerprint separates units, fields and the two kinds of key", () => {
    const key = "p" + "3f".repeat(32);
    const all = [
      personFingerprint(key, 1, 0, { hi: 0, lo: 0 }),
      personFingerprint(key, 2, 0, { hi: 0, lo: 0 }),
      personFingerprint(key, 1, 5, { hi: 0, lo: 0 }),
      personFingerprint("n" + key.slice(1), 1, 0, { hi: 0, lo: 0 }),
      personFingerprint(`p3e${key.slice(3)}`, 1, 0, { hi: 0, lo: 0 }),
    ].map(fp);
    expect(new Set(all).size).toBe(all.length);
    expect(fp(personFingerprint(key, 1, 0, out))).toBe(all[0]);
  });
});
