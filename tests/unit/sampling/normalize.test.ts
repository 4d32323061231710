import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cleanText, compareCodeUnits, isValidPhone, nfc, normalizePhone, normalizeText } from "@/lib/sampling/normalize";

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
