/**
 * Demo frames and samples, idempotent: for each demo plan without a locked draw, a frame of
 * generated (fictional) people is imported through the real import path, the sample is
 * drawn with a lottery-style seed and locked (which creates the forms and moves the plan to
 * SAMPLED). A plan that already has a locked draw is left alone.
 */
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit, SYSTEM_ACTOR } from "@/lib/audit/service";
import { commitFrame } from "@/lib/frames/import";
import { drawSample, lockDraw } from "@/lib/draws/service";
import type { TFrameRecord } from "@/lib/frames/schemas";

const SEEDS: Record<number, string> = { 2024: "XSKT Phú Sơn 17/09/2024: 802417", 2025: "XSKT Phú Sơn 17/11/2025: 359214" };

/** mulberry32: the same demo frame on every machine. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HO = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Hà", "Tạ", "Kiều"];
const DEM_NAM = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thành", "Xuân", "Ngọc", "Đình"];
const DEM_NU = ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Kim", "Bích", "Hồng", "Mai", "Diệu"];
const TEN_NAM = ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Khoa", "Long", "Mạnh", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Toàn", "Trung", "Tuấn", "Việt"];
const TEN_NU = ["Anh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Loan", "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Thảo", "Trang", "Yến"];
const STREETS = ["Trần Phú", "Lê Lợi", "Hùng Vương", "Nguyễn Trãi", "Hai Bà Trưng", "Quang Trung", "Lý Thường Kiệt", "Điện Biên Phủ", "Nguyễn Du", "Phan Chu Trinh", "Bạch Đằng", "Châu Phong"];
const ORG = ["Công ty TNHH", "Công ty cổ phần", "Hợp tác xã", "Doanh nghiệp tư nhân"];
const ORG_NAME = ["Minh Phát", "Thành Công", "Phú Sơn Xanh", "Hòa Bình", "Tân Tiến", "Đại Việt", "Sông Thao", "Hùng Vương", "An Khang", "Bảo Châu"];

const PROCEDURES: Record<string, string[]> = {
  HO_TICH: ["Đăng ký khai sinh", "Đăng ký kết hôn", "Cấp bản sao trích lục hộ tịch", "Đăng ký khai tử"],
  CHUNG_THUC: ["Chứng thực bản sao từ bản chính", "Chứng thực chữ ký", "Chứng thực hợp đồng, giao dịch"],
  DAT_DAI: ["Đăng ký biến động quyền sử dụng đất", "Cấp Giấy chứng nhận quyền sử dụng đất lần đầu", "Chuyển mục đích sử dụng đất"],
  XAY_DUNG: ["Cấp giấy phép xây dựng nhà ở riêng lẻ", "Thẩm định thiết kế xây dựng"],
  DAU_TU: ["Chấp thuận chủ trương đầu tư", "Điều chỉnh dự án đầu tư"],
  DOANH_NGHIEP: ["Đăng ký thành lập doanh nghiệp", "Đăng ký thay đổi nội dung đăng ký doanh nghiệp", "Đăng ký hộ kinh doanh"],
  LAO_DONG: ["Cấp giấy phép lao động cho người nước ngoài", "Giải quyết trợ cấp thất nghiệp"],
  BAO_TRO_XH: ["Trợ cấp xã hội hằng tháng", "Hỗ trợ chi phí mai táng"],
  Y_TE: ["Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh", "Cấp giấy phép hoạt động cơ sở khám bệnh"],
  GIAO_DUC: ["Công nhận văn bằng do cơ sở nước ngoài cấp", "Cấp bản sao văn bằng, chứng chỉ"],
  GIAO_THONG: ["Đổi giấy phép lái xe", "Cấp giấy phép lái xe quốc tế"],
  CU_TRU: ["Đăng ký thường trú", "Đăng ký tạm trú", "Cấp căn cước"],
  THUE: ["Đăng ký thuế lần đầu", "Hoàn thuế thu nhập cá nhân"],
  BHXH: ["Cấp lại sổ bảo hiểm xã hội", "Giải quyết hưởng chế độ thai sản"],
  TU_PHAP: ["Cấp phiếu lý lịch tư pháp"],
  CONG_THUONG: ["Cấp giấy phép bán lẻ rượu", "Cấp giấy chứng nhận đủ điều kiện kinh doanh xăng dầu"],
  VAN_HOA: ["Cấp giấy phép kinh doanh dịch vụ karaoke", "Cấp giấy phép tổ chức lễ hội"],
  MOI_TRUONG: ["Cấp giấy phép môi trường", "Đăng ký môi trường"],
};

/** The fields a unit handles, by its code (commune and district UBNDs share a list). */
function fieldsOf(code: string): string[] {
  const byUnit: Record<string, string[]> = {
    STP: ["TU_PHAP", "HO_TICH", "CHUNG_THUC"], STC: ["DAU_TU", "DOANH_NGHIEP"], SKHDT: ["DAU_TU", "DOANH_NGHIEP"],
    SXD: ["XAY_DUNG", "GIAO_THONG"], SGTVT: ["GIAO_THONG"], SNNMT: ["DAT_DAI", "MOI_TRUONG"], STNMT: ["DAT_DAI", "MOI_TRUONG"],
    SNV: ["LAO_DONG", "BAO_TRO_XH"], SLDTBXH: ["LAO_DONG", "BAO_TRO_XH"], SYT: ["Y_TE"], SGDDT: ["GIAO_DUC"], SCT: ["CONG_THUONG"],
    SVHTTDL: ["VAN_HOA"], CAT: ["CU_TRU", "GIAO_THONG"], THUE: ["THUE"], BHXH: ["BHXH"],
  };
  if (byUnit[code]) return byUnit[code];
  if (/^H\d\d$/.test(code)) return ["DAT_DAI", "XAY_DUNG", "DOANH_NGHIEP", "HO_TICH"];
  if (/^(X\d{3}|H\d\d-X\d{3})$/.test(code)) return ["HO_TICH", "CHUNG_THUC", "DAT_DAI", "BAO_TRO_XH"];
  return ["DOANH_NGHIEP", "CHUNG_THUC"];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

type Person = { name: string; kind: "individual" | "organisation"; address: string | null; phone: string | null };

/** A plan's demo frame: tens to about a thousand dossiers per unit, ~4% repeat people. */
function buildFrame(planYear: number, units: { code: string; block: string }[], window: { start: Date; end: Date }, communes: string[]): TFrameRecord[] {
  const rand = rng(planYear * 7919);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const days = Math.round((window.end.getTime() - window.start.getTime()) / 86_400_000);
  const out: TFrameRecord[] = [];
  units.forEach((u, ui) => {
    // Communes: some below the quota of 50, so the preview shows whole-stratum (census) flags.
    const size =
      u.block === "UBND_XA" ? 25 + Math.floor(rand() * (planYear === 2024 ? 60 : 180))
      : u.block === "UBND_HUYEN" ? 300 + Math.floor(rand() * 500)
      : 150 + Math.floor(rand() * 900);
    const fields = fieldsOf(u.code);
    const people: Person[] = [];
    for (let i = 0; i < size; i++) {
      let person: Person;
      if (people.length > 10 && rand() < 0.04) person = pick(people);
      else if (rand() < 0.1) {
        person = { name: `${pick(ORG)} ${pick(ORG_NAME)} ${1 + Math.floor(rand() * 90)}`, kind: "organisation", address: `Lô ${1 + Math.floor(rand() * 40)} khu công nghiệp ${pick(communes)}`, phone: rand() < 0.8 ? `02${10 + Math.floor(rand() * 89)}${String(Math.floor(rand() * 1e7)).padStart(7, "0")}` : null };
      } else {
        const male = rand() < 0.5;
        person = {
          name: `${pick(HO)} ${pick(male ? DEM_NAM : DEM_NU)} ${pick(male ? TEN_NAM : TEN_NU)}`,
          kind: "individual",
          address: `Số ${1 + Math.floor(rand() * 250)} đường ${pick(STREETS)}, ${pick(communes)}`,
          phone: rand() < 0.88 ? `0${pick(["9", "8", "3", "7"])}${String(Math.floor(rand() * 1e8)).padStart(8, "0")}` : null,
        };
      }
      people.push(person);
      const field = pick(fields);
      const day = new Date(window.start.getTime() + Math.floor(rand() * (days + 1)) * 86_400_000);
      const ymd = iso(day).slice(2).replace(/-/g, "");
      out.push({
        unitCode: u.code,
        dossierCode: `000.00.${String(ui + 1).padStart(2, "0")}.H56-${ymd}-${String(i + 1).padStart(4, "0")}`,
        ...person,
        fieldCode: field,
        procedure: pick(PROCEDURES[field] ?? ["Thủ tục hành chính"]),
        resultDate: iso(day),
      });
    }
  });
  return out;
}

export async function seedFrames(log: (line: string) => void = console.log): Promise<void> {
  const plans = await db().plan.findMany({ where: { year: { in: [2024, 2025] } }, orderBy: { year: "asc" } });
  for (const plan of plans) {
    if (await db().sampleDraw.count({ where: { planId: plan.id, status: "LOCKED" } })) continue;
    if (plan.state === "DRAFT" || plan.state === "APPROVED") {
      await db().$transaction(async (tx) => {
        await tx.plan.update({ where: { id: plan.id }, data: { state: "FRAME", version: { increment: 1 } } });
        await recordAudit(tx, { actor: SYSTEM_ACTOR, action: "plan.transition", entity: "Plan", entityId: plan.id, planId: plan.id, before: { state: plan.state }, after: { state: "FRAME", reason: "seed" } });
      });
    }
    if ((await db().frameRecord.count({ where: { planId: plan.id } })) === 0) {
      const units = await db().planUnit.findMany({ where: { planId: plan.id }, select: { unit: { select: { code: true, block: { select: { code: true } } } } }, orderBy: { unit: { code: "asc" } } });
      const communes = (await db().unit.findMany({ where: { block: { code: "UBND_XA" }, validTo: null }, select: { name: true } })).map((u) => u.name.replace(/^UBND /, ""));
      const records = buildFrame(plan.year, units.map((u) => ({ code: u.unit.code, block: u.unit.block.code })), { start: plan.windowStart, end: plan.windowEnd }, communes);
      const checksum = createHash("sha256").update(JSON.stringify(records)).digest("hex");
      const outcome = await commitFrame({
        planId: plan.id, actor: SYSTEM_ACTOR, source: "FILE", fileName: `du-lieu-mau-danh-sach-${plan.year}.xlsx`, checksum,
        scope: { kind: "units-in-file" }, columns: { unitCode: "Mã đơn vị", dossierCode: "Mã hồ sơ", fieldCode: "Mã lĩnh vực" },
        read: async function* () {
          yield records.map((record, i) => ({ row: i + 2, result: { ok: true as const, record } }));
        },
        onProblem: (p) => log(`  dòng ${p.row}, ${p.column}: ${p.reason}`),
      });
      if (!outcome.ok) throw new Error(`seedFrames: the demo frame of ${plan.year} has ${outcome.problemCount} problems`);
    }
    const latest = await db().sampleDraw.findFirst({ where: { planId: plan.id }, orderBy: { id: "desc" }, select: { id: true } });
    const draw = await drawSample({ planId: plan.id, seed: SEEDS[plan.year] ?? `demo-${plan.year}`, expectedLatestDrawId: latest?.id ?? 0 }, SYSTEM_ACTOR);
    await lockDraw({ planId: plan.id, drawId: draw.drawId }, SYSTEM_ACTOR);
    log(`Kế hoạch ${plan.year}: đã nhập danh sách và chọn mẫu (${draw.main} phiếu, ${draw.reserve} dự phòng).`);
  }
}
