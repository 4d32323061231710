import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createHash } from "node:crypto";
import { canonicalJson, checkLink, GENESIS, hashEvent, hashTemplate, type ChainEvent } from "@/lib/audit/chain";
import { BUILTIN_TEMPLATES } from "@/lib/sipas/templates";

const event = (id: bigint, after: unknown = { a: 1 }): ChainEvent => ({
  id, at: new Date("2026-11-23T03:00:00.123Z"), actorId: 1, actorName: "admin", action: "x.y", entity: "Plan",
  entityId: "7", planId: 7, outcome: "OK", before: null, after, ip: null,
});

/** canonicalJson as first defined: the hashes already stored were computed with it. */
function referenceCanonicalJson(value: unknown): string {
  const plain = value === undefined ? null : (JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as unknown);
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
      return out;
    }
    return v;
  };
  return JSON.stringify(sortKeys(plain));
}

describe("audit hash chain", () => {
  it("canonical JSON is byte for byte the text of its first definition", () => {
    // Keys that JavaScript orders on its own (array indices), "__proto__", unicode, undefined
    // and bigints inside objects and arrays, Dates, nested objects and arrays.
    const key = fc.oneof(fc.string(), fc.constantFrom("0", "1", "10", "2", "01", "-1", "4294967294", "4294967295", "__proto__", "id", "Ý kiến", "a\u0000b"));
    const leaf = fc.oneof(
      fc.jsonValue(), fc.bigInt(), fc.constant(undefined), fc.date({ noInvalidDate: true }), fc.double(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("array"), tie("object")),
      array: fc.array(tie("value"), { maxLength: 5 }),
      object: fc.dictionary(key, tie("value"), { maxKeys: 8 }),
    }));
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(referenceCanonicalJson(v));
      }),
      { numRuns: 400 },
    );
    const answers = Object.fromEntries(BUILTIN_TEMPLATES.classic.items.map((item, k) => [item.code, String((k % 5) + 1)]));
    for (const v of [undefined, null, 0, -0, "x", [undefined, 1n, () => 1], { b: 1, a: undefined, c: [{ z: 1, y: new Date(0) }] }, { 2: "b", 10: "a" }, [Object(1), Object("x"), Object(true)], { n: Object(2), s: Object("y") }, JSON.parse('{"__proto__": {"a": 1}, "b": {"__proto__": 5, "c": 1}}'), answers]) {
      expect(canonicalJson(v)).toBe(referenceCanonicalJson(v));
    }
  }, 30_000);

  it("canonical JSON ignores key order", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
  });

  it("the template the database fills (head, id, tail) hashes as hashEvent", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 2n ** 62n }), fc.option(fc.integer({ min: 1 }), { nil: null }), fc.string(), fc.option(fc.string(), { nil: null }),
        fc.option(fc.jsonValue(), { nil: null }), fc.jsonValue(), fc.option(fc.string(), { nil: null }), fc.constantFrom("OK" as const, "DENIED" as const),
        (id, actorId, actorName, entityId, before, after, ip, outcome) => {
          const e: ChainEvent = { ...event(id), actorId, actorName, entityId, before, after, ip, outcome };
          const { head, tail } = hashTemplate(e);
          expect(JSON.parse(`${head}${id}${tail}`)).toEqual(JSON.parse(canonicalJson({ ...e, id: id.toString(), at: e.at.toISOString() })));
          expect(createHash("sha256").update(`${GENESIS}\n${head}${id}${tail}`).digest("hex")).toBe(hashEvent(GENESIS, e));
        },
      ),
    );
  });

  it("the template splits at the event's own id, not at an \"id\" inside before, after or ip", () => {
    const e: ChainEvent = { ...event(9n, { id: "0", nested: { id: "0" } }), before: [{ id: "0" }], ip: '"id":"0"', entityId: '"id":"0"' };
    const { head, tail } = hashTemplate(e);
    expect(createHash("sha256").update(`${GENESIS}\n${head}9${tail}`).digest("hex")).toBe(hashEvent(GENESIS, e));
  });

  it("links events and detects any change to any field", () => {
    const e1 = event(1n);
    const h1 = hashEvent(GENESIS, e1);
    const e2 = event(2n, { b: "Tiếng Việt" });
    const h2 = hashEvent(h1, e2);
    expect(checkLink(null, { ...e1, prevHash: GENESIS, hash: h1 })).toBeNull();
    expect(checkLink({ id: 1n, hash: h1 }, { ...e2, prevHash: h1, hash: h2 })).toBeNull();
    expect(checkLink({ id: 1n, hash: h1 }, { ...e2, after: { b: "Tieng Viet" }, prevHash: h1, hash: h2 })?.reason).toContain("bị sửa");
    expect(checkLink({ id: 1n, hash: h1 }, { ...e2, actorName: "khác", prevHash: h1, hash: h2 })).not.toBeNull();
    expect(checkLink({ id: 1n, hash: h1 }, { ...e2, prevHash: GENESIS, hash: h2 })?.reason).toContain("trước");
    expect(checkLink({ id: 1n, hash: h1 }, { ...event(3n), prevHash: h1, hash: h2 })?.reason).toContain("thiếu");
  });
});
