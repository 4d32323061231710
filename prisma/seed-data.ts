/**
 * The demo province: a believable (fictional) province, "tỉnh Phú Sơn", before and after
 * the 2025 restructuring. Pure data; prisma/seed.ts writes it idempotently.
 */

export const PROVINCE = "Phú Sơn";

export const LEVELS = [
  { code: "TINH", name: "Cấp tỉnh", sortOrder: 1, validFrom: "1976-01-01", validTo: null },
  { code: "HUYEN", name: "Cấp huyện", sortOrder: 2, validFrom: "1976-01-01", validTo: "2025-06-30" },
  { code: "XA", name: "Cấp xã", sortOrder: 3, validFrom: "1976-01-01", validTo: null },
] as const;

export const BLOCKS = [
  { code: "SO_NGANH", name: "Sở, ban, ngành", sortOrder: 1 },
  { code: "NGANH_DOC", name: "Cơ quan ngành dọc", sortOrder: 2 },
  { code: "UBND_HUYEN", name: "UBND cấp huyện", sortOrder: 3 },
  { code: "UBND_XA", name: "UBND cấp xã, phường, đặc khu", sortOrder: 4 },
] as const;

export const FIELDS: [string, string][] = [
  ["DAT_DAI", "Đất đai"], ["HO_TICH", "Hộ tịch"], ["CHUNG_THUC", "Chứng thực"], ["XAY_DUNG", "Xây dựng"],
  ["DAU_TU", "Đầu tư"], ["DOANH_NGHIEP", "Thành lập và phát triển doanh nghiệp"], ["LAO_DONG", "Lao động, việc làm"],
  ["BAO_TRO_XH", "Bảo trợ xã hội"], ["Y_TE", "Y tế"], ["GIAO_DUC", "Giáo dục và đào tạo"], ["GIAO_THONG", "Giao thông vận tải"],
  ["CU_TRU", "Cư trú"], ["THUE", "Thuế"], ["BHXH", "Bảo hiểm xã hội"], ["TU_PHAP", "Tư pháp"],
  ["CONG_THUONG", "Công thương"], ["VAN_HOA", "Văn hóa, thể thao và du lịch"], ["MOI_TRUONG", "Môi trường"],
];

type UnitSeed = {
  code: string; name: string; level: string; block: string; validFrom: string; validTo?: string;
  parent?: string; noPublicServices?: boolean;
};
type LinkSeed = { from: string; to: string; kind: "MERGE" | "SPLIT" | "RENAME"; date: string; legal: string };

const PROVINCIAL_LEGAL = "Nghị quyết số 05/NQ-HĐND ngày 25/02/2025 của HĐND tỉnh";
const COMMUNE_LEGAL = "Nghị quyết số 1665/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội";

const SINCE = "2008-01-01";
/** Provincial departments and vertical agencies (about 20 valid today). */
const PROVINCIAL: UnitSeed[] = [
  { code: "STP", name: "Sở Tư pháp", level: "TINH", block: "SO_NGANH", validFrom: SINCE },
  { code: "STC", name: "Sở Tài chính", level: "TINH", block: "SO_NGANH", validFrom: SINCE },
  { code: "SKHDT", name: "Sở Kế hoạch và Đầu tư", level: "TINH", block: "SO_NGANH", validFrom: SINCE, validTo: "2025-02-28" },
  { code: "SNNPTNT", name: "Sở Nông nghiệp và Phát triển nông thôn", level: "TINH", block: "SO_NGANH", validFrom: SINCE, validTo: "2025-02-28" },
  { code: "STNMT", name: "Sở Tài nguyên và Môi trường", level: "TINH", block: "SO_NGANH", validFrom: SINCE, validTo: "2025-02-28" },
  { code: "SNNMT", name: "Sở Nông nghiệp và Môi trường", level: "TINH", block: "SO_NGANH", validFrom: "2025-03-01" },
  { code: "SGTVT", name: "Sở Giao thông vận tải", level: "TINH", block: "SO_NGANH", validFrom: SINCE, validTo: "2025-02-28" },
  { code: "SXD", name: "Sở Xây dựng", level: "TINH", block: "SO_NGANH", validFrom: SINCE },
  { code: "SLDTBXH", name: "Sở Lao động - Thương binh và Xã hội", level: "TINH", block: "SO_NGANH", validFrom: SINCE, validTo: "2025-02-28" },
  { code: "SNV", name: "Sở Nội vụ", level: "TINH", block: "SO_NGANH", validFrom: SINCE },
  { code: "STTTT", name: "Sở Thông tin và Truyền thông", level: "TINH", block: "SO_NGANH", validFrom: SINCE, validTo: "2025-02-28" },
  { code: "SKHCN", name: "Sở Khoa học và Công nghệ", level: "TINH", block: "SO_NGANH", validFrom: SINCE },
  { code: "SCT", name: "Sở Công Thương", level: "TINH", block: "SO_NGANH", validFrom: SINCE },
  { code: "SYT", name: "Sở Y tế", level: "TINH", block: "SO_NGANH", validFrom: SINCE },
  { code: "SGDDT", name: "Sở Giáo dục và Đào tạo", level: "TINH", block: "SO_NGANH", validFrom: SINCE },
  { code: "SVHTTDL", name: "Sở Văn hóa, Thể thao và Du lịch", level: "TINH", block: "SO_NGANH", validFrom: SINCE },
  { code: "BDT", name: "Ban Dân tộc tỉnh", level: "TINH", block: "SO_NGANH", validFrom: SINCE, validTo: "2025-02-28" },
  { code: "SDTTG", name: "Sở Dân tộc và Tôn giáo", level: "TINH", block: "SO_NGANH", validFrom: "2025-03-01" },
  { code: "BQLKCN", name: "Ban Quản lý các khu công nghiệp tỉnh", level: "TINH", block: "SO_NGANH", validFrom: SINCE },
  { code: "VPUBND", name: "Văn phòng UBND tỉnh", level: "TINH", block: "SO_NGANH", validFrom: SINCE, noPublicServices: true },
  { code: "CAT", name: "Công an tỉnh", level: "TINH", block: "NGANH_DOC", validFrom: SINCE },
  { code: "THUE", name: "Thuế tỉnh Phú Sơn", level: "TINH", block: "NGANH_DOC", validFrom: SINCE },
  { code: "BHXH", name: "Bảo hiểm xã hội tỉnh", level: "TINH", block: "NGANH_DOC", validFrom: SINCE },
  { code: "KBNN", name: "Kho bạc Nhà nước khu vực XII", level: "TINH", block: "NGANH_DOC", validFrom: SINCE },
  { code: "HQ", name: "Chi cục Hải quan khu vực VIII", level: "TINH", block: "NGANH_DOC", validFrom: SINCE },
];

const PROVINCIAL_LINKS: LinkSeed[] = [
  { from: "SKHDT", to: "STC", kind: "MERGE", date: "2025-03-01", legal: PROVINCIAL_LEGAL },
  { from: "SNNPTNT", to: "SNNMT", kind: "MERGE", date: "2025-03-01", legal: PROVINCIAL_LEGAL },
  { from: "STNMT", to: "SNNMT", kind: "MERGE", date: "2025-03-01", legal: PROVINCIAL_LEGAL },
  { from: "SGTVT", to: "SXD", kind: "MERGE", date: "2025-03-01", legal: PROVINCIAL_LEGAL },
  { from: "SLDTBXH", to: "SNV", kind: "MERGE", date: "2025-03-01", legal: PROVINCIAL_LEGAL },
  { from: "STTTT", to: "SKHCN", kind: "MERGE", date: "2025-03-01", legal: PROVINCIAL_LEGAL },
  { from: "BDT", to: "SDTTG", kind: "RENAME", date: "2025-03-01", legal: PROVINCIAL_LEGAL },
];

const DISTRICTS: [string, string][] = [
  ["H01", "Thành phố Phú Sơn"], ["H02", "Thị xã Lâm Thao"], ["H03", "Huyện Yên Lạc"], ["H04", "Huyện Thanh Ba"],
  ["H05", "Huyện Cẩm Khê"], ["H06", "Huyện Hạ Hòa"], ["H07", "Huyện Tân Sơn"], ["H08", "Huyện Đoan Hùng"],
];

const COMMUNE_NAMES = [
  "An Phú", "Bình Minh", "Cẩm Giàng", "Đông Hưng", "Gia Lộc", "Hòa Bình", "Hưng Đạo", "Kim Sơn", "Lạc Long", "Minh Khai",
  "Nam Sơn", "Phú Lâm", "Quang Trung", "Tân Tiến", "Thanh Hà", "Thái Học", "Trung Hòa", "Văn Lang", "Vĩnh Lộc", "Yên Bình",
  "Hợp Nhất", "Đồng Xuân", "Tiên Phong", "Hùng Vương", "Xuân Lũng", "Sơn Vi", "Phong Châu", "Bảo Yên", "Chân Mộng", "Hiền Lương",
  "Lê Lợi", "Ngọc Lập", "Phượng Vĩ", "Quế Lâm", "Sai Nga", "Tam Sơn", "Tứ Mỹ", "Vân Du", "Xuân Áng", "Yên Kỳ",
  "Đại Phạm", "Chí Tiên", "Mỹ Lung", "Hương Cần", "Thu Cúc", "Kiệt Sơn", "Long Cốc", "Minh Đài", "Tinh Nhuệ", "Văn Miếu",
  "Vũ Ẻn", "Ấm Hạ", "Gia Điền", "Lang Sơn", "Bằng Luân", "Chân Mộng Hạ", "Ca Đình", "Hùng Long", "Ngọc Quan", "Vân Đồn",
];

export type ProvinceSeed = { units: UnitSeed[]; links: LinkSeed[] };

/**
 * Before 1 July 2025: 8 districts with 150 communes; from then: the districts are gone and
 * the communes are merged into 60 new ones (2 or 3 each), every old one linked to its successor.
 */
export function buildProvince(): ProvinceSeed {
  const units: UnitSeed[] = [...PROVINCIAL];
  const links: LinkSeed[] = [...PROVINCIAL_LINKS];
  for (const [code, name] of DISTRICTS) {
    units.push({ code, name: `UBND ${name.replace(/^(Thành phố|Thị xã|Huyện)/, (m) => m.toLowerCase())}`, level: "HUYEN", block: "UBND_HUYEN", validFrom: SINCE, validTo: "2025-06-30" });
  }
  let oldIndex = 0;
  for (let n = 0; n < 60; n++) {
    const district = DISTRICTS[n % DISTRICTS.length]![0];
    const newName = COMMUNE_NAMES[n]!;
    const isWard = n % DISTRICTS.length < 2;
    const newCode = `X${String(n + 1).padStart(3, "0")}`;
    const kind = n === 59 ? "Đặc khu" : isWard ? "Phường" : "Xã";
    units.push({ code: newCode, name: `UBND ${kind.toLowerCase()} ${newName}`, level: "XA", block: "UBND_XA", validFrom: "2025-07-01" });
    const parts = n % 2 === 0 ? 3 : 2;
    for (let p = 0; p < parts; p++) {
      oldIndex++;
      const oldName = p === 0 ? newName : `${COMMUNE_NAMES[(n * 7 + p * 13) % COMMUNE_NAMES.length]} ${p === 1 ? "Thượng" : "Hạ"}`;
      const oldCode = `${district}-X${String(oldIndex).padStart(3, "0")}`;
      units.push({ code: oldCode, name: `UBND ${isWard ? "phường" : "xã"} ${oldName}`, level: "XA", block: "UBND_XA", validFrom: SINCE, validTo: "2025-06-30", parent: district });
      links.push({ from: oldCode, to: newCode, kind: "MERGE", date: "2025-07-01", legal: COMMUNE_LEGAL });
    }
    links.push({ from: district, to: newCode, kind: "SPLIT", date: "2025-07-01", legal: COMMUNE_LEGAL });
  }
  return { units, links };
}

export const DEMO_PASSWORD = "Sipas@2026";

export const USERS = [
  { username: "admin", fullName: "Nguyễn Thị Thu Hà", role: "ADMIN", note: "Sở Nội vụ" },
  { username: "nhapphieu.xa", fullName: "Trần Văn Nam", role: "CLERK", units: ["X001", "X002", "X003"], note: "cán bộ một cửa, 3 xã/phường; người xác minh nhập liệu hai lần của kế hoạch 2025" },
  { username: "nhapphieu.buudien", fullName: "Lê Thị Hồng Nhung", role: "CLERK", units: ["STP", "STC", "SXD", "SNNMT", "SNV", "SYT", "CAT", "BHXH"], note: "Bưu điện tỉnh" },
  { username: "giamsat.mttq", fullName: "Phạm Văn Đức", role: "MONITOR", plans: [2024, 2025], note: "Ủy ban MTTQ Việt Nam tỉnh" },
  { username: "lanhdao", fullName: "Hoàng Minh Tuấn", role: "LEADER", note: "Phó Chủ tịch UBND tỉnh" },
] as const;
