import { PassThrough, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { setTimeout as sleep } from "node:timers/promises";
import PDFKitDocument from "pdfkit";
import type { TQuestionnaire } from "@/lib/sipas/questionnaire";
import { formatFormCode, parseFormCode } from "./form-code";
import { resolvePdfFonts, type TPdfFonts } from "./print/fonts";
import { drawFooter, headerBlocks } from "./print/header";
import { questionnaireBlocks } from "./print/items";
import { F, PAGE, drawText, type Block, type Doc } from "./print/kit";
import { PRINT_TEXT } from "./print/messages";
import { paginate } from "./print/paginate";

/**
 * The printable A4 PDF of a batch of paper questionnaires: one form per sampled
 * person, each starting on a new page, with its code as text and QR code on the
 * first page and in the footer of every page ("Trang x/y").
 *
 * Each form is laid out and paginated before it is drawn, so pages stream out
 * as they are finished: a batch of thousands of forms never sits in memory.
 */

export type TPrintForm = {
  /** Form code, canonical or formatted. */
  code: string;
  unitName: string;
};

export type TPrintBatch = {
  questionnaire: TQuestionnaire;
  plan: { title: string; year: number };
  /** The letterhead, e.g. { parentAgency: "Ủy ban nhân dân tỉnh Quảng Ninh", agency: "Sở Nội vụ" }. */
  issuer: { parentAgency: string; agency: string };
  forms: readonly TPrintForm[];
  /**
   * The address of the online answering page for a code. When given it is printed
   * and encoded in the QR code; otherwise the QR code holds the bare form code.
   */
  answerUrl?: (code: string) => string;
  /** Pad every form to an even number of pages, so each starts on a front side when printed double-sided. */
  duplex?: boolean;
  fonts?: TPdfFonts;
  /** Stored as the PDF's creation date; fix it for byte-identical output. */
  createdAt?: Date;
};

function registerFonts(doc: Doc, fonts: TPdfFonts): void {
  doc.registerFont(F.regular, fonts.regular);
  doc.registerFont(F.bold, fonts.bold);
  doc.registerFont(F.italic, fonts.italic ?? fonts.regular);
}

function formBlocks(doc: Doc, batch: TPrintBatch, form: TPrintForm, canonical: string): Block[] {
  const q = batch.questionnaire;
  const url = batch.answerUrl?.(canonical) ?? null;
  const header = headerBlocks(doc, {
    issuer: batch.issuer,
    questionnaireTitle: q.title,
    planLine: PRINT_TEXT.planLine(batch.plan.title, batch.plan.year),
    instructions: q.instructions.trim() === "" ? PRINT_TEXT.defaultInstructions : q.instructions,
    unitName: form.unitName,
    displayCode: formatFormCode(canonical),
    qrText: url ?? canonical,
    answerUrl: url,
  });
  return [...header, ...questionnaireBlocks(doc, q)];
}

function canonicalCode(code: string): string {
  const parsed = parseFormCode(code);
  if (!parsed.ok) throw new RangeError(`Mã phiếu không hợp lệ (${code}): ${parsed.reason}`);
  return parsed.code;
}

/** Waits while the reader has not taken what was written (PDFKit itself ignores backpressure). */
async function backpressure(doc: Doc): Promise<void> {
  while (doc.readableLength > doc.readableHighWaterMark * 16 && !doc.destroyed) await sleep(5);
}

/** Draws the whole batch into `doc` (which must have no pages yet), then ends it. */
async function drawBatch(doc: Doc, batch: TPrintBatch): Promise<void> {
  for (const form of batch.forms) {
    // The reader went away (a closed download): stop; the pipeline reports why.
    if (doc.destroyed) return;
    const code = canonicalCode(form.code);
    const display = formatFormCode(code);
    const pages = paginate(formBlocks(doc, batch, form, code), PAGE.top, PAGE.bottom);
    const blank = batch.duplex === true && pages.length % 2 === 1;
    const total = pages.length + (blank ? 1 : 0);
    pages.forEach((placed, i) => {
      doc.addPage({ size: "A4", margin: 0 });
      for (const p of placed) p.block.draw(p.y);
      drawFooter(doc, display, form.unitName, i + 1, total);
    });
    if (blank) {
      doc.addPage({ size: "A4", margin: 0 });
      drawText(doc, PRINT_TEXT.blankPage, PAGE.left, PAGE.height / 2, PAGE.right - PAGE.left, { font: F.italic, size: 10, align: "center" });
      drawFooter(doc, display, form.unitName, total, total);
    }
    await backpressure(doc);
  }
  doc.end();
}

function createDocument(batch: TPrintBatch): Doc {
  const fonts = resolvePdfFonts(batch.fonts);
  const doc = new PDFKitDocument({
    size: "A4",
    margin: 0,
    autoFirstPage: false,
    compress: true,
    lang: "vi-VN",
    info: {
      Title: `Phiếu khảo sát - ${batch.plan.title}`,
      Author: batch.issuer.agency,
      Creator: "SIPAS",
      ...(batch.createdAt === undefined ? {} : { CreationDate: batch.createdAt }),
    },
  });
  registerFonts(doc, fonts);
  return doc;
}

/**
 * Streams the batch's PDF into `out` (an HTTP response, a file) and resolves when
 * it is fully written. Throws before writing anything if a code is invalid, the
 * batch is empty or no Vietnamese font is installed.
 */
export async function renderFormsPdf(batch: TPrintBatch, out: Writable): Promise<void> {
  if (batch.forms.length === 0) throw new RangeError("Không có phiếu nào để in.");
  for (const form of batch.forms) canonicalCode(form.code);
  const doc = createDocument(batch);
  // Settled at once so a reader failing mid-batch is not an unhandled rejection.
  const done = pipeline(doc, out).then(
    () => null,
    (error: unknown) => ({ error }),
  );
  try {
    await drawBatch(doc, batch);
  } catch (error) {
    doc.destroy(error instanceof Error ? error : new Error(String(error)));
    await done;
    throw error;
  }
  const failed = await done;
  if (failed !== null) throw failed.error;
}

/** The batch's PDF as one Buffer (for tests and small batches). */
export async function renderFormsPdfToBuffer(batch: TPrintBatch): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  await renderFormsPdf(batch, sink);
  return Buffer.concat(chunks);
}
