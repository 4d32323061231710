import type { TItem, TQuestionnaire } from "../questionnaire";

/**
 * A short form for wards and communes (9 satisfaction criteria in 3
 * elements), of the kind provinces use at commune one-stop desks.
 */
const sat = (code: string, element: string, text: string): TItem => ({
  code,
  kind: "satisfaction",
  element,
  text,
  required: false,
});

export const SHORT_WARD_TEMPLATE: TQuestionnaire = {
  template: "short-ward",
  version: 1,
  title: "Phiếu khảo sát nhanh sự hài lòng về giải quyết thủ tục hành chính tại UBND cấp xã",
  instructions:
    "Ông/Bà vui lòng đánh dấu (X) vào một ô cho mỗi câu. " +
    "1 - Rất không hài lòng; 2 - Không hài lòng; 3 - Bình thường; 4 - Hài lòng; 5 - Rất hài lòng.",
  aspects: [],
  elements: [
    { code: "YT1", title: "Tiếp cận dịch vụ và thủ tục hành chính", aspect: null },
    { code: "YT2", title: "Công chức tiếp nhận, giải quyết hồ sơ", aspect: null },
    { code: "YT3", title: "Kết quả giải quyết và tiếp nhận góp ý", aspect: null },
  ],
  items: [
    sat("TC1.1", "YT1", "Nơi tiếp nhận hồ sơ thuận tiện, có đủ chỗ ngồi và trang thiết bị cần thiết"),
    sat("TC1.2", "YT1", "Thủ tục hành chính được niêm yết công khai đầy đủ, chính xác"),
    sat("TC1.3", "YT1", "Thành phần hồ sơ và phí/lệ phí phải nộp đúng quy định"),
    sat("TC2.1", "YT2", "Công chức có thái độ giao tiếp lịch sự, chú ý lắng nghe"),
    sat("TC2.2", "YT2", "Công chức hướng dẫn kê khai hồ sơ tận tình, dễ hiểu"),
    sat("TC2.3", "YT2", "Công chức tuân thủ đúng quy định trong giải quyết công việc"),
    sat("TC3.1", "YT3", "Hồ sơ được giải quyết đúng hạn"),
    sat("TC3.2", "YT3", "Kết quả nhận được đúng quy định, thông tin đầy đủ, chính xác"),
    sat("TC3.3", "YT3", "Ủy ban nhân dân có hình thức tiếp nhận góp ý, phản ánh, kiến nghị và xử lý kịp thời"),
    {
      code: "NĐ1",
      kind: "assessment",
      text: "Công chức có gây phiền hà, sách nhiễu hoặc gợi ý nộp thêm tiền ngoài quy định không?",
      required: false,
      options: [
        { code: "C", label: "Có" },
        { code: "K", label: "Không" },
      ],
    },
    {
      code: "MD1",
      kind: "expectation",
      mode: "choose",
      maxChoices: 2,
      text: "Ông/Bà mong muốn Ủy ban nhân dân cải thiện điều gì? (chọn tối đa 2 phương án)",
      required: false,
      options: [
        { code: "1", label: "Rút ngắn thời gian giải quyết thủ tục hành chính" },
        { code: "2", label: "Cải thiện thái độ phục vụ của công chức" },
        { code: "3", label: "Mở rộng dịch vụ công trực tuyến" },
        { code: "4", label: "Cải thiện nơi tiếp nhận, trả kết quả" },
      ],
    },
    {
      code: "YK",
      kind: "text",
      text: "Ý kiến khác của Ông/Bà (nếu có)",
      required: false,
      maxLength: 1000,
    },
  ],
};
