import type { Block } from "./kit";

/** A block placed on a page at a y position. */
export type Placed = { block: Block; y: number };

/**
 * Splits a form's blocks into pages before anything is drawn, so the footer
 * can say "Trang 1/3" on the first page without buffering the whole batch.
 *
 * - a block never splits; one taller than a page is placed alone and overflows;
 * - a run of `keepWithNext` blocks moves with the block that follows it (a
 *   section heading never ends a page);
 * - a block with a `carryHeader` that opens a new page gets that header first
 *   (the 1–5 column heads of the satisfaction table repeat on every page);
 * - `spaceBefore` is dropped at the top of a page;
 * - an `optional` block that does not fit is left out instead of opening a page.
 */
export function paginate(blocks: readonly Block[], top: number, bottom: number): Placed[][] {
  const pages: Placed[][] = [];
  let page: Placed[] = [];
  let y = top;

  const newPage = (): void => {
    pages.push(page);
    page = [];
    y = top;
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block === undefined) continue;
    const gap = page.length === 0 ? 0 : (block.spaceBefore ?? 0);
    let need = gap + block.height;
    for (let j = i; blocks[j]?.keepWithNext === true && j + 1 < blocks.length; j++) {
      const next = blocks[j + 1];
      if (next !== undefined) need += (next.spaceBefore ?? 0) + next.height;
    }
    if (page.length > 0 && y + need > bottom) {
      if (block.optional === true) continue;
      newPage();
    }
    if (page.length === 0 && block.carryHeader !== undefined && i > 0) {
      page.push({ block: block.carryHeader, y });
      y += block.carryHeader.height;
    } else {
      y += page.length === 0 ? 0 : (block.spaceBefore ?? 0);
    }
    page.push({ block, y });
    y += block.height;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}
