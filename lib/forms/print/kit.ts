/**
 * Shared geometry and drawing primitives for the printed questionnaire.
 * All lengths are PDF points (1/72 inch); A4 is 595.28 × 841.89.
 */

export type Doc = PDFKit.PDFDocument;

export const PAGE = {
  width: 595.28,
  height: 841.89,
  left: 45,
  right: 595.28 - 40,
  top: 36,
  /** Content stops here; the footer sits below. */
  bottom: 841.89 - 52,
  footerY: 841.89 - 38,
} as const;
export const CONTENT_WIDTH = PAGE.right - PAGE.left;

/** Font aliases registered on the document (see pdf.ts). */
export const F = { regular: "sipas-regular", bold: "sipas-bold", italic: "sipas-italic" } as const;
export type FontAlias = (typeof F)[keyof typeof F];

export const SIZE = { small: 8, body: 10, item: 10, heading: 11, title: 15 } as const;
export const LINE_GAP = 1.5;
export const BOX = 10.5;
export const INK = "#000000";
export const RULE = "#444444";
export const SHADE = "#e6e6e6";
export const SHADE_DARK = "#cfcfcf";

/**
 * A unit of layout that is never split across pages. `draw` is called with the
 * top y of the block once the paginator has placed it.
 */
export type Block = {
  height: number;
  draw: (y: number) => void;
  /** Move to the next page together with the following block (headings). */
  keepWithNext?: boolean;
  /** Drawn first on a new page when a page break falls just before this block (table headers). */
  carryHeader?: Block;
  /** Space left above the block, dropped at the top of a page. */
  spaceBefore?: number;
  /** Left out rather than open a page of its own (the closing thanks). */
  optional?: boolean;
};

/** Every string goes through NFC: precomposed Vietnamese letters are in the font's cmap. */
export const nfc = (s: string): string => s.normalize("NFC");

export type TextStyle = { font: FontAlias; size: number; align?: "left" | "center" | "right" | "justify" };

export function textHeight(doc: Doc, text: string, width: number, style: TextStyle): number {
  doc.font(style.font).fontSize(style.size);
  return doc.heightOfString(nfc(text), { width, lineGap: LINE_GAP });
}

export function drawText(doc: Doc, text: string, x: number, y: number, width: number, style: TextStyle): void {
  doc
    .font(style.font)
    .fontSize(style.size)
    .fillColor(INK)
    .text(nfc(text), x, y, { width, lineGap: LINE_GAP, align: style.align ?? "left" });
}

export function textWidth(doc: Doc, text: string, style: TextStyle): number {
  doc.font(style.font).fontSize(style.size);
  return doc.widthOfString(nfc(text));
}

/** An empty tick box with its top-left corner at (x, y). */
export function drawBox(doc: Doc, x: number, y: number, size = BOX): void {
  doc.save().lineWidth(0.8).strokeColor(INK).rect(x, y, size, size).stroke().restore();
}

export function hline(doc: Doc, x1: number, x2: number, y: number, width = 0.6, color = RULE): void {
  doc.save().lineWidth(width).strokeColor(color).moveTo(x1, y).lineTo(x2, y).stroke().restore();
}

export function vline(doc: Doc, x: number, y1: number, y2: number, width = 0.6, color = RULE): void {
  doc.save().lineWidth(width).strokeColor(color).moveTo(x, y1).lineTo(x, y2).stroke().restore();
}

export function fillRect(doc: Doc, x: number, y: number, w: number, h: number, color: string): void {
  doc.save().rect(x, y, w, h).fill(color).restore();
}

/**
 * Positions of tick-box options in a grid: as many equal columns as the longest
 * label allows (at most 5), so short options (Nam / Nữ) share a line, long ones
 * get a line each, and the boxes line up down the page. The same function
 * serves measuring and drawing, so both always agree.
 */
export type OptionPlacement = { label: string; dx: number; dy: number; labelWidth: number };

const GAP_AFTER_BOX = 5;
const GAP_BETWEEN = 10;

export function flowOptions(
  doc: Doc,
  labels: readonly string[],
  width: number,
  style: TextStyle,
): { placements: OptionPlacement[]; height: number } {
  const longest = Math.max(0, ...labels.map((l) => textWidth(doc, l, style) + 1));
  const lineHeight = textHeight(doc, "Ag", 1000, style);
  const labelWidthFor = (c: number): number => width / c - BOX - GAP_AFTER_BOX - (c > 1 ? GAP_BETWEEN : 0);
  // Three or more columns only when every label fits on one line; two columns
  // also when each label takes at most three lines (long expectation lists).
  let cols = 1;
  for (let c = 5; c > 1; c--) {
    if (labelWidthFor(c) >= longest) {
      cols = c;
      break;
    }
  }
  if (cols === 1 && labels.length > 3 && labels.every((l) => textHeight(doc, l, labelWidthFor(2), style) <= 3 * lineHeight + 1)) {
    cols = 2;
  }
  const colWidth = width / cols;
  const labelWidth = labelWidthFor(cols);
  const minRow = Math.max(BOX, lineHeight) + 5;
  const placements: OptionPlacement[] = [];
  let dy = 0;
  for (let start = 0; start < labels.length; start += cols) {
    const row = labels.slice(start, start + cols);
    let rowHeight = minRow;
    row.forEach((label, i) => {
      placements.push({ label, dx: i * colWidth, dy, labelWidth });
      rowHeight = Math.max(rowHeight, textHeight(doc, label, labelWidth, style) + 5);
    });
    dy += rowHeight;
  }
  return { placements, height: dy };
}

export function drawFlowedOptions(doc: Doc, placements: readonly OptionPlacement[], x: number, y: number, style: TextStyle): void {
  for (const p of placements) {
    drawBox(doc, x + p.dx, y + p.dy + 1);
    drawText(doc, p.label, x + p.dx + BOX + 5, y + p.dy, p.labelWidth, style);
  }
}

const ROMAN: readonly [number, string][] = [
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

export function roman(n: number): string {
  let rest = n;
  let out = "";
  for (const [value, digits] of ROMAN) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}
