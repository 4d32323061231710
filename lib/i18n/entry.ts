/**
 * Strings of data entry, double entry, reconciliation and online answering (issue 5).
 * Vietnamese, with diacritics; each refusal says what was wrong and what to do.
 */

const list = (codes: readonly string[]): string => codes.join(", ");

export const entryText = {
  cells: {
    blank: "để trống",
    multiple: "đánh nhiều ô",
    unreadable: "không đọc được",
    missing: (code: string) => `Câu ${code} chưa được nhập. Gõ 0 nếu câu này để trống trên phiếu.`,
    unknownItem: (code: string) => `Câu “${code}” không có trong mẫu phiếu của kế hoạch này.`,
    unknownOption: (code: string, codes: readonly string[]) =>
      `“${code}” không phải là phương án của câu này (các phương án: ${list(codes)}; M nếu đánh nhiều ô, U nếu không đọc được).`,
    tooMany: (n: number, max: number) =>
      `Đã chọn ${n} phương án, quá số tối đa ${max}. Nếu trên phiếu đánh quá số ô cho phép, hãy ghi nhận “đánh nhiều ô” (phím *).`,
    badRate: (code: string) => `Mức đánh giá của phương án ${code} phải là 1, 2 hoặc 3 (hoặc M, U).`,
    repeated: (code: string) => `Phương án ${code} được ghi hai lần.`,
    tooLong: (max: number) => `Ý kiến dài quá ${max} ký tự. Vui lòng rút gọn.`,
  },
  refuse: {
    badCode: (reason: string) => reason,
    noSuchForm: (display: string) =>
      `Không có phiếu nào mang mã ${display}. Mã có chữ số kiểm tra đúng nhưng chưa được cấp cho phiếu nào: vui lòng đối chiếu lại mã in trên phiếu.`,
    otherUnit: (display: string, unit: string) =>
      `Phiếu ${display} thuộc đơn vị “${unit}”, không thuộc các đơn vị được giao cho bạn. Hãy chuyển phiếu cho cán bộ phụ trách đơn vị đó.`,
    notReturned: (display: string, state: string) =>
      `Phiếu ${display} đang ở trạng thái “${state}”, chưa được ghi nhận “Đã thu về” nên chưa nhập được. Hãy báo Sở Nội vụ ghi nhận phiếu đã thu về rồi nhập lại.`,
    notEnterable: (display: string, state: string) =>
      `Phiếu ${display} đang ở trạng thái “${state}”, không nhận câu trả lời. Hãy để riêng phiếu giấy này và báo Sở Nội vụ.`,
    alreadyEntered: (display: string, who: string, when: string) =>
      `Phiếu ${display} đã được nhập (${who}, ${when}). Không nhập lại lần nữa; nhấn Enter để mở phiếu đã nhập nếu cần sửa.`,
    answeredOnline: (display: string, when: string) =>
      `Phiếu ${display} đã được người dân trả lời trực tuyến lúc ${when}; phiếu giấy không được nhập thêm (mỗi phiếu chỉ tính một lần). Hãy để riêng phiếu giấy và báo Sở Nội vụ ghi nhận phiếu trùng.`,
    secondByOther: (display: string) =>
      `Phiếu ${display} được chọn để nhập lần hai (nhập đối chiếu) nhưng bạn là người đã nhập lần một. Lần hai phải do một cán bộ khác nhập.`,
    secondDone: (display: string) => `Phiếu ${display} đã được nhập đủ hai lần; không nhập thêm.`,
    noCorrectOnline: (display: string) => `Phiếu ${display} do người dân trả lời trực tuyến: không sửa câu trả lời của người dân.`,
    planClosed: (state: string) =>
      `Kế hoạch đang ở giai đoạn “${state}”: không nhập hoặc sửa phiếu được nữa. Nếu cần sửa, hãy liên hệ Sở Nội vụ.`,
    changedMeanwhile: (display: string) =>
      `Phiếu ${display} vừa được người khác lưu trong lúc bạn đang nhập. Bản của bạn CHƯA được lưu và vẫn còn trên màn hình; hãy mở bản đã lưu (F2) để đối chiếu rồi sửa nếu cần.`,
    enteredMeanwhile: (display: string, who: string) =>
      `Phiếu ${display} vừa được ${who} nhập xong trước bạn. Bản của bạn CHƯA được lưu và vẫn còn trên màn hình; hãy mở bản đã lưu (F2) để đối chiếu rồi sửa nếu cần.`,
    keyReused: "Yêu cầu lưu này trùng mã với một lần lưu khác có nội dung khác. Vui lòng lưu lại.",
    answersInvalid: "Có câu trả lời chưa hợp lệ; xem các câu được đánh dấu.",
    wrongIntent: "Trạng thái phiếu đã thay đổi từ lúc mở. Vui lòng nhập lại mã phiếu để mở bản mới nhất.",
  },
  saved: {
    first: (display: string) => `Đã lưu phiếu ${display}.`,
    second: (display: string, differences: number) =>
      differences === 0
        ? `Đã lưu lần nhập thứ hai của phiếu ${display}: khớp hoàn toàn với lần một, phiếu đã được kiểm tra.`
        : `Đã lưu lần nhập thứ hai của phiếu ${display}: có ${differences} câu khác với lần một, sẽ được đối chiếu.`,
    corrected: (display: string, changed: number) =>
      changed === 0 ? `Phiếu ${display}: không có thay đổi nào.` : `Đã sửa ${changed} câu của phiếu ${display}; giá trị cũ được lưu trong nhật ký.`,
    replay: (display: string) => `Phiếu ${display} đã được lưu (yêu cầu gửi lại không tạo thêm bản ghi).`,
  },
  home: {
    waiting: (n: string) => `Phiếu đã thu về đang chờ nhập trong các đơn vị của bạn: ${n}`,
    mine: (first: string, second: string) => `Bạn đã nhập ${first} phiếu (lần một) và ${second} phiếu nhập đối chiếu (lần hai).`,
    start: "Bắt đầu nhập phiếu",
  },
  screen: {
    title: "Nhập phiếu khảo sát",
    codeLabel: "Mã phiếu",
    codeHint: "Gõ hoặc quét 14 chữ số in trên phiếu; phiếu tự mở khi đủ số.",
    looking: "Đang tìm phiếu…",
    saving: "Đang lưu…",
    modeFirst: "Nhập lần một",
    modeSecond: "Nhập lần hai (nhập đối chiếu, không xem lần một)",
    modeCorrect: "Sửa phiếu đã nhập",
    unit: "Đơn vị",
    plan: "Kế hoạch",
    keysTitle: "Phím tắt",
    keys: [
      ["1–5", "mức trả lời (hoặc số thứ tự phương án)"],
      ["a, b…", "phương án thứ 10, 11…"],
      ["0", "để trống"],
      ["*", "đánh nhiều ô"],
      ["/", "không đọc được"],
      ["Space", "câu chọn nhiều: xong, sang câu sau"],
      ["↑ ↓", "lên, xuống một câu"],
      ["Backspace", "xóa câu hiện tại / quay lại"],
      ["Enter", "lưu phiếu"],
      ["Esc", "bỏ phiếu này, về ô mã phiếu"],
      ["F2", "mở bản đã lưu (khi phiếu đã nhập)"],
    ] as const,
    incomplete: (n: number, first: string) => `Còn ${n} câu chưa nhập (đầu tiên: ${first}). Gõ 0 cho câu để trống.`,
    unsaved: "Phiếu đang nhập chưa được lưu. Nhấn Esc lần nữa để bỏ.",
    chooseUpTo: (k: number) => `gõ số của các phương án được chọn (tối đa ${k}), rồi Space để sang câu sau; 0 nếu để trống`,
    rateEach: "mỗi phương án một phím: 1 Không cần thiết, 2 Cần thiết, 3 Rất cần thiết",
    textHint: "Gõ nội dung ý kiến (nếu có), Enter để lưu phiếu.",
    progress: (done: number, total: number) => `${done}/${total} câu`,
    networkRetry: "Mất kết nối, đang thử lưu lại…",
    networkFailed: "Không lưu được do mất kết nối. Dữ liệu vẫn còn trên màn hình; nhấn Enter để thử lại.",
    todayCount: (n: number) => `Đã lưu trong phiên này: ${n} phiếu`,
    answerColumn: "Trả lời",
    itemColumn: "Câu hỏi",
  },
} as const;
