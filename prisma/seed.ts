/**
 * Demo data, idempotent: a second run neither duplicates nor loses anything (everything is
 * keyed by its code; existing rows, users' passwords included, are left as they are).
 * Run by scripts/start.ts; on its own: DATABASE_URL=… npx tsx prisma/seed.ts
 */
import { db, disconnectDb, type Tx } from "@/lib/db";
import { recordAudit, SYSTEM_ACTOR } from "@/lib/audit/service";
import { hashPassword } from "@/lib/auth/password";
import { publishQuestionnaireVersion } from "@/lib/questionnaires/service";
import { BUILTIN_TEMPLATES } from "@/lib/sipas/templates";
import type { TPlanSettings } from "@/lib/plans/schemas";
import type { Role } from "@/lib/generated/prisma/enums";
import { seedFrames } from "./seed-frames";
import { seedForms } from "./seed-forms";
import { seedResults } from "./seed-results";
import { BLOCKS, buildProvince, DEMO_PASSWORD, FIELDS, LEVELS, USERS } from "./seed-data";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

async function seedRegistry(tx: Tx): Promise<number> {
  for (const l of LEVELS) {
    await tx.adminLevel.upsert({
      where: { code: l.code },
      create: { code: l.code, name: l.name, sortOrder: l.sortOrder, validFrom: day(l.validFrom), validTo: l.validTo ? day(l.validTo) : null },
      update: {},
    });
  }
  for (const b of BLOCKS) await tx.block.upsert({ where: { code: b.code }, create: b, update: {} });
  for (const [code, name] of FIELDS) await tx.field.upsert({ where: { code }, create: { code, name }, update: {} });

  const levels = new Map((await tx.adminLevel.findMany()).map((l) => [l.code, l.id]));
  const blocks = new Map((await tx.block.findMany()).map((b) => [b.code, b.id]));
  const { units, links } = buildProvince();
  const existing = new Set((await tx.unit.findMany({ select: { code: true } })).map((u) => u.code));
  let created = 0;
  for (const u of units) {
    if (existing.has(u.code)) continue;
    await tx.unit.create({
      data: {
        code: u.code, name: u.name, levelId: levels.get(u.level)!, blockId: blocks.get(u.block)!,
        validFrom: day(u.validFrom), validTo: u.validTo ? day(u.validTo) : null,
        providesPublicServices: !u.noPublicServices,
      },
    });
    created++;
  }
  const ids = new Map((await tx.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id]));
  for (const u of units) {
    if (u.parent) await tx.unit.update({ where: { id: ids.get(u.code)! }, data: { parentId: ids.get(u.parent)! } });
  }
  for (const l of links) {
    const predecessorId = ids.get(l.from)!;
    const successorId = ids.get(l.to)!;
    await tx.unitSuccession.upsert({
      where: { predecessorId_successorId: { predecessorId, successorId } },
      create: { predecessorId, successorId, kind: l.kind, effectiveDate: day(l.date), legalBasis: l.legal },
      update: {},
    });
  }
  if (created > 0) {
    await recordAudit(tx, { actor: SYSTEM_ACTOR, action: "seed.registry", entity: "Unit", after: { unitsCreated: created, links: links.length } });
  }
  return created;
}

async function seedQuestionnaires(): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const [key, definition] of Object.entries(BUILTIN_TEMPLATES)) {
    const template = await db().questionnaireTemplate.findUnique({ where: { code: definition.template }, include: { versions: { orderBy: { version: "desc" }, take: 1 } } });
    const existing = template?.versions[0];
    if (existing) {
      out.set(key, existing.id);
      continue;
    }
    const { versionId } = await db().$transaction((tx) =>
      publishQuestionnaireVersion(tx, { templateCode: definition.template, templateName: definition.title, builtin: true, definition }, SYSTEM_ACTOR),
    );
    out.set(key, versionId);
  }
  return out;
}

const SETTINGS: TPlanSettings = {
  strata: "unit",
  rules: [
    { scope: { type: "default" }, rule: { kind: "yamane", e: "0.05" } },
    { scope: { type: "block", code: "UBND_XA" }, rule: { kind: "quota", n: 50 } },
  ],
  overrides: {},
  reserveShare: "0.2",
  minValidForms: 30,
  elementMethod: "mean",
  doubleEntryShare: 0.1,
};

const PLANS = [
  { year: 2024, title: "Khảo sát sự hài lòng của người dân, tổ chức năm 2024", legalNumber: "125/KH-UBND", legalDate: "2024-03-15",
    windowStart: "2024-01-01", windowEnd: "2024-08-31", state: "APPROVED" as const,
    milestones: { LISTS_DUE: "2024-09-10", SAMPLING_DAY: "2024-09-17", FIELDWORK_START: "2024-09-20", FIELDWORK_END: "2024-10-31", ENTRY_DEADLINE: "2024-11-15", REPORT_DEADLINE: "2024-12-10" } },
  { year: 2025, title: "Khảo sát sự hài lòng của người dân, tổ chức năm 2025", legalNumber: "98/KH-UBND", legalDate: "2025-06-20",
    windowStart: "2025-07-01", windowEnd: "2025-10-31", state: "DRAFT" as const,
    milestones: { LISTS_DUE: "2025-11-10", SAMPLING_DAY: "2025-11-17", FIELDWORK_START: "2025-11-20", FIELDWORK_END: "2025-12-20", ENTRY_DEADLINE: "2026-01-05", REPORT_DEADLINE: "2026-01-20" } },
];

async function seedPlans(classicVersionId: number): Promise<void> {
  for (const p of PLANS) {
    if (await db().plan.findUnique({ where: { year_title: { year: p.year, title: p.title } } })) continue;
    await db().$transaction(async (tx) => {
      const units = await tx.unit.findMany({
        where: { providesPublicServices: true, validFrom: { lte: day(p.windowEnd) }, OR: [{ validTo: null }, { validTo: { gte: day(p.windowStart) } }] },
        select: { id: true },
      });
      const plan = await tx.plan.create({
        data: {
          year: p.year, title: p.title, legalNumber: p.legalNumber, legalDate: day(p.legalDate),
          windowStart: day(p.windowStart), windowEnd: day(p.windowEnd), state: p.state,
          questionnaireVersionId: classicVersionId, modes: ["POST", "DIRECT", "ONLINE"], settings: SETTINGS,
          units: { create: units.map((u) => ({ unitId: u.id })) },
          milestones: { create: Object.entries(p.milestones).map(([kind, d]) => ({ kind: kind as never, dueOn: day(d) })) },
        },
      });
      await recordAudit(tx, { actor: SYSTEM_ACTOR, action: "plan.create", entity: "Plan", entityId: plan.id, planId: plan.id, after: { year: p.year, title: p.title, units: units.length } });
    });
  }
}

async function seedUsers(): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of USERS) {
    if (await db().user.findUnique({ where: { username: u.username } })) continue;
    await db().$transaction(async (tx) => {
      const unitCodes: readonly string[] = "units" in u ? u.units : [];
      const years: readonly number[] = "plans" in u ? u.plans : [];
      const units = await tx.unit.findMany({ where: { code: { in: [...unitCodes] } }, select: { id: true } });
      const plans = await tx.plan.findMany({ where: { year: { in: [...years] } }, select: { id: true } });
      const user = await tx.user.create({
        data: {
          username: u.username, fullName: u.fullName, role: u.role as Role, passwordHash,
          units: { create: units.map((x) => ({ unitId: x.id })) },
          plans: { create: plans.map((x) => ({ planId: x.id })) },
        },
      });
      await recordAudit(tx, { actor: SYSTEM_ACTOR, action: "user.create", entity: "User", entityId: user.id, after: { username: u.username, role: u.role } });
    });
  }
}

/**
 * The demo plan being entered gets a designated verifier of double entry (a clerk who entered
 * none of its differing forms but those of their own three communes, which stay ADMIN's).
 * Only once per plan: a designation ADMIN later removed is not brought back.
 */
export const DEMO_VERIFIER = "nhapphieu.xa";
async function seedVerifiers(log: (line: string) => void): Promise<void> {
  const plan = await db().plan.findFirst({ where: { state: "ENTRY" }, orderBy: [{ year: "desc" }, { id: "desc" }], select: { id: true, year: true } });
  const user = await db().user.findUnique({ where: { username: DEMO_VERIFIER }, select: { id: true, username: true, fullName: true, role: true, active: true } });
  if (!plan || !user || user.role !== "CLERK" || !user.active) return;
  const before = await db().auditEvent.count({ where: { entity: "Plan", entityId: String(plan.id), action: { in: ["plan.verifier.add", "plan.verifier.remove"] } } });
  if (before > 0) return;
  await db().$transaction(async (tx) => {
    const row = await tx.planVerifier.create({ data: { planId: plan.id, userId: user.id }, select: { id: true } });
    await recordAudit(tx, {
      actor: SYSTEM_ACTOR, action: "plan.verifier.add", entity: "Plan", entityId: plan.id, planId: plan.id,
      after: { designationId: row.id, userId: user.id, username: user.username, fullName: user.fullName },
    });
  });
  log(`Người xác minh nhập liệu hai lần của kế hoạch ${plan.year}: ${user.fullName} (${user.username}).`);
}

export async function seed(log: (line: string) => void = console.log): Promise<void> {
  const created = await db().$transaction((tx) => seedRegistry(tx), { timeout: 60_000 });
  const versions = await seedQuestionnaires();
  await seedPlans(versions.get("classic")!);
  await seedUsers();
  await seedFrames(log);
  await seedForms(log);
  await seedVerifiers(log);
  await seedResults(log);
  log(created > 0 ? `Đã tạo dữ liệu mẫu (${created} đơn vị).` : "Dữ liệu mẫu đã có sẵn: không thay đổi.");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  seed().then(
    () => disconnectDb(),
    async (err: unknown) => {
      console.error(err);
      await disconnectDb();
      process.exit(1);
    },
  );
}
