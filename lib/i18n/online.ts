/** Strings of the public online answering pages (issue 5). Plain words for respondents. */

export const onlineText = {
  title: "Trả lời phiếu khảo sát trực tuyến",
  intro:
    "Ông/Bà nhập mã phiếu in ở đầu phiếu khảo sát giấy (14 chữ số) hoặc quét mã QR trên phiếu để trả lời trực tuyến. Phiếu không ghi tên; mỗi phiếu chỉ được trả lời một lần, bằng giấy hoặc trực tuyến.",
  codeLabel: "Mã phiếu",
  codePlaceholder: "Ví dụ: 001-00042-00017-6",
  open: "Mở phiếu",
  notFound: "Không tìm thấy phiếu mang mã này. Xin Ông/Bà kiểm tra lại mã in trên phiếu giấy.",
  blocked: (until: string, minutes: number) =>
    `Đã nhập sai hoặc tra cứu quá nhiều mã phiếu từ thiết bị này. Xin Ông/Bà thử lại sau ${until} (khoảng ${minutes} phút nữa).`,
  answered: "Phiếu này đã được trả lời. Xin trân trọng cảm ơn Ông/Bà!",
  closed:
    "Phiếu này không còn nhận trả lời trực tuyến (phiếu giấy đã được gửi về, hoặc phiếu đã được thay thế, hủy). Nếu Ông/Bà chưa trả lời, xin liên hệ Sở Nội vụ.",
  notStarted: "Đợt khảo sát chưa bắt đầu nhận trả lời. Xin Ông/Bà quay lại sau.",
  ended: "Đợt khảo sát đã kết thúc, không nhận thêm câu trả lời. Xin trân trọng cảm ơn Ông/Bà!",
  unitLabel: "Cơ quan, đơn vị được đánh giá",
  anonymous: "Phiếu không ghi tên; câu trả lời chỉ dùng để thống kê.",
  submit: "Gửi phiếu trả lời",
  submitting: "Đang gửi…",
  thanks: "Đã nhận phiếu trả lời của Ông/Bà. Xin trân trọng cảm ơn!",
  blank: "Không trả lời",
  missing: (n: number) => `Còn ${n} câu chưa chọn. Nếu không muốn trả lời câu nào, xin chọn “Không trả lời”.`,
  chooseUpTo: (k: number) => `Chọn tối đa ${k} phương án`,
  tooMany: (k: number) => `Chỉ chọn tối đa ${k} phương án.`,
  textPlaceholder: "Ý kiến của Ông/Bà (không bắt buộc)",
  networkError: "Không gửi được do lỗi kết nối. Câu trả lời vẫn còn trên trang; xin bấm gửi lại.",
  back: "Nhập mã phiếu khác",
  rate3: ["Không cần thiết", "Cần thiết", "Rất cần thiết"] as const,
  respondent: "Online",
} as const;
