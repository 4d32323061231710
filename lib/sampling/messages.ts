/** Messages of the sampling module that a person reads (Vietnamese). */
export const samplingMessages = {
  badDecimal: (what: string, value: string) =>
    `${what} "${value}" không hợp lệ: hãy nhập số thập phân, ví dụ 0.05 hoặc 0,05 hoặc 5%.`,
  marginOutOfRange: (value: string) =>
    `Sai số e = ${value} phải lớn hơn 0 và nhỏ hơn 1 (thường dùng 0,05).`,
  reserveOutOfRange: (value: string) => `Tỷ lệ dự phòng ${value} phải từ 0 đến 10 (ví dụ 0,2 = 20%).`,
  badCount: (what: string, stratum: string, value: number) =>
    `${what} của tầng ${stratum} phải là số nguyên không âm (đang là ${value}).`,
  duplicateStratum: (code: string) => `Tầng ${code} xuất hiện hai lần trong phân bổ.`,
  groupMismatch: (group: string) =>
    `Các tầng của nhóm phân bổ tỷ lệ "${group}" phải dùng cùng tổng cỡ mẫu và cùng mức tối thiểu.`,
  badSeed: "Hạt giống (seed) phải có từ 1 đến 200 ký tự in được và không chứa ký tự |.",
  badCode: (what: string, value: string) =>
    `${what} "${value}" không hợp lệ: không được rỗng, không chứa ký tự / hoặc | hay ký tự điều khiển.`,
  missingField: (count: number) =>
    `Có ${count} hồ sơ không có mã lĩnh vực nên không xếp được vào tầng đơn vị × lĩnh vực.`,
  repeatedDossier: (stratum: string, code: string) =>
    `Mã hồ sơ ${code} xuất hiện nhiều lần trong tầng ${stratum} với người khác nhau; mã hồ sơ phải là duy nhất.`,
} as const;

/** An input to the sampling module that a person must correct; the message is Vietnamese. */
export class SamplingInputError extends Error {
  override name = "SamplingInputError";
}
