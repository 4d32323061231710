/**
 * Shared by the frame benchmarks: a throw-away database with a province of `units` units
 * and plans in the FRAME state, and a deterministic generator of frame rows (about 2% of
 * people listed twice in their unit).
 */
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";

export const HEADER = ["Mã đơn vị", "Mã hồ sơ", "Họ tên / Tên tổ chức", "Loại", "Địa chỉ", "Số điện thoại", "Mã lĩnh vực", "Thủ tục", "Ngày trả kết quả"];

export async function benchDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase("sipas_bench");
  // lib/db reads DATABASE_URL on first use: everything below talks to the bench database.
  process.env.DATABASE_URL = database.url;
  return database;
}

export async function benchPlans(count: number, units: number): Promise<number[]> {
  const { db } = await import("@/lib/db");
  const { SYSTEM_ACTOR } = await import("@/lib/audit/service");
  const { publishQuestionnaireVersion } = await import("@/lib/questionnaires/service");
  const { BUILTIN_TEMPLATES } = await import("@/lib/sipas/templates");
  const q = BUILTIN_TEMPLATES.classic;
  const { versionId } = await db().$transaction((tx) =>
    publishQuestionnaireVersion(tx, { templateCode: q.template, templateName: q.title, builtin: true, definition: q }, SYSTEM_ACTOR),
  );
  const level = await db().adminLevel.create({ data: { code: "TINH", name: "Cấp tỉnh", validFrom: new Date("2000-01-01") } });
  const block = await db().block.create({ data: { code: "SO_NGANH", name: "Sở, ban, ngành" } });
  await db().field.createMany({ data: ["DAT_DAI", "HO_TICH", "DAU_TU", "LAO_DONG"].map((code) => ({ code, name: code })) });
  await db().unit.createMany({
    data: Array.from({ length: units }, (_, i) => ({ code: unitCode(i), name: `Đơn vị ${i}`, levelId: level.id, blockId: block.id, validFrom: new Date("2000-01-01") })),
  });
  const unitIds = (await db().unit.findMany({ select: { id: true } })).map((u) => u.id);
  const ids: number[] = [];
  for (let p = 0; p < count; p++) {
    const plan = await db().plan.create({
      data: {
        year: 2025, title: `Kế hoạch đo hiệu năng ${p + 1}`, legalNumber: "1/KH", legalDate: new Date("2025-01-01"),
        windowStart: new Date("2025-01-01"), windowEnd: new Date("2025-12-31"), state: "FRAME", questionnaireVersionId: versionId, modes: ["POST"],
        settings: { strata: "unit", rules: [{ scope: { type: "default" }, rule: { kind: "yamane", e: "0.05" } }], overrides: {}, reserveShare: "0.2", minValidForms: 30, elementMethod: "mean", doubleEntryShare: 0.1 },
        units: { create: unitIds.map((unitId) => ({ unitId })) },
      },
    });
    ids.push(plan.id);
  }
  return ids;
}

export const unitCode = (i: number) => `U${String(i).padStart(3, "0")}`;

const NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Võ Thị Giang", "Đặng Quốc Huy", "Bùi Thị Lan"];
const FIELDS = ["DAT_DAI", "HO_TICH", "DAU_TU", "LAO_DONG"];

/** Row i of the frame as the 9 template cells (dates as dd/mm/yyyy text). */
export function frameRow(i: number, units: number): string[] {
  const u = i % units;
  // About 2% repeat the person of the row `units` earlier (same unit): same name, address and phone.
  const person = i >= units && i % 53 === 7 ? i - units : i;
  const phone = person % 10 === 3 ? "" : `09${String(person).padStart(8, "0")}`;
  const day = 1 + (i % 28);
  const month = 1 + (i % 12);
  return [
    unitCode(u),
    `000.00.${String(u).padStart(3, "0")}.H56-25${String(i).padStart(8, "0")}`,
    `${NAMES[person % NAMES.length]} ${person}`,
    person % 11 === 0 ? "Tổ chức" : "Cá nhân",
    `Số ${person % 300} đường ${person % 97}, phường ${person % 41}`,
    phone,
    FIELDS[i % FIELDS.length]!,
    "Đăng ký biến động quyền sử dụng đất",
    `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/2025`,
  ];
}

/** Samples the resident set size; `peak` is the largest seen since the last reset. */
export function memoryMeter() {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 20);
  return {
    reset: () => {
      peak = process.memoryUsage().rss;
    },
    peakMb: () => {
      sample();
      return peak / 1024 ** 2;
    },
    stop: () => clearInterval(timer),
  };
}
