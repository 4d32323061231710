import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FORM_CODE_LENGTH,
  FORM_CODE_LIMITS,
  encodeFormCode,
  formatFormCode,
  isCanonicalFormCode,
  parseFormCode,
  type TFormCodeParse,
} from "@/lib/forms/form-code";

const SAMPLE = encodeFormCode({ plan: 1, unit: 42, seq: 17 });

function failure(r: TFormCodeParse): { error: string; reason: string } {
  if (r.ok) throw new Error(`expected a rejection, got ${r.code}`);
  return r;
}

describe("form codes", () => {
  it("lays out plan, unit, sequence and check digit as PPP-UUUUU-SSSSS-C", () => {
    expect(SAMPLE).toMatch(/^0010004200017\d$/);
    expect(SAMPLE).toHaveLength(FORM_CODE_LENGTH);
    expect(formatFormCode(SAMPLE)).toBe(`001-00042-00017-${SAMPLE.slice(-1)}`);
    expect(formatFormCode("not a code")).toBe("not a code");
  });

  it("round-trips every plan, unit and sequence", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: FORM_CODE_LIMITS.plan }),
        fc.integer({ min: 1, max: FORM_CODE_LIMITS.unit }),
        fc.integer({ min: 1, max: FORM_CODE_LIMITS.seq }), (plan, unit, seq) => {
        const code = encodeFormCode({ plan, unit, seq });
        const back = parseFormCode(formatFormCode(code));
        return back.ok && back.code === code && back.parts.plan === plan && back.parts.unit === unit && back.parts.seq === seq;
      }),
      { numRuns: 1_000 },
    );
  });

  it("accepts what people type: dashes, spaces, typographic dashes, full-width digits", () => {
    const grouped = formatFormCode(SAMPLE);
    for (const typed of [SAMPLE, grouped, ` ${grouped.replaceAll("-", " ")} `, grouped.replaceAll("-", "–"), grouped.replaceAll("-", "."),
      SAMPLE.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))]) {
      const r = parseFormCode(typed);
      expect(r.ok && r.code).toBe(SAMPLE);
    }
    expect(isCanonicalFormCode(SAMPLE)).toBe(true);
    expect(isCanonicalFormCode(grouped)).toBe(false);
  });

  it("says the code is missing, has letters, or has the wrong number of digits", () => {
    expect(failure(parseFormCode("  ")).error).toBe("EMPTY");
    const letters = failure(parseFormCode("OO1-00042-00017-6"));
    expect(letters.error).toBe("CHARACTERS");
    expect(letters.reason).toContain("“O”");
    const short = failure(parseFormCode(SAMPLE.slice(0, 13)));
    expect(short.error).toBe("LENGTH");
    expect(short.reason).toContain("14 chữ số");
    expect(short.reason).toContain("13 chữ số");
  });

  it("flags every mistyped digit and every swap of neighbouring digits as a check-digit error", () => {
    const codes = [SAMPLE, encodeFormCode({ plan: 999, unit: 99_999, seq: 99_999 }), encodeFormCode({ plan: 12, unit: 3456, seq: 789 })];
    for (const code of codes) {
      for (let i = 0; i < code.length; i++) {
        for (const d of "0123456789") {
          if (d === code[i]) continue;
          expect(failure(parseFormCode(code.slice(0, i) + d + code.slice(i + 1))).error).toBe("CHECK_DIGIT");
        }
        if (i + 1 < code.length && code[i] !== code[i + 1]) {
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          expect(failure(parseFormCode(swapped)).error).toBe("CHECK_DIGIT");
        }
      }
    }
    const reason = failure(parseFormCode(SAMPLE.slice(0, -1) + ((Number(SAMPLE.slice(-1)) + 1) % 10))).reason;
    expect(reason).toContain("gõ nhầm một chữ số");
    expect(reason).toContain("đảo chỗ hai chữ số đứng cạnh nhau");
    expect(reason).toContain("phiếu giấy");
  });

  it("rejects a well-formed code whose plan, unit or sequence is zero", () => {
    expect(failure(parseFormCode("0".repeat(14))).error).toBe("RANGE");
  });

  it("refuses to encode parts out of range", () => {
    for (const parts of [{ plan: 0, unit: 1, seq: 1 }, { plan: 1000, unit: 1, seq: 1 }, { plan: 1, unit: 100_000, seq: 1 }, { plan: 1, unit: 1, seq: 1.5 }]) {
      expect(() => encodeFormCode(parts)).toThrow(RangeError);
    }
  });
});
