import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/service";
import { publishQuestionnaireVersion } from "@/lib/questionnaires/service";
import { BUILTIN_TEMPLATES } from "@/lib/sipas/templates";
import { BLOCKS, buildProvince, FIELDS, LEVELS } from "@/prisma/seed-data";

/**
 * The demo province's registry (levels, blocks, fields, ~240 units with their successor
 * links), a published questionnaire and two plans, written in bulk: the same data as the
 * demo seed's registry without its frames, forms and results, so that each test can start
 * from it in a second or two.
 */
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export const PLAN_2025 = "Khảo sát sự hài lòng của người dân, tổ chức năm 2025";
export const PLAN_2024 = "Khảo sát sự hài lòng của người dân, tổ chức năm 2024";

export async function seedRegistryFixture(): Promise<{ versionId: number; plan2024: number; plan2025: number }> {
  const p = db();
  await p.adminLevel.createMany({ data: LEVELS.map((l) => ({ code: l.code, name: l.name, sortOrder: l.sortOrder, validFrom: day(l.validFrom), validTo: l.validTo ? day(l.validTo) : null })) });
  await p.block.createMany({ data: BLOCKS.map((b) => ({ ...b })) });
  await p.field.createMany({ data: FIELDS.map(([code, name]) => ({ code, name })) });
  const levels = new Map((await p.adminLevel.findMany()).map((l) => [l.code, l.id]));
  const blocks = new Map((await p.block.findMany()).map((b) => [b.code, b.id]));
  const { units, links } = buildProvince();
  await p.unit.createMany({
    data: units.map((u) => ({
      code: u.code, name: u.name, levelId: levels.get(u.level)!, blockId: blocks.get(u.block)!,
      validFrom: day(u.validFrom), validTo: u.validTo ? day(u.validTo) : null, providesPublicServices: !u.noPublicServices,
    })),
  });
  const ids = new Map((await p.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id]));
  for (const u of units) if (u.parent) await p.unit.update({ where: { id: ids.get(u.code)! }, data: { parentId: ids.get(u.parent)! } });
  await p.unitSuccession.createMany({
    data: links.map((l) => ({ predecessorId: ids.get(l.from)!, successorId: ids.get(l.to)!, kind: l.kind, effectiveDate: day(l.date), legalBasis: l.legal })),
  });
  const classic = BUILTIN_TEMPLATES.classic;
  const { versionId } = await p.$transaction((tx) =>
    publishQuestionnaireVersion(tx, { templateCode: classic.template, templateName: classic.title, builtin: true, definition: classic }, SYSTEM_ACTOR),
  );
  const settings = { strata: "unit", rules: [{ scope: { type: "default" }, rule: { kind: "yamane", e: "0.05" } }], overrides: {}, reserveShare: "0.2", minValidForms: 30, elementMethod: "mean", doubleEntryShare: 0.1 };
  const plan = async (year: number, title: string, ws: string, we: string, state: "DRAFT" | "APPROVED") => {
    const scope = await p.unit.findMany({ where: { providesPublicServices: true, validFrom: { lte: day(we) }, OR: [{ validTo: null }, { validTo: { gte: day(ws) } }] }, select: { id: true } });
    const created = await p.plan.create({
      data: {
        year, title, legalNumber: `${year}/KH-UBND`, legalDate: day(`${year}-03-01`), windowStart: day(ws), windowEnd: day(we), state,
        questionnaireVersionId: versionId, modes: ["POST", "DIRECT"], settings, units: { create: scope.map((u) => ({ unitId: u.id })) },
        milestones: { create: [{ kind: "LISTS_DUE", dueOn: day(`${year}-11-10`) }, { kind: "SAMPLING_DAY", dueOn: day(`${year}-11-17`) }] },
      },
    });
    return created.id;
  };
  return {
    versionId,
    plan2024: await plan(2024, PLAN_2024, "2024-01-01", "2024-08-31", "APPROVED"),
    plan2025: await plan(2025, PLAN_2025, "2025-07-01", "2025-10-31", "DRAFT"),
  };
}
