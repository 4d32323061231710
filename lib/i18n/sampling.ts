/** Strings of the sampling (chọn mẫu) screens and services (Vietnamese). */
import type { AllocationRule } from "@/lib/sampling/types";

const int = (n: number): string => n.toLocaleString("vi-VN");

export function ruleLabel(rule: AllocationRule): string {
  switch (rule.kind) {
    case "yamane":
      return `Yamane, e = ${rule.e.replace(".", ",")}`;
    case "quota":
      return `Chỉ tiêu ${int(rule.q)} phiếu`;
    case "manual":
      return `Nhập tay ${int(rule.n)} phiếu`;
    case "proportional":
      return `Tỷ lệ theo N: tổng ${int(rule.total)}${rule.min > 0 ? `, tối thiểu ${int(rule.min)}` : ""}`;
  }
}

export const samplingText = {
  title: "Chọn mẫu",
  monitorTitle: "Kiểm tra kết quả chọn mẫu",
  intro:
    "Mẫu phân tầng chọn theo §5 của phương pháp: trong mỗi tầng, mỗi người (sau khi loại trùng) có khóa SHA-256 của “hạt giống|mã tầng|mã hồ sơ”; " +
    "n_h người có khóa nhỏ nhất là mẫu chính, r_h người tiếp theo là dự phòng theo thứ tự. Ai có danh sách và hạt giống đều kiểm tra lại được.",
  previewTitle: "Xem trước phân bổ cỡ mẫu",
  strataMode: { unit: "Phân tầng theo đơn vị", "unit-field": "Phân tầng theo đơn vị × lĩnh vực" },
  reserveShare: (share: string) => `Tỷ lệ dự phòng: ${share.replace(".", ",")}`,
  col: {
    stratum: "Tầng",
    unit: "Đơn vị",
    level: "Cấp",
    block: "Khối",
    raw: "Số hồ sơ",
    dup: "Trùng",
    N: "N (sau loại trùng)",
    n: "Cỡ mẫu n",
    r: "Dự phòng",
    rule: "Quy tắc",
    flags: "Ghi chú",
    role: "Vai trò",
    order: "Thứ tự",
    dossier: "Mã hồ sơ",
    name: "Họ tên / Tên tổ chức",
    phone: "Số điện thoại",
    address: "Địa chỉ",
    key: "Khóa (SHA-256)",
    pi: "Xác suất chọn π",
  },
  census: "lấy toàn bộ",
  raised: "nâng lên mức tối thiểu",
  empty: "không có hồ sơ",
  total: "Tổng cộng",
  byLevel: "Theo cấp",
  byBlock: "Theo khối",
  exceeds: (min: number, allocated: number, total: number, extra: number) =>
    `Do nâng các tầng lên mức tối thiểu ${int(min)}, tổng cỡ mẫu là ${int(allocated)}, vượt tổng đã định ${int(total)} thêm ${int(extra)} phiếu.`,
  totalAbovePopulation: (total: number, population: number) =>
    `Tổng đã định ${int(total)} lớn hơn số người trong danh sách (${int(population)}): lấy toàn bộ.`,
  seedLabel: "Hạt giống (seed)",
  seedHelp:
    "Nhập công khai tại buổi chọn mẫu, ví dụ kết quả xổ số kiến thiết trong ngày (không ai biết trước), hoặc bấm “Tạo ngẫu nhiên”. Không chứa ký tự |.",
  generateSeed: "Tạo ngẫu nhiên",
  draw: "Chọn mẫu",
  redraw: "Chọn lại với hạt giống khác",
  drawing: "Đang chọn mẫu…",
  drawn: (n: number, r: number) => `Đã chọn ${int(n)} người vào mẫu chính và ${int(r)} người dự phòng (mẫu nháp, chưa khóa).`,
  lock: "Khóa kết quả chọn mẫu",
  lockConfirm:
    "Sau khi khóa, kết quả chọn mẫu là chính thức: phiếu khảo sát được tạo cho mẫu chính và không thể chọn lại. Bạn có chắc chắn?",
  locked: (forms: number) => `Đã khóa kết quả chọn mẫu; đã tạo ${int(forms)} phiếu khảo sát. Kế hoạch chuyển sang “Đã chọn mẫu”.`,
  alreadyLocked: "Kết quả chọn mẫu này đã được khóa trước đó.",
  status: { DRAFT: "Nháp (chưa khóa)", LOCKED: "Đã khóa", SUPERSEDED: "Đã hủy" },
  drawInfo: "Thông tin lần chọn mẫu",
  seed: "Hạt giống",
  frameChecksum: "Mã kiểm tra danh sách (SHA-256, gồm cả thông tin cá nhân)",
  anonChecksum: "Mã kiểm tra danh sách ẩn danh (SHA-256, tính lại được từ tệp ẩn danh)",
  allocationChecksum: "Mã kiểm tra phân bổ (SHA-256)",
  algorithm: "Phiên bản thuật toán",
  drawnAt: "Thời điểm chọn",
  drawnBy: "Người chọn",
  lockedAt: "Thời điểm khóa",
  history: "Các lần chọn mẫu",
  selectionsTitle: "Danh sách được chọn",
  selectionsShown: (shown: number, total: number) => `Hiển thị ${int(shown)} / ${int(total)} người; tải tệp để xem đủ.`,
  verify: "Chạy lại và đối chiếu",
  verifyHelp:
    "Hệ thống chạy lại thuật toán trên danh sách đang lưu với hạt giống và quy tắc đã lưu, rồi so từng người được chọn với kết quả đã lưu.",
  matches: "Khớp: chạy lại cho đúng kết quả đã lưu (cùng danh sách, cùng phân bổ, cùng từng người được chọn và thứ tự).",
  differs: "KHÔNG KHỚP: kết quả chạy lại khác kết quả đã lưu ở các điểm sau.",
  diffHead: {
    algorithmVersion: "Phiên bản thuật toán",
    seed: "Hạt giống",
    frameChecksum: "Mã kiểm tra danh sách",
    allocationChecksum: "Mã kiểm tra phân bổ",
  },
  diffStored: "Đã lưu",
  diffRecomputed: "Chạy lại",
  diffSize: (field: string, stored: string, again: string) => `${field}: đã lưu ${stored}, chạy lại ${again}`,
  diffMissing: "Được chọn khi chạy lại nhưng không có trong kết quả đã lưu",
  diffExtra: "Có trong kết quả đã lưu nhưng không được chọn khi chạy lại",
  diffReordered: "Khác vai trò hoặc thứ tự",
  diffKey: "Khóa hoặc xác suất chọn đã lưu khác giá trị tính lại",
  purged: "Thông tin cá nhân của kế hoạch đã được xóa nên mã kiểm tra danh sách (gồm thông tin cá nhân) không thể khớp; các phần khác vẫn được đối chiếu.",
  mainRole: "Chính",
  reserveRole: "Dự phòng",
  downloads: "Tải về",
  dlSelections: "Kết quả chọn mẫu (CSV, như lệnh sipas sample)",
  dlStrata: "Các tầng và quy tắc (CSV, dùng với --rules)",
  dlFrame: "Danh sách ẩn danh (CSV, dùng với --frame)",
  dlPostOffice: "Danh sách gửi bưu điện (Excel, mỗi đơn vị một trang)",
  dlPostOfficeMasked: "Danh sách mẫu đã che thông tin cá nhân (Excel)",
  dlDuplicates: "Báo cáo hồ sơ trùng (Excel)",
  cliTitle: "Tự kiểm tra trên máy của bạn",
  cliHelp:
    "Tải ba tệp trên, rồi chạy lệnh dưới đây trong thư mục mã nguồn SIPAS; so kết quả với tệp kết quả chọn mẫu (ví dụ bằng lệnh diff hoặc fc). Mã kiểm tra danh sách ẩn danh in ra phải trùng mã trên trang này.",
  noFrame: "Kế hoạch chưa có danh sách khảo sát: hãy nhập danh sách trước khi chọn mẫu.",
  noDraw: "Chưa chọn mẫu.",
  noLockedDraw: "Chưa có kết quả chọn mẫu được khóa.",
  staleDraw: "Đã có lần chọn mẫu mới hơn (có thể do bấm hai lần hoặc người khác vừa chọn). Trang đã được cập nhật; hãy xem lại trước khi chọn tiếp.",
  lockedNoRedraw:
    "Kết quả chọn mẫu đã khóa nên không thể chọn lại. Nếu thật sự cần chọn lại (khi chưa tạo phiếu nào), hãy đưa kế hoạch về giai đoạn “Thu thập danh sách” ở trang kế hoạch: lần chọn đã khóa sẽ bị hủy và được ghi vào nhật ký.",
  formsExist: "Kế hoạch đã có phiếu khảo sát nên không thể chọn lại mẫu.",
  drawNotFound: "Không tìm thấy lần chọn mẫu này.",
  drawNotDraft: "Lần chọn mẫu này đã bị hủy (đã có lần chọn mới hơn hoặc danh sách đã thay đổi).",
  unitOutsidePlan: (codes: string) =>
    `Danh sách có hồ sơ của đơn vị không còn thuộc kế hoạch: ${codes}. Hãy xóa danh sách của các đơn vị này ở trang Danh sách khảo sát.`,
  noRule: (code: string) => `Chưa có quy tắc cỡ mẫu áp dụng cho đơn vị ${code}. Hãy bổ sung quy tắc trong kế hoạch.`,
  masked: "Thông tin cá nhân được che (chỉ Sở Nội vụ xem được đầy đủ).",
  postOfficeSheetHeader: (unit: string) => `Danh sách gửi phiếu khảo sát — ${unit}`,
  verifiedAudit: "Đối chiếu kết quả chọn mẫu",
} as const;
