import type { TItem } from "@/lib/sipas/questionnaire";

/** Every Vietnamese string printed on the paper questionnaire, in one place. */

/** Labels of the 3-level expectation scale (the questionnaire model carries only the items). */
export const RATE3_SCALE = [
  { code: "1", label: "Không cần thiết" },
  { code: "2", label: "Cần thiết" },
  { code: "3", label: "Rất cần thiết" },
] as const;

type Scale = readonly { code: string; label: string }[];

const legend = (scale: Scale): string => scale.map((s) => `${s.code} = ${s.label}`).join("; ");

export const PRINT_TEXT = {
  nationalName: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  nationalMotto: "Độc lập - Tự do - Hạnh phúc",
  formTitle: "PHIẾU KHẢO SÁT",
  unitLabel: "Cơ quan, đơn vị được đánh giá:",
  codeLabel: "Mã phiếu:",
  qrCaption: "Mã phiếu (QR)",
  onlineHint: (url: string): string =>
    `Ông/Bà có thể trả lời trực tuyến tại ${url} bằng cách nhập mã phiếu hoặc quét mã QR bên cạnh. Mỗi phiếu chỉ được trả lời một lần.`,
  planLine: (title: string, year: number): string => (title.includes(String(year)) ? title : `${title} năm ${year}`),
  instructionsTitle: "Hướng dẫn trả lời:",
  defaultInstructions: [
    "Ông/Bà vui lòng đánh dấu X vào một ô phù hợp với ý kiến của mình cho mỗi câu hỏi. Nếu muốn sửa, tô kín ô đã đánh dấu và đánh dấu X vào ô khác.",
    "Phiếu không ghi tên người trả lời; mọi thông tin chỉ được dùng để tổng hợp, đánh giá chất lượng phục vụ và được giữ bí mật.",
  ].join("\n"),
  codeColumn: "Mã",
  criterionColumn: "Tiêu chí đánh giá",
  aspect: "Khía cạnh",
  overall: "Đánh giá chung",
  scaleLegend: (scale: Scale): string => `Mức độ hài lòng: ${legend(scale)}.`,
  rate3Note: (scale: Scale): string => `(${legend(scale)})`,
  chooseUpTo: (k: number | undefined): string =>
    k === undefined ? "(Có thể chọn nhiều phương án)" : k <= 1 ? "(Chọn một phương án)" : `(Chọn tối đa ${k} phương án)`,
  sections: {
    satisfaction: { title: "ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG", note: null },
    assessment: { title: "NHẬN ĐỊNH CỦA ÔNG/BÀ", note: null },
    expectation: { title: "MONG ĐỢI CỦA ÔNG/BÀ", note: null },
    respondent: {
      title: "THÔNG TIN VỀ NGƯỜI TRẢ LỜI PHIẾU",
      note: "(Không bắt buộc; phiếu không ghi tên, địa chỉ hay số điện thoại của Ông/Bà.)",
    },
    text: { title: "Ý KIẾN KHÁC", note: null },
  } satisfies Record<TItem["kind"], { title: string; note: string | null }>,
  thanks: "Xin trân trọng cảm ơn sự hợp tác của Ông/Bà!",
  footerCode: (code: string): string => `Mã phiếu: ${code}`,
  footerPage: (page: number, pages: number): string => `Trang ${page}/${pages}`,
  blankPage: "Trang này để trống",
};
