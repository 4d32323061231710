import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { doubleEntryScore, isDoubleEntryReplacement, pickDoubleEntry } from "@/lib/forms/double-entry";

const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);

describe("double-entry choice", () => {
  it("takes exactly round(share × n) forms, whatever the order of the keys", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.string(), (n, share, seed) => {
        const ks = keys(n);
        const a = pickDoubleEntry(seed, ks, share);
        expect(a.size).toBe(Math.round(share * n));
        expect(pickDoubleEntry(seed, [...ks].reverse(), share)).toEqual(a);
      }),
    );
  });

  it("depends on the seed (nobody can predict it before the draw) and is reproducible", () => {
    const ks = keys(200);
    const a = pickDoubleEntry("XSKT 802417", ks, 0.1);
    expect(pickDoubleEntry("XSKT 802417", ks, 0.1)).toEqual(a);
    expect(pickDoubleEntry("XSKT 802418", ks, 0.1)).not.toEqual(a);
  });

  it("a larger share keeps every form a smaller share chose", () => {
    const ks = keys(150);
    const small = pickDoubleEntry("s", ks, 0.1);
    const large = pickDoubleEntry("s", ks, 0.3);
    for (const k of small) expect(large.has(k)).toBe(true);
  });

  it("0 % and 100 % mean none and all; replacements follow the same scores", () => {
    expect(pickDoubleEntry("s", keys(10), 0).size).toBe(0);
    expect(pickDoubleEntry("s", keys(10), 1).size).toBe(10);
    expect(isDoubleEntryReplacement("s", "k1", 1)).toBe(true);
    expect(isDoubleEntryReplacement("s", "k1", 0)).toBe(false);
    expect(isDoubleEntryReplacement("s", "k1", 0.5)).toBe(doubleEntryScore("s", "k1") < 0.5);
    expect(() => pickDoubleEntry("s", keys(3), 1.5)).toThrow(RangeError);
  });

  it("scores look uniform", () => {
    const scores = keys(4000).map((k) => doubleEntryScore("seed", k));
    const below = scores.filter((x) => x < 0.25).length / scores.length;
    expect(below).toBeGreaterThan(0.22);
    expect(below).toBeLessThan(0.28);
  });

  it("scores and chooses as the first version did (createHash, readUIntBE, a sort of objects)", () => {
    const score = (seed: string, key: string) => createHash("sha256").update(`${seed}|double-entry|${key}`, "utf8").digest().readUIntBE(0, 6) / 2 ** 48;
    const pick = (seed: string, ks: readonly string[], share: number) => {
      const scored = ks.map((key) => ({ key, score: score(seed, key) }));
      scored.sort((a, b) => a.score - b.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return new Set(scored.slice(0, Math.round(share * ks.length)).map((x) => x.key));
    };
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { maxLength: 80 }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, ks, share) => {
        for (const k of ks) expect(doubleEntryScore(seed, k)).toBe(score(seed, k));
        expect(pickDoubleEntry(seed, ks, share)).toEqual(pick(seed, ks, share));
      }),
    );
    // Lone surrogates are encoded alike.
    expect(doubleEntryScore("\ud800", "k\udfff")).toBe(score("\ud800", "k\udfff"));
  });
});
