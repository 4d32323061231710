import { describe, expect, it } from "vitest";
import type { Block } from "@/lib/forms/print/kit";
import { paginate } from "@/lib/forms/print/paginate";

const block = (height: number, extra: Partial<Block> = {}): Block => ({ height, draw: () => undefined, ...extra });

describe("paginate", () => {
  it("starts a new page when a block does not fit, and never splits a block", () => {
    const pages = paginate([block(40), block(40), block(40)], 0, 100);
    expect(pages.map((p) => p.map((x) => x.y))).toEqual([[0, 40], [0]]);
  });

  it("keeps a heading with the block after it", () => {
    const heading = block(10, { keepWithNext: true });
    const pages = paginate([block(70), heading, block(30)], 0, 100);
    expect(pages.map((p) => p.length)).toEqual([1, 2]);
    expect(pages[1]?.[0]?.block).toBe(heading);
  });

  it("repeats a table header at the top of a continued page, and drops space before at the top", () => {
    const header = block(15);
    const rows = [header, block(40, { carryHeader: header }), block(40, { carryHeader: header, spaceBefore: 5 })];
    const pages = paginate(rows, 10, 100);
    expect(pages[1]?.map((x) => [x.block === header, x.y])).toEqual([[true, 10], [false, 25]]);
  });

  it("places an oversized block alone rather than looping", () => {
    expect(paginate([block(20), block(500), block(20)], 0, 100).map((p) => p.length)).toEqual([1, 1, 1]);
  });
});

describe("paginate, optional blocks", () => {
  it("leaves out an optional block that would open a page of its own", () => {
    const thanks = block(20, { optional: true });
    expect(paginate([block(90), thanks], 0, 100).flat().map((p) => p.block)).not.toContain(thanks);
    expect(paginate([block(50), thanks], 0, 100).flat().map((p) => p.block)).toContain(thanks);
  });
});
