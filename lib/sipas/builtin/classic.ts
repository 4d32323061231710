import type { TItem, TQuestionnaire } from "../questionnaire";

/**
 * The classic form of QĐ 2640/QĐ-BNV (10/10/2017): 5 elements, 22 criteria
 * TC1.1…TC5.4, the overall satisfaction question, assessments, expectations
 * (up to 3), respondent profile and a free-text comment.
 */
const sat = (code: string, element: string, text: string): TItem => ({
  code,
  kind: "satisfaction",
  element,
  text,
  required: false,
});

const FEEDBACK = "góp ý, phản ánh, kiến nghị";

export const CLASSIC_TEMPLATE: TQuestionnaire = {
  template: "classic-2640",
  version: 1,
  title: "Phiếu khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước",
  instructions:
    "Ông/Bà vui lòng đánh dấu (X) vào một ô phù hợp nhất với ý kiến của mình cho mỗi câu hỏi. " +
    "Mức độ hài lòng: 1 - Rất không hài lòng; 2 - Không hài lòng; 3 - Bình thường; 4 - Hài lòng; 5 - Rất hài lòng. " +
    "Phiếu khảo sát không ghi tên người trả lời; thông tin chỉ dùng cho mục đích thống kê.",
  aspects: [],
  elements: [
    { code: "YT1", title: "Tiếp cận dịch vụ hành chính công của cơ quan hành chính nhà nước", aspect: null },
    { code: "YT2", title: "Thủ tục hành chính", aspect: null },
    { code: "YT3", title: "Công chức trực tiếp giải quyết công việc", aspect: null },
    { code: "YT4", title: "Kết quả cung ứng dịch vụ hành chính công", aspect: null },
    { code: "YT5", title: `Tiếp nhận, xử lý các ý kiến ${FEEDBACK}`, aspect: null },
  ],
  items: [
    sat("TC1.1", "YT1", "Nơi ngồi chờ tại Bộ phận tiếp nhận và trả kết quả có đủ chỗ ngồi"),
    sat("TC1.2", "YT1", "Trang thiết bị phục vụ người dân, tổ chức tại Bộ phận tiếp nhận và trả kết quả đầy đủ"),
    sat("TC1.3", "YT1", "Trang thiết bị phục vụ người dân, tổ chức tại Bộ phận tiếp nhận và trả kết quả hiện đại"),
    sat("TC1.4", "YT1", "Trang thiết bị phục vụ người dân, tổ chức tại Bộ phận tiếp nhận và trả kết quả dễ sử dụng"),
    sat("TC2.1", "YT2", "Thủ tục hành chính được niêm yết công khai đầy đủ"),
    sat("TC2.2", "YT2", "Thủ tục hành chính được niêm yết công khai chính xác"),
    sat("TC2.3", "YT2", "Thành phần hồ sơ mà Ông/Bà phải nộp là đúng quy định"),
    sat("TC2.4", "YT2", "Phí/lệ phí mà Ông/Bà phải nộp là đúng quy định"),
    sat("TC2.5", "YT2", "Thời hạn giải quyết (tính từ ngày hồ sơ được tiếp nhận đến ngày nhận kết quả) là đúng quy định"),
    sat("TC3.1", "YT3", "Công chức có thái độ giao tiếp lịch sự"),
    sat("TC3.2", "YT3", "Công chức chú ý lắng nghe ý kiến của Ông/Bà"),
    sat("TC3.3", "YT3", "Công chức trả lời, giải thích đầy đủ các ý kiến của Ông/Bà"),
    sat("TC3.4", "YT3", "Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo"),
    sat("TC3.5", "YT3", "Công chức hướng dẫn kê khai hồ sơ dễ hiểu"),
    sat("TC3.6", "YT3", "Công chức tuân thủ đúng quy định trong giải quyết công việc"),
    sat("TC4.1", "YT4", "Kết quả mà Ông/Bà nhận được đúng quy định"),
    sat("TC4.2", "YT4", "Kết quả mà Ông/Bà nhận được có thông tin đầy đủ"),
    sat("TC4.3", "YT4", "Kết quả mà Ông/Bà nhận được có thông tin chính xác"),
    sat("TC5.1", "YT5", `Cơ quan có bố trí hình thức tiếp nhận ${FEEDBACK}`),
    sat("TC5.2", "YT5", `Ông/Bà dễ dàng thực hiện ${FEEDBACK}`),
    sat("TC5.3", "YT5", `Cơ quan tiếp nhận, xử lý tích cực các ${FEEDBACK}`),
    sat("TC5.4", "YT5", `Cơ quan thông báo kết quả xử lý ${FEEDBACK} kịp thời`),
    {
      code: "HL",
      kind: "satisfaction",
      element: null,
      text: "Nhìn chung, Ông/Bà hài lòng như thế nào đối với sự phục vụ hành chính của cơ quan?",
      required: false,
    },
    {
      code: "NĐ1",
      kind: "assessment",
      text: "Để giải quyết hồ sơ này, Ông/Bà đã phải đi lại cơ quan bao nhiêu lần?",
      required: false,
      options: [
        { code: "1", label: "1 lần" },
        { code: "2", label: "2 lần" },
        { code: "3", label: "3 lần" },
        { code: "4", label: "Trên 3 lần" },
      ],
    },
    {
      code: "NĐ2",
      kind: "assessment",
      text: "Công chức có gây phiền hà, sách nhiễu hoặc gợi ý nộp thêm tiền ngoài phí/lệ phí theo quy định không?",
      required: false,
      options: [
        { code: "C", label: "Có" },
        { code: "K", label: "Không" },
      ],
    },
    {
      code: "NĐ3",
      kind: "assessment",
      text: "Ông/Bà nhận kết quả giải quyết hồ sơ như thế nào so với ngày hẹn trả?",
      required: false,
      options: [
        { code: "S", label: "Sớm hơn hoặc đúng hẹn" },
        { code: "T", label: "Trễ hẹn" },
      ],
    },
    {
      code: "MD1",
      kind: "expectation",
      mode: "choose",
      maxChoices: 3,
      text:
        "Ông/Bà mong muốn cơ quan hành chính nhà nước cải thiện điều gì để phục vụ người dân, tổ chức tốt hơn? " +
        "(chọn tối đa 3 phương án)",
      required: false,
      options: [
        { code: "1", label: "Mở rộng các hình thức thông tin để người dân, tổ chức dễ dàng tiếp cận dịch vụ hành chính công" },
        { code: "2", label: "Cải thiện cơ sở vật chất, trang thiết bị phục vụ tại Bộ phận tiếp nhận và trả kết quả" },
        { code: "3", label: "Tiếp tục đơn giản hóa thủ tục hành chính" },
        { code: "4", label: "Công khai, minh bạch thủ tục hành chính" },
        { code: "5", label: "Rút ngắn thời gian giải quyết thủ tục hành chính" },
        { code: "6", label: "Giảm phí/lệ phí giải quyết thủ tục hành chính" },
        { code: "7", label: "Cải thiện thái độ giao tiếp, tinh thần phục vụ của công chức" },
        { code: "8", label: "Nâng cao năng lực giải quyết công việc của công chức" },
        { code: "9", label: `Tăng cường tiếp nhận, xử lý ${FEEDBACK}` },
        { code: "10", label: "Mở rộng dịch vụ công trực tuyến" },
      ],
    },
    {
      code: "GT",
      kind: "respondent",
      text: "Giới tính",
      required: false,
      options: [
        { code: "NAM", label: "Nam" },
        { code: "NU", label: "Nữ" },
      ],
    },
    {
      code: "DT",
      kind: "respondent",
      text: "Độ tuổi",
      required: false,
      options: [
        { code: "1", label: "Từ 18 đến 25 tuổi" },
        { code: "2", label: "Từ 26 đến 35 tuổi" },
        { code: "3", label: "Từ 36 đến 45 tuổi" },
        { code: "4", label: "Từ 46 đến 60 tuổi" },
        { code: "5", label: "Trên 60 tuổi" },
      ],
    },
    {
      code: "HV",
      kind: "respondent",
      text: "Trình độ học vấn",
      required: false,
      options: [
        { code: "1", label: "Tiểu học trở xuống" },
        { code: "2", label: "Trung học cơ sở" },
        { code: "3", label: "Trung học phổ thông" },
        { code: "4", label: "Trung cấp, cao đẳng" },
        { code: "5", label: "Đại học" },
        { code: "6", label: "Trên đại học" },
      ],
    },
    {
      code: "NN",
      kind: "respondent",
      text: "Nghề nghiệp",
      required: false,
      options: [
        { code: "1", label: "Cán bộ, công chức, viên chức" },
        { code: "2", label: "Công nhân" },
        { code: "3", label: "Nông dân" },
        { code: "4", label: "Kinh doanh, dịch vụ" },
        { code: "5", label: "Lao động tự do" },
        { code: "6", label: "Học sinh, sinh viên" },
        { code: "7", label: "Nghỉ hưu" },
        { code: "8", label: "Khác" },
      ],
    },
    {
      code: "YK",
      kind: "text",
      text: "Ý kiến khác của Ông/Bà để cơ quan phục vụ tốt hơn (nếu có)",
      required: false,
      maxLength: 2000,
    },
  ],
};
