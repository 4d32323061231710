import type { TElement, TItem, TQuestionnaire, TSatisfactionItem } from "@/lib/sipas/questionnaire";
import { SATISFACTION_SCALE } from "@/lib/sipas/questionnaire";
import { PRINT_TEXT, RATE3_SCALE } from "./messages";
import {
  BOX,
  CONTENT_WIDTH,
  F,
  PAGE,
  SHADE,
  SHADE_DARK,
  SIZE,
  drawBox,
  drawFlowedOptions,
  drawText,
  fillRect,
  flowOptions,
  hline,
  roman,
  textHeight,
  vline,
  type Block,
  type Doc,
  type TextStyle,
} from "./kit";

/** Blocks for every item of the questionnaire, grouped into numbered sections. */

const BODY: TextStyle = { font: F.regular, size: SIZE.item };
const BOLD: TextStyle = { font: F.bold, size: SIZE.item };
const CODE: TextStyle = { font: F.regular, size: SIZE.small + 0.5 };
const PAD = 3.5;

type Section = { kind: TItem["kind"]; items: TItem[] };

function sections(q: TQuestionnaire): Section[] {
  const out: Section[] = [];
  for (const item of q.items) {
    const last = out.at(-1);
    if (last !== undefined && last.kind === item.kind) last.items.push(item);
    else out.push({ kind: item.kind, items: [item] });
  }
  return out;
}

function sectionHeading(doc: Doc, n: number, title: string, note: string | null): Block {
  const text = `${roman(n)}. ${title}`;
  const h = textHeight(doc, text, CONTENT_WIDTH, { font: F.bold, size: SIZE.heading });
  const noteH = note === null ? 0 : textHeight(doc, note, CONTENT_WIDTH, { font: F.italic, size: SIZE.body }) + 2;
  return {
    height: h + noteH + 4,
    spaceBefore: 10,
    keepWithNext: true,
    draw: (y) => {
      drawText(doc, text, PAGE.left, y, CONTENT_WIDTH, { font: F.bold, size: SIZE.heading });
      if (note !== null) drawText(doc, note, PAGE.left, y + h + 2, CONTENT_WIDTH, { font: F.italic, size: SIZE.body });
    },
  };
}

// ---- satisfaction table -------------------------------------------------------------

const COL_CODE = 38;
const COL_BOX = 34;
const COL_TEXT = CONTENT_WIDTH - COL_CODE - 5 * COL_BOX;
const X_TEXT = PAGE.left + COL_CODE;
const X_BOXES = X_TEXT + COL_TEXT;

function tableRowFrame(doc: Doc, y: number, h: number, withBoxes: boolean): void {
  hline(doc, PAGE.left, PAGE.right, y);
  hline(doc, PAGE.left, PAGE.right, y + h);
  vline(doc, PAGE.left, y, y + h);
  vline(doc, PAGE.right, y, y + h);
  if (!withBoxes) return;
  vline(doc, X_TEXT, y, y + h);
  for (let i = 0; i < 5; i++) vline(doc, X_BOXES + i * COL_BOX, y, y + h);
}

function scaleHeader(doc: Doc): Block {
  const labelStyle: TextStyle = { font: F.regular, size: 6.5, align: "center" };
  const labelsH = Math.max(...SATISFACTION_SCALE.map((s) => textHeight(doc, s.label, COL_BOX - 4, labelStyle)));
  const h = 14 + labelsH + 4;
  return {
    height: h,
    draw: (y) => {
      fillRect(doc, PAGE.left, y, CONTENT_WIDTH, h, SHADE);
      tableRowFrame(doc, y, h, true);
      drawText(doc, PRINT_TEXT.codeColumn, PAGE.left, y + h / 2 - 5, COL_CODE, { ...BOLD, size: 9, align: "center" });
      drawText(doc, PRINT_TEXT.criterionColumn, X_TEXT, y + h / 2 - 6, COL_TEXT, { ...BOLD, align: "center" });
      SATISFACTION_SCALE.forEach((s, i) => {
        const x = X_BOXES + i * COL_BOX;
        drawText(doc, s.code, x, y + 3, COL_BOX, { ...BOLD, align: "center" });
        drawText(doc, s.label, x + 2, y + 15, COL_BOX - 4, labelStyle);
      });
    },
  };
}

function groupRow(doc: Doc, title: string, shade: string, header: Block): Block {
  const h = textHeight(doc, title, CONTENT_WIDTH - 2 * PAD, BOLD) + 2 * PAD;
  return {
    height: h,
    keepWithNext: true,
    carryHeader: header,
    draw: (y) => {
      fillRect(doc, PAGE.left, y, CONTENT_WIDTH, h, shade);
      tableRowFrame(doc, y, h, false);
      drawText(doc, title, PAGE.left + PAD, y + PAD, CONTENT_WIDTH - 2 * PAD, BOLD);
    },
  };
}

function satisfactionRow(doc: Doc, item: TSatisfactionItem, header: Block): Block {
  const textH = textHeight(doc, item.text, COL_TEXT - 2 * PAD, BODY);
  const h = Math.max(textH + 2 * PAD, BOX + 2 * PAD + 2);
  return {
    height: h,
    carryHeader: header,
    draw: (y) => {
      tableRowFrame(doc, y, h, true);
      drawText(doc, item.code, PAGE.left, y + PAD + 1, COL_CODE, { ...CODE, align: "center" });
      drawText(doc, item.text, X_TEXT + PAD, y + PAD, COL_TEXT - 2 * PAD, BODY);
      for (let i = 0; i < 5; i++) drawBox(doc, X_BOXES + i * COL_BOX + (COL_BOX - BOX) / 2, y + (h - BOX) / 2);
    },
  };
}

function satisfactionBlocks(doc: Doc, q: TQuestionnaire, items: TSatisfactionItem[]): Block[] {
  const elements = new Map<string, TElement>(q.elements.map((e) => [e.code, e]));
  const aspects = new Map(q.aspects.map((a) => [a.code, a]));
  const legend = PRINT_TEXT.scaleLegend(SATISFACTION_SCALE);
  const legendH = textHeight(doc, legend, CONTENT_WIDTH, { font: F.italic, size: SIZE.body });
  const header = scaleHeader(doc);
  const blocks: Block[] = [
    { height: legendH + 4, keepWithNext: true, draw: (y) => drawText(doc, legend, PAGE.left, y, CONTENT_WIDTH, { font: F.italic, size: SIZE.body }) },
    { ...header, keepWithNext: true },
  ];
  let element: string | null | undefined;
  let aspect: string | null | undefined;
  let elementNo = 0;
  for (const item of items) {
    if (item.element !== element) {
      element = item.element;
      const el = element === null ? undefined : elements.get(element);
      const nextAspect = el?.aspect ?? null;
      if (nextAspect !== aspect) {
        aspect = nextAspect;
        const a = aspect === null ? undefined : aspects.get(aspect);
        if (a !== undefined) blocks.push(groupRow(doc, `${PRINT_TEXT.aspect}: ${a.title}`.toLocaleUpperCase("vi"), SHADE_DARK, header));
      }
      const title = el === undefined ? PRINT_TEXT.overall : `${++elementNo}. ${el.title}`;
      blocks.push(groupRow(doc, title, SHADE, header));
    }
    blocks.push(satisfactionRow(doc, item, header));
  }
  return blocks;
}

// ---- choice items, expectations, comment ---------------------------------------------

/** Print an option's code beside its label only when it is something a clerk would key in. */
function optionLabel(o: { code: string; label: string }): string {
  return /^(\d{1,2}|[A-Za-z])$/.test(o.code) ? `${o.code}. ${o.label}` : o.label;
}

function questionText(item: TItem): string {
  return `${item.code}. ${item.text}`;
}

function choiceBlock(doc: Doc, item: TItem, options: readonly { code: string; label: string }[], note: string | null): Block {
  const qText = note === null ? questionText(item) : `${questionText(item)} ${note}`;
  const qH = textHeight(doc, qText, CONTENT_WIDTH, BOLD);
  const indent = 16;
  const flow = flowOptions(doc, options.map(optionLabel), CONTENT_WIDTH - indent, BODY);
  return {
    height: qH + 4 + flow.height,
    spaceBefore: 6,
    draw: (y) => {
      drawText(doc, qText, PAGE.left, y, CONTENT_WIDTH, BOLD);
      drawFlowedOptions(doc, flow.placements, PAGE.left + indent, y + qH + 4, BODY);
    },
  };
}

function rate3Blocks(doc: Doc, item: Extract<TItem, { kind: "expectation" }>): Block[] {
  const qText = `${questionText(item)} ${PRINT_TEXT.rate3Note(RATE3_SCALE)}`;
  const qH = textHeight(doc, qText, CONTENT_WIDTH, BOLD);
  const col = 52;
  const textW = CONTENT_WIDTH - 3 * col;
  const xBoxes = PAGE.left + textW;
  const rows: Block[] = [
    { height: qH + 4, spaceBefore: 6, keepWithNext: true, draw: (y) => drawText(doc, qText, PAGE.left, y, CONTENT_WIDTH, BOLD) },
  ];
  const head: Block = {
    height: 16,
    keepWithNext: true,
    draw: (y) => {
      fillRect(doc, xBoxes, y, 3 * col, 16, SHADE);
      RATE3_SCALE.forEach((s, i) => drawText(doc, s.code, xBoxes + i * col, y + 3, col, { ...BOLD, align: "center" }));
    },
  };
  rows.push(head);
  for (const o of item.options) {
    const h = Math.max(textHeight(doc, o.label, textW - 2 * PAD, BODY) + 2 * PAD, BOX + 2 * PAD + 2);
    rows.push({
      height: h,
      carryHeader: head,
      draw: (y) => {
        hline(doc, PAGE.left, PAGE.right, y + h, 0.4);
        drawText(doc, o.label, PAGE.left + PAD, y + PAD, textW - 2 * PAD, BODY);
        for (let i = 0; i < 3; i++) drawBox(doc, xBoxes + i * col + (col - BOX) / 2, y + (h - BOX) / 2);
      },
    });
  }
  return rows;
}

function commentBlock(doc: Doc, item: Extract<TItem, { kind: "text" }>): Block {
  const qH = textHeight(doc, questionText(item), CONTENT_WIDTH, BOLD);
  const lines = Math.min(10, Math.max(5, Math.ceil(item.maxLength / 350)));
  const pitch = 20;
  const boxH = lines * pitch + 6;
  return {
    height: qH + 4 + boxH,
    spaceBefore: 6,
    draw: (y) => {
      drawText(doc, questionText(item), PAGE.left, y, CONTENT_WIDTH, BOLD);
      const top = y + qH + 4;
      doc.save().lineWidth(0.8).strokeColor("#000000").rect(PAGE.left, top, CONTENT_WIDTH, boxH).stroke().restore();
      for (let i = 1; i <= lines; i++) {
        doc.save().lineWidth(0.4).dash(1, { space: 2 }).strokeColor("#555555");
        doc.moveTo(PAGE.left + 8, top + i * pitch).lineTo(PAGE.right - 8, top + i * pitch).stroke().restore();
      }
    },
  };
}

function itemBlocks(doc: Doc, item: TItem): Block[] {
  switch (item.kind) {
    case "satisfaction":
      return [];
    case "assessment":
      return [choiceBlock(doc, item, item.options, null)];
    case "respondent":
      return [choiceBlock(doc, item, item.options, null)];
    case "expectation":
      return item.mode === "rate3"
        ? rate3Blocks(doc, item)
        : [choiceBlock(doc, item, item.options, /\(.*chọn.*\)/iu.test(item.text) ? null : PRINT_TEXT.chooseUpTo(item.maxChoices))];
    case "text":
      return [commentBlock(doc, item)];
  }
}

export function questionnaireBlocks(doc: Doc, q: TQuestionnaire): Block[] {
  const blocks: Block[] = [];
  sections(q).forEach((section, i) => {
    const { title, note } = PRINT_TEXT.sections[section.kind];
    blocks.push(sectionHeading(doc, i + 1, title, note));
    if (section.kind === "satisfaction") {
      const sat = section.items.filter((it): it is TSatisfactionItem => it.kind === "satisfaction");
      blocks.push(...satisfactionBlocks(doc, q, sat));
    } else {
      for (const item of section.items) blocks.push(...itemBlocks(doc, item));
    }
  });
  blocks.push({
    height: 16,
    spaceBefore: 14,
    optional: true,
    draw: (y) => drawText(doc, PRINT_TEXT.thanks, PAGE.left, y, CONTENT_WIDTH, { font: F.bold, size: SIZE.heading, align: "center" }),
  });
  return blocks;
}
