import { ZQuestionnaire, type TQuestionnaire } from "@/lib/sipas/questionnaire";

/** A classic-style questionnaire (QĐ 2640) and a short one with aspects, for the PDF tests. */

const sat = (code: string, element: string | null, text: string) => ({ kind: "satisfaction" as const, code, element, text });

export const CLASSIC: TQuestionnaire = ZQuestionnaire.parse({
  template: "test-classic",
  version: 1,
  title: "Sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước",
  elements: [
    { code: "YT1", title: "Tiếp cận dịch vụ hành chính công" },
    { code: "YT2", title: "Thủ tục hành chính" },
    { code: "YT3", title: "Công chức trực tiếp giải quyết công việc" },
    { code: "YT4", title: "Kết quả giải quyết công việc" },
    { code: "YT5", title: "Tiếp nhận, xử lý các ý kiến góp ý, phản ánh, kiến nghị" },
  ],
  items: [
    sat("TC1.1", "YT1", "Nơi ngồi chờ tại Bộ phận tiếp nhận và trả kết quả có đủ chỗ ngồi"),
    sat("TC1.2", "YT1", "Trang thiết bị phục vụ người dân, tổ chức tại Bộ phận tiếp nhận và trả kết quả đầy đủ"),
    sat("TC1.3", "YT1", "Trang thiết bị phục vụ người dân, tổ chức tại Bộ phận tiếp nhận và trả kết quả hiện đại"),
    sat("TC1.4", "YT1", "Trang thiết bị phục vụ người dân, tổ chức tại Bộ phận tiếp nhận và trả kết quả dễ sử dụng"),
    sat("TC2.1", "YT2", "Thủ tục hành chính được niêm yết công khai đầy đủ"),
    sat("TC2.2", "YT2", "Thủ tục hành chính được niêm yết công khai chính xác"),
    sat("TC2.3", "YT2", "Thành phần hồ sơ mà Ông/Bà phải nộp là đúng quy định"),
    sat("TC2.4", "YT2", "Phí, lệ phí mà Ông/Bà phải nộp là đúng quy định"),
    sat("TC2.5", "YT2", "Thời hạn giải quyết (từ ngày hồ sơ được tiếp nhận đến ngày trả kết quả) là đúng quy định"),
    sat("TC3.1", "YT3", "Công chức có thái độ giao tiếp lịch sự"),
    sat("TC3.2", "YT3", "Công chức chú ý lắng nghe ý kiến của Ông/Bà"),
    sat("TC3.3", "YT3", "Công chức trả lời, giải thích đầy đủ các ý kiến của Ông/Bà"),
    sat("TC3.4", "YT3", "Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo"),
    sat("TC3.5", "YT3", "Công chức hướng dẫn kê khai hồ sơ dễ hiểu"),
    sat("TC3.6", "YT3", "Công chức tuân thủ đúng quy định trong giải quyết công việc"),
    sat("TC4.1", "YT4", "Kết quả mà Ông/Bà nhận được là đúng quy định"),
    sat("TC4.2", "YT4", "Kết quả mà Ông/Bà nhận được có thông tin đầy đủ"),
    sat("TC4.3", "YT4", "Kết quả mà Ông/Bà nhận được có thông tin chính xác"),
    sat("TC5.1", "YT5", "Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị"),
    sat("TC5.2", "YT5", "Ông/Bà dễ dàng thực hiện góp ý, phản ánh, kiến nghị"),
    sat("TC5.3", "YT5", "Cơ quan tiếp nhận, xử lý tích cực các góp ý, phản ánh, kiến nghị"),
    sat("TC5.4", "YT5", "Cơ quan thông báo kết quả xử lý góp ý, phản ánh, kiến nghị kịp thời"),
    sat("HL", null, "Nhìn chung, Ông/Bà hài lòng như thế nào đối với sự phục vụ của cơ quan?"),
    {
      kind: "assessment",
      code: "NĐ1",
      text: "Trong quá trình giải quyết thủ tục hành chính, có công chức nào gây phiền hà, sách nhiễu hoặc gợi ý nộp thêm tiền ngoài phí, lệ phí không?",
      options: [
        { code: "1", label: "Có" },
        { code: "2", label: "Không" },
      ],
    },
    {
      kind: "assessment",
      code: "NĐ2",
      text: "Hồ sơ của Ông/Bà được trả kết quả như thế nào so với giấy hẹn?",
      options: [
        { code: "1", label: "Sớm hơn hẹn" },
        { code: "2", label: "Đúng hẹn" },
        { code: "3", label: "Trễ hẹn" },
        { code: "4", label: "Trễ hẹn nhưng có thư xin lỗi và hẹn lại thời gian trả kết quả" },
      ],
    },
    {
      kind: "expectation",
      code: "MD1",
      mode: "choose",
      maxChoices: 3,
      text: "Theo Ông/Bà, cơ quan cần ưu tiên cải thiện những nội dung nào để phục vụ tốt hơn?",
      options: [
        { code: "1", label: "Mở rộng hình thức thông tin để người dân, tổ chức dễ tiếp cận dịch vụ" },
        { code: "2", label: "Cải thiện hệ thống trang thiết bị phục vụ" },
        { code: "3", label: "Tiếp tục đơn giản hóa thủ tục hành chính" },
        { code: "4", label: "Giảm phí, lệ phí" },
        { code: "5", label: "Rút ngắn thời hạn giải quyết" },
        { code: "6", label: "Cải thiện thái độ giao tiếp của công chức" },
        { code: "7", label: "Nâng cao năng lực giải quyết công việc của công chức" },
        { code: "8", label: "Tiếp nhận, xử lý tốt các góp ý, phản ánh, kiến nghị" },
      ],
    },
    {
      kind: "respondent",
      code: "GT",
      text: "Giới tính",
      options: [
        { code: "1", label: "Nam" },
        { code: "2", label: "Nữ" },
      ],
    },
    {
      kind: "respondent",
      code: "TUOI",
      text: "Độ tuổi",
      options: [
        { code: "1", label: "Dưới 25 tuổi" },
        { code: "2", label: "Từ 25 đến 34 tuổi" },
        { code: "3", label: "Từ 35 đến 49 tuổi" },
        { code: "4", label: "Từ 50 đến 60 tuổi" },
        { code: "5", label: "Trên 60 tuổi" },
      ],
    },
    {
      kind: "respondent",
      code: "NN",
      text: "Nghề nghiệp",
      options: [
        { code: "1", label: "Cán bộ, công chức, viên chức" },
        { code: "2", label: "Công nhân" },
        { code: "3", label: "Nông dân, ngư dân" },
        { code: "4", label: "Kinh doanh, buôn bán" },
        { code: "5", label: "Học sinh, sinh viên" },
        { code: "6", label: "Hưu trí" },
        { code: "7", label: "Khác" },
      ],
    },
    { kind: "text", code: "YK", text: "Ông/Bà có ý kiến góp ý nào khác để cơ quan phục vụ tốt hơn?" },
  ],
});

export const SHORT_WITH_ASPECTS: TQuestionnaire = ZQuestionnaire.parse({
  template: "test-short",
  version: 1,
  title: "Phiếu rút gọn khảo sát sự hài lòng đối với Ủy ban nhân dân cấp xã, phường, đặc khu",
  instructions: "Ông/Bà vui lòng đánh dấu X vào ô phù hợp.\nPhiếu không ghi tên người trả lời.",
  aspects: [
    { code: "A", title: "Cung ứng dịch vụ công" },
    { code: "B", title: "Kết quả" },
  ],
  elements: [
    { code: "E1", title: "Thủ tục hành chính", aspect: "A" },
    { code: "E2", title: "Công chức", aspect: "A" },
    { code: "E3", title: "Kết quả giải quyết", aspect: "B" },
  ],
  items: [
    sat("S1", "E1", "Thủ tục hành chính được niêm yết công khai đầy đủ, chính xác"),
    sat("S2", "E1", "Thời hạn giải quyết đúng quy định"),
    sat("S3", "E2", "Công chức lịch sự, tận tình"),
    sat("S4", "E3", "Kết quả đúng quy định, thông tin đầy đủ"),
    {
      kind: "expectation",
      code: "MD",
      mode: "rate3",
      text: "Mức độ cần thiết của việc cải thiện",
      options: [
        { code: "a", label: "Đơn giản hóa thủ tục hành chính" },
        { code: "b", label: "Rút ngắn thời hạn giải quyết" },
      ],
    },
  ],
});

export const ISSUER = { parentAgency: "Ủy ban nhân dân tỉnh Quảng Ninh", agency: "Sở Nội vụ" };
export const PLAN = { title: "Kế hoạch khảo sát, đo lường sự hài lòng của người dân, tổ chức", year: 2026 };
