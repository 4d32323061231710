/** Strings of double-entry reconciliation and clerks' error rates (issue 5). */

export const reconcileText = {
  title: "Đối chiếu phiếu nhập hai lần",
  navLabel: "Đối chiếu nhập liệu",
  intro:
    "Mỗi phiếu được chọn ngẫu nhiên để nhập hai lần bởi hai cán bộ khác nhau, không xem lần nhập trước. Các câu khác nhau được liệt kê dưới đây; hãy đối chiếu với phiếu giấy và chọn giá trị đúng. Giá trị cũ được lưu trong nhật ký.",
  none: "Không có phiếu nào chờ đối chiếu.",
  notFound: "Không tìm thấy phiếu, hoặc phiếu không thuộc kế hoạch bạn được xem.",
  changedMeanwhile: (code: string) => `Phiếu ${code} vừa được người khác thay đổi. Hãy tải lại trang rồi đối chiếu lại.`,
  notOpen: (code: string) => `Phiếu ${code} không còn câu nào chờ đối chiếu.`,
  undecided: (item: string) => `Chưa chọn giá trị cho câu ${item}.`,
  incomplete: "Còn câu chưa chọn giá trị đúng; xem các câu được đánh dấu.",
  done: (code: string, changed: number) =>
    changed === 0
      ? `Đã đối chiếu phiếu ${code}: giữ nguyên lần nhập một; phiếu đã được kiểm tra.`
      : `Đã đối chiếu phiếu ${code}: sửa ${changed} câu theo phiếu giấy; phiếu đã được kiểm tra.`,
  columns: {
    form: "Mã phiếu",
    plan: "Kế hoạch",
    unit: "Đơn vị",
    open: "Số câu khác nhau",
    item: "Câu",
    first: "Lần một",
    second: "Lần hai",
    decision: "Giá trị đúng (theo phiếu giấy)",
  },
  takeFirst: "Theo lần một",
  takeSecond: "Theo lần hai",
  other: "Giá trị khác",
  confirm: "Xác nhận đối chiếu",
  open: "Đối chiếu",
  back: "Danh sách phiếu chờ đối chiếu",
  clerks: "Tỷ lệ lỗi nhập liệu theo cán bộ",
  clerksIntro: "Tính trên các phiếu nhập hai lần đã đối chiếu xong: một lỗi là một câu mà giá trị cán bộ nhập khác giá trị đúng.",
  clerkColumns: { clerk: "Cán bộ", forms: "Phiếu đã nhập (được đối chiếu)", items: "Số câu", errors: "Số lỗi", rate: "Tỷ lệ lỗi" },
  noClerks: "Chưa có phiếu nhập hai lần nào được đối chiếu xong.",
  clerksEntered: (a: string, b: string) => `Lần một: ${a} · Lần hai: ${b}`,
} as const;
