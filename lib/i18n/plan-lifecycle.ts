/**
 * What each plan action is called in a refusal, and what to do instead when it comes too
 * early or too late in the plan's lifecycle (lib/plans/lifecycle.ts). Vietnamese.
 */
export type ActionText = { what: string; early?: string; late?: string };

const OPEN_FRAME = "Hãy phê duyệt kế hoạch rồi bấm “Bắt đầu thu thập danh sách” trên trang kế hoạch.";
const REOPEN_FRAME =
  "Mẫu đã được chọn từ danh sách hiện tại. Nếu còn đơn vị nộp danh sách muộn và chưa tạo phiếu nào, hãy bấm “Mở lại thu thập danh sách” trên trang kế hoạch rồi chọn mẫu lại.";
const NEED_SAMPLE = "Hãy chọn mẫu và khóa kết quả chọn mẫu trước.";
const START_FIELDWORK = "Hãy bấm “Bắt đầu khảo sát” trên trang kế hoạch.";
const FIELDWORK_OVER = "Giai đoạn phát và thu hồi phiếu đã kết thúc.";
const ENTRY_OVER = "Đã kết thúc nhập phiếu. Khi kết quả chưa công bố, quản trị viên có thể bấm “Mở lại nhập phiếu” trên trang kế hoạch.";
const PUBLISHED =
  "Kết quả đã công bố là bản chốt, không thay đổi được. Nếu phát hiện sai sót, hãy ghi nhận trong báo cáo giải trình của đợt khảo sát.";

export const planActionText = {
  "plan.editInfo": { what: "sửa thông tin chung của kế hoạch", late: "Kế hoạch đã công bố hoặc đã lưu trữ là hồ sơ chốt; điều chỉnh (nếu có) cần ban hành bằng văn bản riêng." },
  "plan.editScope": {
    what: "sửa thời gian giao dịch, đơn vị, mẫu phiếu hoặc quy tắc cỡ mẫu",
    late: "Mẫu đã được chọn theo phạm vi và quy tắc hiện tại. Nếu thật sự cần thay đổi và chưa tạo phiếu nào, hãy bấm “Mở lại thu thập danh sách” trên trang kế hoạch.",
  },
  "plan.editMethod": { what: "sửa cách tính chỉ số", late: PUBLISHED },
  "plan.milestoneDone": { what: "đánh dấu mốc thời gian", late: "Kế hoạch đã lưu trữ." },
  "plan.delete": {
    what: "xóa kế hoạch",
    late: "Chỉ xóa được kế hoạch còn là dự thảo. Kế hoạch đã phê duyệt được giữ lại làm hồ sơ.",
  },
  "frames.import": { what: "nhập danh sách người dân, tổ chức", early: OPEN_FRAME, late: REOPEN_FRAME },
  "frames.delete": { what: "xóa danh sách đã nhập", early: OPEN_FRAME, late: REOPEN_FRAME },
  "sampling.preview": { what: "xem trước phân bổ cỡ mẫu", early: OPEN_FRAME, late: "Mẫu đã được dùng để khảo sát; hãy xem kết quả chọn mẫu đã lưu." },
  "sampling.draw": {
    what: "chọn mẫu",
    early: OPEN_FRAME,
    late: "Phiếu đã được gửi tới người dân nên không chọn mẫu lại được; phiếu không thu hồi được sẽ được thay bằng người dự phòng theo thứ tự.",
  },
  "sampling.lock": { what: "khóa kết quả chọn mẫu", early: OPEN_FRAME, late: "Kết quả chọn mẫu đã được dùng để phát phiếu." },
  "sampling.verify": { what: "kiểm tra lại kết quả chọn mẫu", early: "Chưa có kết quả chọn mẫu được khóa để kiểm tra." },
  "sample.export": { what: "xuất danh sách mẫu", early: NEED_SAMPLE, late: FIELDWORK_OVER },
  "forms.create": { what: "tạo phiếu khảo sát", early: NEED_SAMPLE, late: FIELDWORK_OVER },
  "forms.print": { what: "in phiếu khảo sát", early: NEED_SAMPLE, late: FIELDWORK_OVER },
  "forms.dispatch": { what: "giao phiếu cho bưu điện", early: NEED_SAMPLE, late: FIELDWORK_OVER },
  "forms.track": { what: "cập nhật tình trạng phát, thu hồi phiếu", early: NEED_SAMPLE, late: ENTRY_OVER },
  "forms.replace": { what: "thay phiếu bằng người dự phòng", early: START_FIELDWORK, late: ENTRY_OVER },
  "entry.write": { what: "nhập phiếu", early: START_FIELDWORK, late: ENTRY_OVER },
  "entry.online": { what: "trả lời phiếu trực tuyến", early: "Đợt khảo sát chưa bắt đầu.", late: "Đợt khảo sát đã kết thúc, không nhận thêm câu trả lời." },
  "entry.reconcile": { what: "đối chiếu hai lần nhập phiếu", early: START_FIELDWORK, late: PUBLISHED },
  "answers.edit": { what: "sửa câu trả lời đã nhập", early: START_FIELDWORK, late: PUBLISHED },
  "callbacks.write": { what: "ghi nhận kết quả phúc tra", early: START_FIELDWORK, late: PUBLISHED },
  "results.compute": { what: "tính kết quả", early: "Hãy nhập phiếu trước (kế hoạch ở trạng thái “Nhập phiếu” hoặc “Phân tích”).", late: PUBLISHED },
  "results.publish": { what: "công bố kết quả", early: "Hãy kết thúc nhập phiếu (chuyển kế hoạch sang “Phân tích”) trước.", late: "Kết quả đã được công bố." },
  "personal.purge": { what: "xóa dữ liệu cá nhân của danh sách", early: "Chỉ xóa dữ liệu cá nhân sau khi kết quả đã công bố và kế hoạch đã được lưu trữ." },
} as const satisfies Record<string, ActionText>;

export const lifecycleText = {
  refused: (what: string, title: string | undefined, state: string) =>
    `Không thể ${what}: kế hoạch${title ? ` “${title}”` : ""} đang ở trạng thái “${state}”.`,
  onlyIn: (states: string) => `Việc này chỉ làm được khi kế hoạch ở trạng thái ${states}.`,
  or: " hoặc ",
  redrawAfterDispatch: (title: string | undefined, sent: number) =>
    `Không thể chọn mẫu lại${title ? ` cho kế hoạch “${title}”` : ""}: đã có ${sent} phiếu được gửi tới người dân (qua bưu điện hoặc phát trực tiếp). ` +
    "Phiếu không thu hồi được hãy thay bằng người dự phòng theo thứ tự.",
} as const;

/** Transition buttons and what they do. */
export const transitionText = {
  "DRAFT->APPROVED": { label: "Phê duyệt kế hoạch", help: "Kế hoạch đã được cấp có thẩm quyền ký ban hành." },
  "APPROVED->FRAME": { label: "Bắt đầu thu thập danh sách", help: "Các đơn vị bắt đầu gửi danh sách người dân, tổ chức đã nhận kết quả." },
  "FRAME->SAMPLED": { label: "Xác nhận đã chọn mẫu", help: "Kết quả chọn mẫu đã được khóa trước sự chứng kiến của giám sát." },
  "SAMPLED->FRAME": { label: "Mở lại thu thập danh sách", help: "Nhận thêm danh sách nộp muộn; mẫu đã chọn sẽ bị hủy và phải chọn lại." },
  "SAMPLED->FIELDWORK": { label: "Bắt đầu khảo sát", help: "Phiếu bắt đầu được phát tới người dân, tổ chức." },
  "FIELDWORK->ENTRY": { label: "Kết thúc phát phiếu, tập trung nhập phiếu", help: "Không tạo thêm phiếu; tiếp tục thu hồi và nhập phiếu." },
  "ENTRY->ANALYSIS": { label: "Kết thúc nhập phiếu", help: "Chuyển sang tính và phân tích kết quả." },
  "ANALYSIS->ENTRY": { label: "Mở lại nhập phiếu", help: "Nhập bổ sung hoặc sửa phiếu trước khi công bố." },
  "ANALYSIS->PUBLISHED": { label: "Công bố kết quả", help: "Kết quả được chốt và công khai." },
  "PUBLISHED->ARCHIVED": { label: "Lưu trữ kế hoạch", help: "Kết thúc đợt khảo sát; sau đó có thể xóa dữ liệu cá nhân của danh sách." },
} as const;
export type TransitionKey = keyof typeof transitionText;
