/** Messages of the frame import that a person reads (Vietnamese, with diacritics). */

const int = (n: number): string => n.toLocaleString("vi-VN");

export const frameMessages = {
  unsupportedFormat: (file: string) => `Tệp “${file}” không được hỗ trợ: chỉ nhận tệp Excel .xlsx hoặc tệp .csv.`,
  notXlsx: (file: string) =>
    `Tệp “${file}” không phải tệp Excel .xlsx hợp lệ (có thể là tệp văn bản hoặc tệp khác bị đổi đuôi). ` +
    `Hãy mở bằng Excel và lưu lại dạng “Excel Workbook (.xlsx)”.`,
  oldXls: (file: string) =>
    `Tệp “${file}” có định dạng Excel 97–2003 (.xls), hệ thống chưa đọc được. Hãy mở bằng Excel và lưu lại dạng .xlsx.`,
  xlsxIsCsv: (file: string) => `Tệp “${file}” có đuôi .csv nhưng thực chất là tệp Excel/tệp nén. Hãy đổi đuôi thành .xlsx hoặc lưu lại dạng CSV.`,
  corruptZip: (file: string) =>
    `Tệp “${file}” bị hỏng: không đọc được cấu trúc của tệp .xlsx. Hãy mở lại bằng Excel và lưu thành tệp mới.`,
  zipNotExcel: (file: string) => `Tệp “${file}” là tệp nén nhưng không chứa bảng tính Excel nào.`,
  encrypted: (file: string) => `Tệp “${file}” được đặt mật khẩu hoặc mã hóa. Hãy gỡ mật khẩu rồi tải lên lại.`,
  zipBomb: (file: string, detail: string) =>
    `Tệp “${file}” bị từ chối vì dữ liệu nén bất thường (${detail}). ` +
    `Nếu đây là danh sách thật, hãy chia nhỏ tệp hoặc lưu dạng CSV rồi tải lên lại.`,
  zipTooManyEntries: (n: number, limit: number) => `tệp chứa ${int(n)} thành phần, giới hạn ${int(limit)}`,
  zipTotalTooBig: (mb: number, limitMb: number) => `dung lượng sau giải nén ${int(mb)} MB, giới hạn ${int(limitMb)} MB`,
  zipRatio: (entry: string, ratio: number, limit: number) => `thành phần ${entry} nén gấp ${int(ratio)} lần, giới hạn ${int(limit)} lần`,
  zipLayout: "các thành phần nén không liền mạch",
  zipSizeMismatch: (entry: string) => `kích thước thật của ${entry} khác kích thước khai báo`,
  xlsxParse: (file: string) =>
    `Không đọc được nội dung bảng tính trong tệp “${file}” (tệp có thể bị hỏng). Hãy mở lại bằng Excel và lưu thành tệp mới.`,
  csvUtf16: (file: string) =>
    `Tệp “${file}” đang ở mã UTF-16 (“Unicode Text”). Hãy lưu lại bằng “CSV UTF-8 (Comma delimited) (*.csv)”.`,
  csvNotUtf8: (file: string, line: number) =>
    `Tệp “${file}” không phải mã UTF-8 (có thể là Windows-1258, TCVN3 hay VNI), chữ có dấu sẽ bị sai ` +
    `(ký tự lỗi đầu tiên ở dòng ${int(line)}). Hãy lưu lại bằng “CSV UTF-8 (Comma delimited) (*.csv)”.`,
  csvBinary: (file: string) => `Tệp “${file}” không phải tệp văn bản CSV (có ký tự nhị phân).`,
  csvSyntax: (file: string, line: number, detail: string) => `Tệp “${file}” sai định dạng CSV ở dòng ${int(line)}: ${detail}.`,
  csvQuote: "dấu ngoặc kép không khớp",
  csvRecordTooBig: "một dòng quá dài",
  csvOther: "không phân tích được",
  tooManyRows: (limit: number) => `Tệp có quá nhiều dòng (giới hạn ${int(limit)} dòng). Hãy chia thành nhiều tệp.`,
  noHeader: (file: string) => `Tệp “${file}” không có dữ liệu (không tìm thấy dòng tiêu đề).`,
  manySheets: (count: number, name: string) =>
    `Tệp có ${int(count)} trang tính; chỉ đọc trang tính đầu tiên “${name}”, các trang khác được bỏ qua.`,
  emptyRows: (n: number) => `Đã bỏ qua ${int(n)} dòng trống.`,
  cellTooLong: (length: number, limit: number) =>
    `Ô dài ${int(length)} ký tự, vượt giới hạn ${int(limit)} ký tự (có thể dán nhầm dữ liệu); hãy kiểm tra lại ô này.`,
  headerMissing: (header: string) => `Thiếu cột “${header}”. Hãy dùng tệp mẫu, hoặc chỉ rõ cột nào trong tệp tương ứng với “${header}”.`,
  headerDuplicate: (header: string, found: string[]) =>
    `Có ${found.length} cột cùng được hiểu là “${header}”: ${found.map((h) => `“${h}”`).join(", ")}. Hãy giữ một cột.`,
  headerUnknownMapping: (header: string) => `Không tìm thấy cột “${header}” trong dòng tiêu đề của tệp.`,

  required: "Bắt buộc nhập.",
  addressOrPhone: "Cần có địa chỉ hoặc số điện thoại để gửi phiếu.",
  tooLongText: (limit: number) => `Dài quá ${int(limit)} ký tự.`,
  badCode: "Mã không được chứa ký tự / hoặc | hay ký tự điều khiển.",
  badKind: "Chỉ nhận “Cá nhân” hoặc “Tổ chức”.",
  badDate: "Ngày không hợp lệ: hãy ghi dạng ngày/tháng/năm, ví dụ 15/03/2025.",
  outsideWindow: (start: string, end: string) => `Ngày trả kết quả nằm ngoài khoảng thời gian khảo sát ${start} – ${end}.`,
  unknownUnit: "Mã đơn vị không thuộc kế hoạch khảo sát này.",
  unknownField: "Mã lĩnh vực không có trong danh mục lĩnh vực.",
  badPhone: "Số điện thoại không hợp lệ: cần số di động 10 chữ số (03, 05, 07, 08, 09…) hoặc số cố định 11 chữ số (02…).",
  phoneLostZero: "Số điện thoại thiếu số 0 ở đầu (Excel thường tự bỏ khi cột có kiểu Số). Hãy định dạng cột là Văn bản và nhập lại.",
  severalPhones: "Chỉ ghi một số điện thoại trong ô.",
  duplicateDossier: (row: number) => `Mã hồ sơ trùng với dòng ${int(row)} của cùng đơn vị.`,
} as const;

/** A problem with the file as a whole (format, encoding, size): the import stops. */
export class FrameFileError extends Error {
  override name = "FrameFileError";
}
