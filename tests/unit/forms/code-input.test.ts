import { describe, expect, it } from "vitest";
import { digitsOf, parseScannedFormCode } from "@/lib/forms/code-input";
import { encodeFormCode } from "@/lib/forms/form-code";
import { parseStateLabel } from "@/lib/forms/state-file";

const code = encodeFormCode({ plan: 12, unit: 345, seq: 67 });

describe("codes as scanners and people send them", () => {
  it("takes the code out of the answering address printed in the QR code", () => {
    for (const input of [`https://sipas.phuson.gov.vn/tra-loi/${code}`, `http://127.0.0.1:3000/tra-loi/${code}/`, `https://x.vn/tra-loi/${code}?utm=qr`]) {
      expect(parseScannedFormCode(input)).toMatchObject({ ok: true, code });
    }
  });

  it("still explains a mistyped code, and a URL with a bad code", () => {
    const typo = code.slice(0, 13) + String((Number(code[13]) + 1) % 10);
    expect(parseScannedFormCode(typo)).toMatchObject({ ok: false, error: "CHECK_DIGIT" });
    expect(parseScannedFormCode(`https://x.vn/tra-loi/${typo}`)).toMatchObject({ ok: false, error: "CHECK_DIGIT" });
    expect(parseScannedFormCode("https://x.vn/")).toMatchObject({ ok: false });
  });

  it("counts the digits typed so far", () => {
    expect(digitsOf("012-00345-")).toBe("01200345");
    expect(digitsOf("０１２")).toBe("012");
  });
});

describe("states written in a file", () => {
  it("accepts labels with or without diacritics, short words and enum names", () => {
    expect(parseStateLabel("Đã thu về")).toBe("RETURNED");
    expect(parseStateLabel("da thu ve")).toBe("RETURNED");
    expect(parseStateLabel("RETURNED")).toBe("RETURNED");
    expect(parseStateLabel("Không phát được")).toBe("UNDELIVERABLE");
    expect(parseStateLabel("từ chối")).toBe("REFUSED");
    expect(parseStateLabel("Không thu hồi được")).toBe("NOT_RETURNED");
    expect(parseStateLabel("Giao bưu điện")).toBe("DISPATCHED");
    expect(parseStateLabel("Đã phát")).toBe("DELIVERED");
    expect(parseStateLabel("Hỏng")).toBe("SPOILED");
    expect(parseStateLabel("đã nhập")).toBeNull();
    expect(parseStateLabel("")).toBeNull();
  });
});
