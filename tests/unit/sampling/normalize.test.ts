import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cleanText, compareCodeUnits, isSurelyNfc, isValidPhone, nfc, normalizePhone, normalizeText } from "@/lib/sampling/normalize";

describe("normalizePhone", () => {
  it.each([
    ["0912345678", "0912345678"],
    ["+84 912 345 678", "0912345678"],
    ["84912345678", "0912345678"],
    ["(+84) 91-234-5678", "0912345678"],
    ["0912.345.678", "0912345678"],
    ["(0236) 3812 345", "02363812345"],
    ["không có", ""],
    ["", ""],
  ])("%s → %s", (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it("is idempotent", () => {
    fc.assert(fc.property(fc.string(), (s) => normalizePhone(normalizePhone(s)) === normalizePhone(s)));
  });
});

describe("isValidPhone", () => {
  it.each(["0912345678", "0387654321", "0551234567", "0701234567", "0861234567", "02363812345", "02838291234"])(
    "accepts %s",
    (p) => expect(isValidPhone(p)).toBe(true),
  );
  it.each(["912345678", "0123456789", "0412345678", "091234567", "09123456789", "0236381234", "", "02363812345678"])(
    "refuses %s",
    (p) => expect(isValidPhone(p)).toBe(false),
  );
});

describe("text normalisation", () => {
  const combining = "Nguye\u0302\u0303n Va\u0306n A\u0300nh"; // e + circumflex + tilde: NFD
  it("NFC makes combining accents equal to precomposed letters", () => {
    expect(combining).not.toBe("Nguyễn Văn Ành");
    expect(nfc(combining)).toBe("Nguyễn Văn Ành");
  });
  it("cleanText trims and collapses every whitespace run, keeping case", () => {
    expect(cleanText("  Số 1\tTrần\u00a0Phú\r\n Hải  Châu ")).toBe("Số 1 Trần Phú Hải Châu");
  });
  it("normalizeText lower-cases after NFC", () => {
    expect(normalizeText(` ${combining.toUpperCase()} `)).toBe("nguyễn văn ành");
    expect(normalizeText("ĐẶNG  VĂN HÙNG")).toBe(normalizeText("đặng văn hùng"));
  });
  it("compareCodeUnits is plain string order, not numeric", () => {
    expect(compareCodeUnits("HS10", "HS9")).toBeLessThan(0);
    expect(compareCodeUnits("a", "a")).toBe(0);
    expect(compareCodeUnits("b", "a")).toBeGreaterThan(0);
  });
});

describe("cleanText without normalize() for precomposed text", () => {
  const surelyNfc = [...Array.from({ length: 0x300 }, (_, c) => c), ...Array.from({ length: 0x100 }, (_, c) => 0x1e00 + c)];
  const combiningMarks = [0x300, 0x301, 0x302, 0x303, 0x306, 0x309, 0x31b, 0x323, 0x340, 0x344, 0x345, 0x36f, 0x1dc0, 0x20d0, 0xfe20];
  const others = [0x1100, 0x1161, 0x11a8, 0xac00, 0x212b, 0x2126, 0xf900, 0x1f71, 0x0958, 0x0b47, 0x0b3e, 0xd55c, 0x3000, 0xfeff, 0x2028];
  const unitOf = (pool: number[]) => fc.constantFrom(...pool).map((c) => String.fromCharCode(c));
  const text = (pool: fc.Arbitrary<string>) => fc.array(pool, { maxLength: 30 }).map((a) => a.join(""));
  /** cleanText's definition, with normalize() always called. */
  const definition = (s: string) => s.normalize("NFC").replace(/\s+/gu, " ").trim();

  it("every code unit below U+0300 or in U+1E00–U+1EFF is NFC alone and next to any other of them", () => {
    const units = surelyNfc.map((c) => String.fromCharCode(c));
    const notNfc: string[] = [];
    for (const a of units) {
      if (a.normalize("NFC") !== a) notNfc.push(a);
      for (const b of units) if ((a + b).normalize("NFC") !== a + b) notNfc.push(a + b);
    }
    expect(notNfc).toEqual([]);
  });

  it("equals the definition on random strings of those code units, combining marks and other scripts", () => {
    const pool = fc.oneof(
      { weight: 6, arbitrary: unitOf(surelyNfc) },
      { weight: 2, arbitrary: unitOf(combiningMarks) },
      { weight: 1, arbitrary: unitOf(others) },
      { weight: 1, arbitrary: fc.constantFrom(" ", "  ", "\t", "\u00a0", "a", "Nguyễn", "Nguye\u0302\u0303n") },
    );
    fc.assert(fc.property(text(pool), (s) => cleanText(s) === definition(s)), { numRuns: 20_000 });
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 30 }), (s) => cleanText(s) === definition(s)), { numRuns: 5_000 });
  });

  it("isSurelyNfc holds exactly for those ranges", () => {
    expect([0x2ff, 0x300, 0x36f, 0x1dff, 0x1e00, 0x1ea1, 0x1eff, 0x1f00].map(isSurelyNfc)).toEqual([true, false, false, false, true, true, true, false]);
    expect(cleanText("Nguye\u0302\u0303n Va\u0306n A\u0300nh")).toBe("Nguyễn Văn Ành");
    expect(cleanText("Nguyễn Văn Ành")).toBe("Nguyễn Văn Ành");
  });
});
