import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dammAppend, dammCheckDigit, dammIsValid } from "@/lib/forms/damm";

const substitute = (s: string, i: number, d: string): string => s.slice(0, i) + d + s.slice(i + 1);
const swap = (s: string, i: number): string => s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);

/** Every string obtained by changing one digit, and by swapping two unequal neighbours. */
function mistypes(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length; i++) {
    for (const d of "0123456789") if (d !== code[i]) out.push(substitute(code, i, d));
    if (i + 1 < code.length && code[i] !== code[i + 1]) out.push(swap(code, i));
  }
  return out;
}

describe("Damm check digit", () => {
  it("matches the published worked example (572 → 4)", () => {
    expect(dammCheckDigit("572")).toBe(4);
    expect(dammAppend("572")).toBe("5724");
    expect(dammIsValid("5724")).toBe(true);
    expect(dammIsValid("5727")).toBe(false);
  });

  it("catches every single-digit error and adjacent swap, exhaustively for all 4-digit bodies", () => {
    for (let n = 0; n < 10_000; n++) {
      const code = dammAppend(String(n).padStart(4, "0"));
      expect(dammIsValid(code)).toBe(true);
      for (const wrong of mistypes(code)) {
        if (dammIsValid(wrong)) throw new Error(`${wrong} (from ${code}) passed the check`);
      }
    }
  });

  it("catches every single-digit error and adjacent swap in random 13-digit bodies", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 13, maxLength: 13 }), (body) => {
        const code = dammAppend(body);
        return dammIsValid(code) && mistypes(code).every((wrong) => !dammIsValid(wrong));
      }),
      { numRuns: 2_000 },
    );
  });

  it("rejects empty, too short and non-digit input without throwing", () => {
    for (const bad of ["", "0", "12a4", "12 4", "١٢٣٤"]) expect(dammIsValid(bad)).toBe(false);
    expect(() => dammCheckDigit("12x")).toThrow(RangeError);
  });
});
