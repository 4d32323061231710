/**
 * Strings of the forms, fieldwork and progress screens (issue 5). Vietnamese, with
 * diacritics; every refusal says what was wrong and what to do.
 */

const int = (n: number): string => n.toLocaleString("vi-VN");

export const formsText = {
  drawNotFound: "Không tìm thấy lần chọn mẫu. Hãy tải lại trang chọn mẫu.",
  formNotFound: "Không tìm thấy phiếu. Có thể phiếu đã bị thay thế; hãy tải lại trang.",
  planNotFound: "Không tìm thấy kế hoạch. Hãy quay lại danh sách kế hoạch.",
  codeOutOfRange: (plan: number, unit: number, seq: number) =>
    `Không tạo được mã phiếu: số kế hoạch (${plan}) phải ≤ 999, số đơn vị (${unit}) ≤ 99999 và số thứ tự (${seq}) ≤ 99999. Hãy báo quản trị hệ thống.`,
  redrawAfterDispatch: (code: string) =>
    `Phiếu ${code} của lần chọn mẫu trước đã được gửi đi nên không tạo lại phiếu theo mẫu mới được. Phiếu không thu hồi được sẽ được thay bằng người dự phòng.`,
  changedMeanwhile: (code: string) => `Phiếu ${code} vừa được người khác thay đổi. Hãy tải lại trang rồi thực hiện lại.`,
  notReplaceable: (code: string) =>
    `Phiếu ${code} không thay thế được: chỉ thay phiếu “Không thu hồi được”, “Không phát được” hoặc “Từ chối trả lời”.`,
  noDraw: "Kế hoạch chưa có kết quả chọn mẫu được khóa nên không có danh sách dự phòng.",
  reserveExhausted: (code: string) =>
    `Đã hết người dự phòng trong tầng của phiếu ${code}. Phiếu này không được thay thế; tầng sẽ có ít phiếu hơn cỡ mẫu.`,
  replaced: (oldCode: string, newCode: string, order: number) =>
    `Đã thay phiếu ${oldCode} bằng phiếu mới ${newCode} (người dự phòng thứ ${order}). Phiếu mới cần được in và gửi đi.`,
  replacedMany: (n: number, failed: number) =>
    failed === 0 ? `Đã thay ${int(n)} phiếu bằng người dự phòng.` : `Đã thay ${int(n)} phiếu; ${int(failed)} phiếu không thay được (xem chi tiết).`,
  otherPlan: (code: string) => `Phiếu ${code} thuộc kế hoạch khác, không thuộc kế hoạch đang mở.`,
  noSuchForm: (code: string) => `Không có phiếu nào mang mã ${code}. Hãy đối chiếu lại mã in trên phiếu.`,
  needBatch: "Hãy chọn lô gửi bưu điện trước khi quét phiếu giao bưu điện.",
  batchNotFound: "Không tìm thấy lô gửi trong kế hoạch này. Hãy tải lại trang.",
  batchExists: (code: string) => `Kế hoạch đã có lô gửi mã “${code}”. Hãy đặt mã khác.`,
  batchCreated: (code: string) => `Đã tạo lô gửi ${code}. Quét hoặc gõ mã các phiếu giao cho bưu điện trong lô này.`,
  duplicateReturn: (code: string) =>
    `Phiếu ${code} đã được trả lời trực tuyến: phiếu giấy gửi về được đánh dấu là phiếu trùng, không tính thêm lần nữa.`,
  moved: (code: string, to: string) => `${code}: đã chuyển sang “${to}”.`,
  alreadyThere: (code: string, to: string) => `${code}: phiếu đã ở trạng thái “${to}”, không thay đổi.`,
  markedPrinted: (n: number) => `Đã ghi nhận ${int(n)} phiếu đã in.`,
  nothingToPrint: "Không có phiếu nào phù hợp để in với lựa chọn này.",
  targets: {
    PRINTED: "Đã in",
    DISPATCHED: "Giao bưu điện (theo lô)",
    DELIVERED: "Đã phát đến người được khảo sát",
    RETURNED: "Đã thu về",
    UNDELIVERABLE: "Không phát được",
    REFUSED: "Từ chối trả lời / phiếu trắng",
    NOT_RETURNED: "Không thu hồi được (quá hạn)",
    SPOILED: "Hỏng, hủy",
  },
  import: {
    title: "Cập nhật trạng thái từ tệp Excel",
    hint: "Tệp .xlsx hoặc .csv có cột “Mã phiếu” và cột “Trạng thái” (ví dụ: Đã thu về, Không phát được, Từ chối, Không thu hồi được, Đã phát); cột “Lô gửi” khi chuyển sang giao bưu điện. Có thể dùng lại danh sách gửi bưu điện xuất từ hệ thống. Chỉ cập nhật khi toàn bộ tệp hợp lệ.",
    missingColumn: (name: string) => `Thiếu cột “${name}”. Dòng tiêu đề phải có cột “Mã phiếu” và cột “Trạng thái”.`,
    unknownState: (value: string) =>
      `“${value}” không phải trạng thái phiếu. Dùng một trong: Đã in, Giao bưu điện, Đã phát, Đã thu về, Không phát được, Từ chối, Không thu hồi được, Hỏng.`,
    repeated: (row: number) => `Mã phiếu trùng với dòng ${row}: mỗi phiếu chỉ ghi một lần trong tệp.`,
    tooMany: (limit: number) => `Tệp có quá ${int(limit)} dòng. Hãy chia nhỏ tệp.`,
    empty: "Tệp không có dòng nào có trạng thái cần cập nhật.",
    skippedBlank: (n: number) => `${int(n)} dòng có ô “Trạng thái” trống được bỏ qua.`,
    refused: (n: number) => `Tệp có ${int(n)} lỗi; chưa cập nhật phiếu nào. Hãy sửa các dòng dưới đây rồi tải lên lại.`,
    done: (n: number, dup: number) =>
      `Đã cập nhật ${int(n)} phiếu${dup > 0 ? `; ${int(dup)} phiếu giấy trùng với câu trả lời trực tuyến đã được đánh dấu` : ""}.`,
    noFile: "Hãy chọn tệp Excel (.xlsx) hoặc .csv để tải lên.",
    tooBig: (mb: number) => `Tệp lớn hơn ${mb} MB. Hãy chia nhỏ tệp.`,
    columns: { code: "Mã phiếu", state: "Trạng thái", batch: "Lô gửi" },
  },
  progress: {
    title: "Tiến độ phiếu khảo sát",
    sampled: "Phiếu mẫu",
    issued: "Đã phát hành",
    returned: "Đã thu về",
    entered: "Đã nhập",
    verified: "Đã kiểm tra",
    returnRate: "Tỷ lệ thu hồi",
    replacements: "Phiếu thay thế",
    failed: "Không thu được",
    awaitingEntry: "Chờ nhập",
    awaitingSecond: "Chờ nhập lần hai",
    openDifferences: "Chờ đối chiếu",
    online: "Trả lời trực tuyến",
    duplicates: "Phiếu giấy trùng",
    unit: "Đơn vị",
    total: "Toàn kế hoạch",
    bar: "Tiến độ",
    legend: [
      ["verified", "Đã kiểm tra"],
      ["entered", "Đã nhập"],
      ["returned", "Đã thu về, chờ nhập"],
      ["out", "Đang ở ngoài (đã phát hành)"],
      ["failed", "Không thu được / đã thay"],
      ["office", "Chưa phát hành"],
    ] as const,
    noForms: "Kế hoạch chưa có phiếu nào. Phiếu được tạo khi kết quả chọn mẫu được khóa.",
  },
} as const;
