import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { encodeFormCode, formatFormCode } from "@/lib/forms/form-code";
import { renderFormsPdf, renderFormsPdfToBuffer, type TPrintBatch } from "@/lib/forms/pdf";
import { availablePdfFonts, type TPdfFonts } from "@/lib/forms/print/fonts";
import { CLASSIC, ISSUER, PLAN, SHORT_WITH_ASPECTS } from "./fixtures";
import { inspectPdf } from "./pdf-inspect";

// Every installed font set is tried: the layout must hold with a narrow and a wide face.
const FONTS = availablePdfFonts();
if (FONTS.length === 0) console.warn("No Vietnamese font installed (see lib/forms/print/fonts.ts): PDF rendering tests skipped.");

const FORMS = [
  { code: encodeFormCode({ plan: 1, unit: 42, seq: 17 }), unitName: "Ủy ban nhân dân đặc khu Vân Đồn" },
  { code: formatFormCode(encodeFormCode({ plan: 1, unit: 7, seq: 1 })), unitName: "Sở Tư pháp" },
  { code: encodeFormCode({ plan: 1, unit: 130, seq: 250 }), unitName: "Ủy ban nhân dân phường Hạ Long" },
];

const flat = (s: string): string => s.replace(/\s+/g, " ");

const batchWith = (fonts: TPdfFonts | undefined, over: Partial<TPrintBatch> = {}): TPrintBatch => ({
  questionnaire: CLASSIC,
  plan: PLAN,
  issuer: ISSUER,
  forms: FORMS,
  answerUrl: (code) => `https://sipas.example.gov.vn/tra-loi/${code}`,
  createdAt: new Date("2026-11-23T00:00:00Z"),
  fonts,
  ...over,
});

/** Page texts grouped by the form code in each page's footer. */
function pagesByForm(texts: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of texts) {
    const code = /Mã phiếu: (\d{3}-\d{5}-\d{5}-\d)/.exec(t.split("\n").slice(-3).join("\n"))?.[1] ?? "?";
    out.set(code, [...(out.get(code) ?? []), t]);
  }
  return out;
}

describe.each(FONTS)("printable questionnaire PDF ($source)", ({ fonts }) => {
  const batch = (over: Partial<TPrintBatch> = {}): TPrintBatch => batchWith(fonts, over);


  it("prints a 3-form batch on A4 pages, each form on its own pages, numbered x/y in the footer", async () => {
    const pdf = inspectPdf(await renderFormsPdfToBuffer(batch()));
    expect(pdf.pageCount).toBe(pdf.pageTexts.length);
    expect(pdf.pageCount % 3).toBe(0);
    const perForm = pdf.pageCount / 3;
    expect(perForm).toBeGreaterThanOrEqual(2);
    expect(perForm).toBeLessThanOrEqual(4);
    expect(new Set(pdf.mediaBoxes)).toEqual(new Set(["0 0 595.28 841.89"]));

    const byForm = pagesByForm(pdf.pageTexts);
    expect([...byForm.keys()]).toEqual(FORMS.map((f) => formatFormCode(f.code)));
    for (const [code, pages] of byForm) {
      expect(pages).toHaveLength(perForm);
      pages.forEach((text, i) => expect(text).toContain(`Trang ${i + 1}/${perForm}`));
      expect(pages[0]).toContain(code);
    }
  });

  it("embeds a Unicode font and keeps Vietnamese text extractable", async () => {
    const pdf = inspectPdf(await renderFormsPdfToBuffer(batch()));
    expect(pdf.embeddedFonts.length).toBeGreaterThanOrEqual(2);
    expect(pdf.catalog).toContain("/Lang (vi-VN)");
    const first = pdf.pageTexts[0] ?? "";
    for (const s of ["ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "PHIẾU KHẢO SÁT", "Ủy ban nhân dân đặc khu Vân Đồn", "001-00042-00017-", "1 = Rất không hài lòng", "Bình thường",
      "Thủ tục hành chính", "Tiêu chí đánh giá"]) {
      expect(first).toContain(s);
    }
    const all = flat(pdf.pageTexts.join("\n"));
    for (const s of ["Đánh giá chung", "NĐ1.", "Chọn tối đa 3 phương án", "THÔNG TIN VỀ NGƯỜI TRẢ LỜI PHIẾU", "Nông dân, ngư dân",
      "Ý KIẾN KHÁC"]) {
      expect(all).toContain(s);
    }
    expect(all).not.toContain("\uFFFD");
  });

  it("repeats the 1–5 column heads when the satisfaction table continues on the next page", async () => {
    const pdf = inspectPdf(await renderFormsPdfToBuffer(batch({ forms: FORMS.slice(0, 1) })));
    const second = pdf.pageTexts[1] ?? "";
    expect(second.split("\n").slice(0, 3)).toEqual(["Mã", "Tiêu chí đánh giá", "1"]);
  });

  it("pads each form to an even page count for double-sided printing", async () => {
    const single = inspectPdf(await renderFormsPdfToBuffer(batch({ forms: FORMS.slice(0, 1) }))).pageCount;
    const duplex = inspectPdf(await renderFormsPdfToBuffer(batch({ duplex: true }))).pageCount;
    expect(duplex).toBe(3 * (single + (single % 2)));
  });

  it("prints aspects, a 3-level expectation table, and fits a short form on one page", async () => {
    const pdf = inspectPdf(await renderFormsPdfToBuffer(batch({ questionnaire: SHORT_WITH_ASPECTS })));
    expect(pdf.pageCount).toBe(3);
    const text = pdf.pageTexts[0] ?? "";
    expect(text).toContain("KHÍA CẠNH: CUNG ỨNG DỊCH VỤ CÔNG");
    expect(text).toContain("1 = Không cần thiết");
    expect(text).toContain("Trang 1/1");
  });

  it("streams into any Writable and is byte-identical for the same input", async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (chunks.push(chunk), done()) });
    await renderFormsPdf(batch(), sink);
    const streamed = Buffer.concat(chunks);
    expect(streamed.subarray(0, 5).toString()).toBe("%PDF-");
    expect(streamed.equals(await renderFormsPdfToBuffer(batch()))).toBe(true);
  });
});

describe("printable questionnaire PDF, input checks", () => {
  it("refuses an invalid form code or an empty batch before writing anything", async () => {
    const bad = { code: "001-00042-00017-0", unitName: "X" };
    await expect(renderFormsPdfToBuffer(batchWith(FONTS[0]?.fonts, { forms: [bad] }))).rejects.toThrow(/Mã phiếu không hợp lệ/);
    await expect(renderFormsPdfToBuffer(batchWith(FONTS[0]?.fonts, { forms: [] }))).rejects.toThrow(/Không có phiếu nào/);
  });

  it.skipIf(FONTS.length === 0)("stops and reports the reader's error when the download is closed midway", async () => {
    const closed = new Writable({ write: (_chunk, _enc, done) => done(new Error("client closed")) });
    await expect(renderFormsPdf(batchWith(FONTS[0]?.fonts), closed)).rejects.toThrow("client closed");
  });
});
