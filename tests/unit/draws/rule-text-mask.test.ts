import { describe, expect, it } from "vitest";
import { formatRule, parseRule } from "@/lib/draws/rule-text";
import { maskAddress, maskName, maskPhone } from "@/lib/frames/mask";
import { isStoredPersonKey, storedPersonKey } from "@/lib/frames/person-key";
import { allocationChecksum } from "@/lib/sampling/checksum";
import { allocate } from "@/lib/sampling/allocation";
import type { AllocationRule } from "@/lib/sampling/types";

describe("rule text of the strata file", () => {
  const rules: AllocationRule[] = [
    { kind: "yamane", e: "0.05" },
    { kind: "quota", q: 50 },
    { kind: "manual", n: 40 },
    { kind: "proportional", total: 1500, min: 30, group: "block:UBND_XA" },
    { kind: "proportional", total: 900, min: 0 },
  ];
  it("round-trips every rule, and the allocation checksum with it", () => {
    for (const r of rules) expect(parseRule(formatRule(r))).toEqual(r);
    const strata = rules.map((rule, i) => ({ code: `S${i}`, N: 300 + i, rule }));
    const again = strata.map((s) => ({ ...s, rule: parseRule(formatRule(s.rule))! }));
    expect(allocationChecksum(allocate(again, "0.2"))).toBe(allocationChecksum(allocate(strata, "0.2")));
  });
  it("refuses what is not a rule", () => {
    for (const bad of ["", "yamane", "yamane:e=abc", "quota:q=-1", "quota:n=5", "manual:n=1:x=2", "proportional:min=3", "lottery:n=5"]) {
      expect(parseRule(bad)).toBeNull();
    }
  });
});

describe("masking for monitors", () => {
  it("keeps the family name and initials, two digits at each end of a phone, the last part of an address", () => {
    expect(maskName("Nguyễn Văn An")).toBe("Nguyễn V*** A***");
    expect(maskName("Nguyễn Văn An".normalize("NFD"))).toBe("Nguyễn V*** A***");
    expect(maskName("Công ty TNHH Ánh Dương")).toBe("Công t*** T*** Á*** D***");
    expect(maskName("VNPT")).toBe("V***");
    expect(maskPhone("0912345612")).toBe("09******12");
    expect(maskPhone("02363812345")).toBe("02*******45");
    expect(maskPhone(null)).toBe("");
    expect(maskAddress("Số 12 đường Trần Phú, phường Hải Châu")).toBe("***, phường Hải Châu");
    expect(maskAddress("Thôn 2")).toBe("***");
  });
});

describe("stored person keys", () => {
  it("are equal for the same person (phone, or name and address), differ across salts, and carry no digits of the phone", () => {
    const a = storedPersonKey("s1", { phone: "0912345678", name: "A", address: null });
    expect(storedPersonKey("s1", { phone: "0912345678", name: "B", address: "x" })).toBe(a);
    expect(storedPersonKey("s2", { phone: "0912345678", name: "A", address: null })).not.toBe(a);
    expect(a.startsWith("p") && isStoredPersonKey(a)).toBe(true);
    expect(a).not.toContain("912345678");
    const n = storedPersonKey("s1", { phone: null, name: "Nguyễn  Văn An", address: "Số 1 Trần Phú" });
    expect(storedPersonKey("s1", { phone: null, name: "nguyễn văn an".normalize("NFD"), address: "số 1 trần phú " })).toBe(n);
    expect(n.startsWith("n")).toBe(true);
  });
});
