import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isBlank, type Cell } from "@/lib/frames/cell";
import { generalRowCells, PlainRows, plainRowCells, plainRowNumber, pushPlainSharedString, type SheetContext } from "@/lib/frames/xlsx-cells";
import { TextCache } from "@/lib/frames/xlsx-text-cache";
import { ElementScanner, elementBatches, type Element } from "@/lib/frames/xlsx-elements";
import { SharedStrings } from "@/lib/frames/xlsx-shared-strings";
import { runText, xmlText } from "@/lib/frames/xlsx-xml";

/**
 * The byte-level readers of an .xlsx (plain rows, plain shared strings, elements found in
 * bytes) against the general readers over decoded text, which they must always agree with.
 */

const SHARED = ["Mã đơn vị", "Nguyễn Văn An", "", "Cá nhân", "x".repeat(70), "😀 emoji", "A & B"];

function context(): SheetContext {
  const shared = new SharedStrings();
  for (const s of SHARED) shared.push(s);
  return { shared, dateStyles: [false, true, false], epoch: 25_569, maxCellLength: 40, texts: new TextCache() };
}

const text = fc.oneof(
  fc.constantFrom("", "S07", "Nguyễn Văn An", "Cá nhân", "01/01/2025", "0912345678", "45731", "45731.5", "1", "0", "true", "2025-03-15", "x".repeat(80), "A &amp; B", "dòng_x000D_hai", "a_b", "&#7871;", "😀", " 12 ", "1e3", "-5"),
  fc.string({ maxLength: 8 }).map((s) => s.replace(/[<&]/g, "")),
);
const typeArb = fc.constantFrom(null, "s", "str", "e", "b", "d", "n", "inlineStr", "x", "");
const refArb = fc.oneof(fc.constantFrom(null, "A1", "B1", "C7", "AA3", "c2", "7", "", "Z1"), fc.integer({ min: 0, max: 30 }).map((i) => `${String.fromCharCode(65 + (i % 26))}${i}`));
const styleArb = fc.constantFrom(null, "0", "1", "2", "", "x");

/** A cell, mostly as Excel writes it, sometimes not (which plainRowCells must refuse or read the same). */
const cell = fc
  .record({
    ref: refArb,
    type: typeArb,
    style: styleArb,
    value: text,
    content: fc.constantFrom("v", "v", "v", "is", "none", "closed", "empty", "formula", "is-space", "v-attr"),
    order: fc.constantFrom("rst", "rts", "str"),
    quirk: fc.constantFrom("none", "none", "none", "none", "apostrophe", "prefix", "extra", "spaces", "lt-in-attr", "dup-r"),
  })
  .map(({ ref, type, style, value, content, order, quirk }) => {
    const attrs: Record<string, string | null> = { r: ref, s: style, t: type };
    let a = [...order].map((k) => (attrs[k] === null ? "" : ` ${k}="${attrs[k]}"`)).join("");
    if (quirk === "apostrophe") a = a.replace(/"/g, "'");
    if (quirk === "extra") a = ` x14ac:dyDescent="0.25"${a} cm="1"`;
    if (quirk === "spaces") a = a.replace(/ /g, "  ");
    if (quirk === "lt-in-attr") a += ' x="a<b"';
    if (quirk === "dup-r") a += ' r="D4"';
    const c = quirk === "prefix" ? "x:c" : "c";
    switch (content) {
      case "closed":
        return `<${c}${a}/>`;
      case "empty":
        return `<${c}${a}></${c}>`;
      case "none":
        return `<${c}${a}>${value}</${c}>`;
      case "is":
        return `<${c}${a}><is><t>${value}</t></is></${c}>`;
      case "is-space":
        return `<${c}${a}><is><t xml:space="preserve">${value}</t></is></${c}>`;
      case "formula":
        return `<${c}${a}><f>A1+1</f><v>${value}</v></${c}>`;
      case "v-attr":
        return `<${c}${a}><v xml:space="preserve">${value}</v></${c}>`;
      default:
        return `<${c}${a}><v>${value}</v></${c}>`;
    }
  });

describe("plain rows read from bytes", () => {
  it("give the cells the general reading gives, or are left to it", () => {
    let plain = 0;
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 8 }), fc.constantFrom("", "", "", "\n  ", "<extLst/>"), (cells, between) => {
        const body = cells.join(between);
        const bytes = Buffer.from(body);
        const expected = generalRowCells(body, context());
        const fast = plainRowCells(bytes, 0, bytes.length, context());
        if (fast !== null) {
          plain++;
          expect(fast).toEqual(expected);
        }
        // Read through PlainRows, as the reader does: the row's end found by reading it.
        const withEnd = Buffer.from(`<row r="3">${body}</row><row r="4"></row>`);
        const rows = new PlainRows(context());
        const from = 11;
        const end = rows.end(withEnd, from);
        if (end !== -1) expect(end).toBe(from + bytes.length);
        expect(rows.cellsOf(withEnd, from, from + bytes.length)).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
    expect(plain).toBeGreaterThan(150);
  }, 60_000);


  it("row numbers: r first, in digits; anything else is left to attr()", () => {
    const at = (attrs: string) => plainRowNumber(Buffer.from(attrs), 0, Buffer.byteLength(attrs));
    expect(at(' r="12" spans="1:9"')).toBe(12);
    expect(at(' r="007"')).toBe(7);
    expect([at(' spans="1:9" r="12"'), at(" r='12'"), at(' r=""'), at(' r="1.5"'), at(' r="1234567890123456"'), at("")]).toEqual([-1, -1, -1, -1, -1, -1]);
  });

  it("cells of a plain row are text, numbers and dates as before (shared strings, inline strings, styles)", () => {
    const row = '<c r="A1" t="s"><v>1</v></c><c r="C1" s="1"><v>45731</v></c><c r="D1" t="inlineStr"><is><t>Tổ chức</t></is></c><c r="E1" t="str"><v>A &amp; B</v></c><c r="F1" t="b"><v>1</v></c><c r="G1" t="s"><v>4</v></c>';
    const cells = plainRowCells(Buffer.from(row), 0, Buffer.byteLength(row), context());
    expect(cells).not.toBeNull();
    expect(cells!.slice(0, 6)).toEqual(["Nguyễn Văn An", null, new Date(Date.UTC(2025, 2, 15)), "Tổ chức", "A & B", "TRUE"]);
    expect(cells![6]).toMatchObject({ length: 70, limit: 40 });
    expect(cells).toEqual(generalRowCells(row, context()));
  });
});

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe("shared strings", () => {
  it("read back every string as UTF-8 keeps it, in any order, across blocks and caches", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: "binary", maxLength: 12 }), fc.constantFrom("", "Cá nhân", "\ud800", "a\udc00", "😀"), fc.string({ maxLength: 6 })), { maxLength: 400 }),
        fc.array(fc.nat(), { maxLength: 300 }),
        fc.constantFrom(undefined, 1, 64, 1000),
        (strings, order, segmentBytes) => {
          const shared = new SharedStrings(segmentBytes);
          for (const s of strings) {
            const bytes = Buffer.from(s);
            if (!LONE_SURROGATE.test(s)) shared.pushBytes(bytes, 0, bytes.length);
            else shared.push(s);
          }
          const asUtf8 = (s: string) => Buffer.from(s).toString();
          for (const k of order) {
            if (strings.length === 0) break;
            const i = k % strings.length;
            expect(shared.get(i)).toBe(asUtf8(strings[i]!));
          }
          strings.forEach((s, i) => expect(shared.get(i)).toBe(asUtf8(s)));
          expect([shared.get(-1), shared.get(strings.length), shared.get(0.5), shared.get(Number.NaN)]).toEqual([undefined, undefined, undefined, undefined]);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it("holds a table many segments long in segments that never grow", () => {
    const shared = new SharedStrings(65_536);
    let bytes = 0;
    const strings: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const s = `Số ${i} đường ${i % 97}, phường Đông Hòa ${"x".repeat(i % 40)}`;
      strings.push(s);
      bytes += Buffer.byteLength(s);
      shared.push(s);
    }
    // Every segment keeps its 64 KB; at most one block (64 strings) of each is left unused.
    expect(shared.heldBytes % 65_536).toBe(0);
    expect(shared.heldBytes).toBeLessThan(bytes * 1.1);
    strings.forEach((s, i) => expect(shared.get(i)).toBe(s));
  });

  it("a plain <si> body goes in as its bytes; entities and other bodies are left to runText", () => {
    const shared = new SharedStrings();
    const bodies = ["<t>Nguyễn Văn An</t>", "<t>A &amp; B</t>", "<t>dòng_x000D_hai</t>", "<t></t>", '<t xml:space="preserve"> x </t>', "<r><t>a</t></r><r><t>b</t></r>", "<t>😀</t>"];
    const expected: string[] = [];
    for (const body of bodies) {
      const bytes = Buffer.from(body);
      if (!pushPlainSharedString(bytes, 0, bytes.length, shared)) shared.push(runText(body));
      expected.push(runText(body));
    }
    expect(bodies.map((_, i) => shared.get(i))).toEqual(expected);
  });
});

describe("text cache", () => {
  it("always gives the text of the bytes, entities decoded", () => {
    const cache = new TextCache();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("S07", "Cá nhân", "Tổ chức", "x", "", "A &amp; B", "01/01/2025", "02/01/2025", "y".repeat(70), "HS-0000000001", "HS-0000000002"), fc.string({ maxLength: 5 }), fc.nat(70)), { maxLength: 200 }),
        (items) => {
          for (const [common, rare, column] of items) {
            for (const s of [common, rare.replace(/[<&]/g, "")]) {
              const bytes = Buffer.from(`<${s}>`);
              const ascii = bytes.every((b) => b < 0x80);
              expect(cache.get(bytes, 1, bytes.length - 1, ascii, column)).toBe(xmlText(s));
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("elements found in bytes", () => {
  async function* chunked(bytes: Buffer, sizes: number[]) {
    let at = 0;
    for (let k = 0; at < bytes.length; k++) {
      const n = sizes.length > 0 ? sizes[k % sizes.length]! : bytes.length;
      yield bytes.subarray(at, at + n);
      at += n;
    }
  }
  const decoder = new TextDecoder();
  async function viaBytes(bytes: Buffer, sizes: number[], name: string): Promise<Element[]> {
    const out: Element[] = [];
    const fromBytes = (data: Buffer, a: number, ae: number, b: number, be: number): Element => ({ attrs: decoder.decode(data.subarray(a, ae)), body: b === -1 ? null : decoder.decode(data.subarray(b, be)) });
    for await (const batch of elementBatches(chunked(bytes, sizes), name, fromBytes, (e) => e)) out.push(...batch);
    return out;
  }
  async function viaText(bytes: Buffer, sizes: number[], name: string): Promise<Element[]> {
    const scanner = new ElementScanner(name);
    const d = new TextDecoder();
    const out: Element[] = [];
    for await (const chunk of chunked(bytes, sizes)) out.push(...scanner.push(d.decode(chunk, { stream: true })));
    out.push(...scanner.push(d.decode()));
    scanner.end();
    return out;
  }
  const piece = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('<row r="1"><c r="A1"><v>1</v></c></row>', '<row r="2" spans="1:9"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>Nguyễn</t></is></c></row>', "<row/>", '<row r="5"/>', "<row></row>") },
    { weight: 1, arbitrary: fc.constantFrom("<rowBreaks/>", "<x:row r=\"9\"><x:c/></x:row>", "junk", "\n  ", "<sheetData>", "</sheetData>", "<si><t>a</t></si>", "😀", "<row r='3'>x</row>") },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  );
  it("are the elements the text scanner finds, however the part is cut", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 4 }), fc.constantFrom("", "\ufeff"), async (pieces, sizes, bom) => {
        const bytes = Buffer.from(bom + pieces.join(""));
        const expected = await viaText(bytes, sizes, "row").catch((e: Error) => e.message);
        const got = await viaBytes(bytes, sizes, "row").catch((e: Error) => e.message);
        expect(got).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it("hand a part that is not UTF-8, or an element above 1 MB, to the text scanner with the same result", async () => {
    const bad = Buffer.concat([Buffer.from('<row r="1"><c><v>1</v></c></row><row r="2"><c><v>'), Buffer.from([0xff, 0xc3]), Buffer.from("</v></c></row><row/>")]);
    expect(await viaBytes(bad, [7], "row")).toEqual(await viaText(bad, [7], "row"));
    const long = Buffer.from(`<si><t>a</t></si><si><t>${"é".repeat(700_000)}</t></si><si/><si><t>b</t></si>`);
    expect(await viaBytes(long, [65_536], "si")).toEqual(await viaText(long, [65_536], "si"));
    const open = Buffer.from('<row r="1"><c/></row><row r="2"><c>');
    await expect(viaBytes(open, [5], "row")).rejects.toThrow(/not closed/);
  });
});

describe("isBlank", () => {
  it("is trim() === '' for text", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 5 }), fc.constantFrom(" ", "\u00a0", "\ufeff x", "\t\n", "")), (s) => isBlank(s) === (s.trim() === "")));
    expect([null, 0, new Date(0)].map((c) => isBlank(c as Cell))).toEqual([true, false, false]);
  });
});
