import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { firstByKey, firstByKeySlow, normalizeSeed, selectionKey, selectStratum } from "@/lib/sampling/selection";
import { runDraw } from "@/lib/sampling/draw";
import { SamplingInputError } from "@/lib/sampling/messages";
import type { FrameRecord } from "@/lib/sampling/types";
import { arbFrame, permute, rec } from "./records";

describe("selectionKey", () => {
  it("is the hex SHA-256 of seed|stratum|dossier (checked with sha256sum)", () => {
    // printf 'seed|S07|HS001' | sha256sum
    expect(selectionKey("seed", "S07", "HS001")).toBe("aa772ac82cd38af7dbd375198132e3584a93ad6b51bffc7ea2ea27be3fd9b15a");
    // printf 'Xổ số 123456|S07|HS001' | sha256sum   (UTF-8 of the NFC text)
    expect(selectionKey("Xổ số 123456", "S07", "HS001")).toBe("7658d626510cfdb879b642546029023098c77a4f3034778c1af4db242ca8e212");
  });
});

describe("selectStratum, by hand", () => {
  // printf 'seed|S07|HS00i' | sha256sum, sorted ascending:
  //   HS002 1ae51205…  HS001 aa772ac8…  HS005 c7a48adb…  HS004 c8deec3e…  HS003 d5dd6171…
  const keys: Record<string, string> = {
    HS001: "aa772ac82cd38af7dbd375198132e3584a93ad6b51bffc7ea2ea27be3fd9b15a",
    HS002: "1ae512053b2996ce6346b45ab72b5bdbc096826e4dc1527f5c7aa3652eca2fdf",
    HS003: "d5dd61718ea38dced923a484f58daa460f373dc731afeee7fc70d4400fc5e7c6",
    HS004: "c8deec3e95f5142b80837c20eb5c005450f43d0636edff89c1ea729303bd77a3",
    HS005: "c7a48adb6e59c54e57631a6499f8cabb0ffcafc45d306c5356544eb7476c6bfc",
  };
  const records = ["HS001", "HS002", "HS003", "HS004", "HS005"].map((dossierCode) => ({ dossierCode }));

  it("takes the 2 smallest keys as main and the next 2 as reserve, π = 2/5 for all four", () => {
    const picked = selectStratum("seed", "S07", records, 2, 2);
    expect(picked.map((p) => [p.dossierCode, p.role, p.order, p.key, p.inclusionProbability])).toEqual([
      ["HS002", "main", 1, keys.HS002, 0.4],
      ["HS001", "main", 2, keys.HS001, 0.4],
      ["HS005", "reserve", 1, keys.HS005, 0.4],
      ["HS004", "reserve", 2, keys.HS004, 0.4],
    ]);
  });

  it("refuses sizes beyond N", () => {
    expect(() => selectStratum("seed", "S07", records, 4, 2)).toThrow();
  });
});

describe("normalizeSeed", () => {
  it("NFC and trims", () => {
    expect(normalizeSeed("  Xo\u0302\u0309 so\u0302\u0301 123456 ")).toBe("Xổ số 123456");
  });
  it.each(["", "   ", "a|b", "a\nb", "x".repeat(201)])("refuses %j", (s) => {
    expect(() => normalizeSeed(s)).toThrow(SamplingInputError);
  });
});

const draw = (records: readonly FrameRecord[], seed = "2025-11-23 XSMB 12345") =>
  runDraw({ seed, records, strata: "unit", ruleFor: () => ({ kind: "quota", q: 5 }), reserveShare: "0.4" });

const sel = (records: readonly FrameRecord[], seed?: string) =>
  draw(records, seed).selections.map(({ stratum, dossierCode, role, order, key }) => ({ stratum, dossierCode, role, order, key }));

describe("runDraw selection properties", () => {
  it("same inputs give the same draw", () => {
    fc.assert(
      fc.property(arbFrame(), (records) => {
        expect(sel(records)).toEqual(sel(records));
      }),
    );
  });

  it("does not depend on the order of the frame", () => {
    fc.assert(
      fc.property(arbFrame(), fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 1 }), (records, r) => {
        const shuffled = permute(records, r);
        expect(sel(shuffled)).toEqual(sel(records));
        expect(draw(shuffled).frameChecksum).toBe(draw(records).frameChecksum);
      }),
    );
  });

  it("adding records to another stratum does not change this stratum's draw", () => {
    fc.assert(
      fc.property(arbFrame(), fc.integer({ min: 1, max: 50 }), (records, extra) => {
        const more = records.concat(
          Array.from({ length: extra }, (_, i) => rec({ unitCode: "S99", dossierCode: `X${i}`, phone: `09${String(i).padStart(8, "0")}` })),
        );
        const only = (xs: ReturnType<typeof sel>) => xs.filter((x) => x.stratum !== "S99");
        expect(only(sel(more))).toEqual(sel(records));
      }),
    );
  });

  it("a different seed gives a different order", () => {
    const records = Array.from({ length: 50 }, (_, i) => rec({ dossierCode: `HS${i}`, phone: `09${String(i).padStart(8, "0")}` }));
    expect(sel(records, "1")).not.toEqual(sel(records, "2"));
  });

  it("outputs are sorted by stratum, main before reserve, order; π = n_h/N_h", () => {
    fc.assert(
      fc.property(arbFrame(), (records) => {
        const result = draw(records);
        const s = result.selections;
        for (let i = 1; i < s.length; i++) {
          const a = s[i - 1]!;
          const b = s[i]!;
          const rank = (x: typeof a) => [x.stratum, x.role === "main" ? 0 : 1, x.order] as const;
          const [sa, ra, oa] = rank(a);
          const [sb, rb, ob] = rank(b);
          expect(sa < sb || (sa === sb && (ra < rb || (ra === rb && oa < ob)))).toBe(true);
        }
        for (const p of s) {
          const st = result.allocation.strata.find((x) => x.code === p.stratum)!;
          expect(p.inclusionProbability).toBe(st.n / st.N);
        }
      }),
    );
  });

  it("refuses one dossier code for two different people in a stratum", () => {
    const records = [rec({ dossierCode: "HS1", phone: "0912345678" }), rec({ dossierCode: "HS1", phone: "0987654321" })];
    expect(() => draw(records)).toThrow(SamplingInputError);
  });
});

describe("firstByKey", () => {
  it("orders like sorting by (key, index), also with equal prefixes and equal keys", () => {
    // Keys of 4 "binary" characters and more, many sharing their first four bytes.
    const arbKey = fc.tuple(fc.constantFrom("\x00\x01\x02\x03", "\xff\xfe\xfd\xfc", "abcd", "\x80\x00\x00\x00"), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(arbKey.map(([a, b]) => a + b), { minLength: 1, maxLength: 80 }), fc.nat(), (keys, c) => {
        const count = c % (keys.length + 1);
        expect(firstByKey(keys, count)).toEqual(firstByKeySlow(keys, count));
      }),
    );
  });
});
