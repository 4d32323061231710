import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createHash } from "node:crypto";
import { canonicalJson, checkLink, GENESIS, hashEvent, hashTemplate, type ChainEvent } from "@/lib/audit/chain";

const event = (id: bigint, after: unknown = { a: 1 }): ChainEvent => ({
  id, at: new Date("2026-11-23T03:00:00.123Z"), actorId: 1, actorName: "admin", action: "x.y", entity: "Plan",
  entityId: "7", planId: 7, outcome: "OK", before: null, after, ip: null,
});

describe("audit hash chain", () => {
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
