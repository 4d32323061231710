import { drawQrCode } from "./qr";
import { PRINT_TEXT } from "./messages";
import { CONTENT_WIDTH, F, PAGE, SIZE, drawText, hline, nfc, textHeight, textWidth, type Block, type Doc } from "./kit";

/** The first-page header of one form, and the footer of every page. */

export type THeaderInput = {
  issuer: { parentAgency: string; agency: string };
  questionnaireTitle: string;
  planLine: string;
  instructions: string;
  unitName: string;
  displayCode: string;
  qrText: string;
  answerUrl: string | null;
};

const upper = (s: string): string => nfc(s).toLocaleUpperCase("vi");

function letterhead(doc: Doc, issuer: THeaderInput["issuer"]): Block {
  const leftW = 215;
  const rightX = PAGE.left + leftW + 10;
  const rightW = PAGE.right - rightX;
  const parent = upper(issuer.parentAgency);
  const agency = upper(issuer.agency);
  const small = { font: F.regular, size: 10, align: "center" } as const;
  const strong = { font: F.bold, size: 10, align: "center" } as const;
  const leftH = textHeight(doc, parent, leftW, small) + textHeight(doc, agency, leftW, strong);
  const rightH = textHeight(doc, PRINT_TEXT.nationalName, rightW, strong) + 14;
  const h = Math.max(leftH, rightH) + 10;
  return {
    height: h,
    draw: (y) => {
      drawText(doc, parent, PAGE.left, y, leftW, small);
      const agencyY = y + textHeight(doc, parent, leftW, small);
      drawText(doc, agency, PAGE.left, agencyY, leftW, strong);
      const agencyBottom = agencyY + textHeight(doc, agency, leftW, strong) + 2;
      hline(doc, PAGE.left + leftW / 2 - 30, PAGE.left + leftW / 2 + 30, agencyBottom, 0.8, "#000000");

      drawText(doc, PRINT_TEXT.nationalName, rightX, y, rightW, strong);
      const mottoY = y + textHeight(doc, PRINT_TEXT.nationalName, rightW, strong);
      const motto = { font: F.bold, size: 11, align: "center" } as const;
      drawText(doc, PRINT_TEXT.nationalMotto, rightX, mottoY, rightW, motto);
      const mw = textWidth(doc, PRINT_TEXT.nationalMotto, motto);
      const mottoBottom = mottoY + textHeight(doc, PRINT_TEXT.nationalMotto, rightW, motto) + 1;
      hline(doc, rightX + (rightW - mw) / 2, rightX + (rightW + mw) / 2, mottoBottom, 0.8, "#000000");
    },
  };
}

function titleBlock(doc: Doc, input: THeaderInput): Block {
  const title = { font: F.bold, size: SIZE.title, align: "center" } as const;
  const sub = { font: F.bold, size: SIZE.heading, align: "center" } as const;
  const plan = { font: F.italic, size: SIZE.body, align: "center" } as const;
  const h1 = textHeight(doc, PRINT_TEXT.formTitle, CONTENT_WIDTH, title);
  const h2 = textHeight(doc, input.questionnaireTitle, CONTENT_WIDTH, sub);
  const h3 = textHeight(doc, input.planLine, CONTENT_WIDTH - 40, plan);
  return {
    height: h1 + h2 + h3 + 6,
    spaceBefore: 8,
    draw: (y) => {
      drawText(doc, PRINT_TEXT.formTitle, PAGE.left, y, CONTENT_WIDTH, title);
      drawText(doc, input.questionnaireTitle, PAGE.left, y + h1 + 2, CONTENT_WIDTH, sub);
      drawText(doc, input.planLine, PAGE.left + 20, y + h1 + h2 + 4, CONTENT_WIDTH - 40, plan);
    },
  };
}

/** Unit name, form code in large type and the QR code, boxed, so a clerk finds them at a glance. */
function identityBox(doc: Doc, input: THeaderInput): Block {
  const qr = 78;
  const pad = 8;
  const textW = CONTENT_WIDTH - qr - 3 * pad;
  const label = { font: F.regular, size: SIZE.body } as const;
  const unit = { font: F.bold, size: 12 } as const;
  const code = { font: F.bold, size: 17 } as const;
  const hint = { font: F.italic, size: 8.5 } as const;
  const unitH = textHeight(doc, input.unitName, textW, unit);
  const hintH = input.answerUrl === null ? 0 : textHeight(doc, PRINT_TEXT.onlineHint(input.answerUrl), textW, hint) + 4;
  const textBlockH = 13 + unitH + 6 + 22 + hintH;
  const h = Math.max(textBlockH, qr + 12) + 2 * pad;
  return {
    height: h,
    spaceBefore: 8,
    draw: (y) => {
      doc.save().lineWidth(1).strokeColor("#000000").rect(PAGE.left, y, CONTENT_WIDTH, h).stroke().restore();
      let ty = y + pad;
      const x = PAGE.left + pad;
      drawText(doc, PRINT_TEXT.unitLabel, x, ty, textW, label);
      ty += 13;
      drawText(doc, input.unitName, x, ty, textW, unit);
      ty += unitH + 6;
      const labelW = textWidth(doc, PRINT_TEXT.codeLabel, label) + 6;
      drawText(doc, PRINT_TEXT.codeLabel, x, ty + 5, labelW, label);
      drawText(doc, input.displayCode, x + labelW, ty, textW - labelW, code);
      ty += 22;
      if (input.answerUrl !== null) drawText(doc, PRINT_TEXT.onlineHint(input.answerUrl), x, ty + 4, textW, hint);
      const qx = PAGE.right - pad - qr;
      drawQrCode(doc, input.qrText, qx, y + pad, qr);
      drawText(doc, PRINT_TEXT.qrCaption, qx - 10, y + pad + qr + 1, qr + 20, { font: F.regular, size: 7, align: "center" });
    },
  };
}

function instructionsBlock(doc: Doc, instructions: string): Block {
  const titleStyle = { font: F.bold, size: SIZE.body } as const;
  const body = { font: F.italic, size: SIZE.body } as const;
  const th = textHeight(doc, PRINT_TEXT.instructionsTitle, CONTENT_WIDTH, titleStyle);
  const bh = textHeight(doc, instructions, CONTENT_WIDTH, body);
  return {
    height: th + bh + 2,
    spaceBefore: 8,
    draw: (y) => {
      drawText(doc, PRINT_TEXT.instructionsTitle, PAGE.left, y, CONTENT_WIDTH, titleStyle);
      drawText(doc, instructions, PAGE.left, y + th + 2, CONTENT_WIDTH, body);
    },
  };
}

export function headerBlocks(doc: Doc, input: THeaderInput): Block[] {
  return [letterhead(doc, input.issuer), titleBlock(doc, input), identityBox(doc, input), instructionsBlock(doc, input.instructions)];
}

/** Footer on every page of a form: the code (pages can be matched if they come apart), unit and page x/y. */
export function drawFooter(doc: Doc, displayCode: string, unitName: string, page: number, pages: number): void {
  const y = PAGE.footerY;
  hline(doc, PAGE.left, PAGE.right, y - 5, 0.6, "#000000");
  const style = { font: F.bold, size: 9 } as const;
  drawText(doc, PRINT_TEXT.footerCode(displayCode), PAGE.left, y, 190, style);
  drawText(doc, PRINT_TEXT.footerPage(page, pages), PAGE.right - 90, y, 90, { ...style, align: "right" });
  doc.font(F.regular).fontSize(8).fillColor("#333333");
  doc.text(nfc(unitName), PAGE.left + 195, y + 1, { width: CONTENT_WIDTH - 290, align: "center", lineBreak: false, ellipsis: true, height: 11 });
  doc.fillColor("#000000");
}
