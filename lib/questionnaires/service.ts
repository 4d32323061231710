import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ItemKind } from "@/lib/generated/prisma/enums";
import { canonicalJson } from "@/lib/audit/chain";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { ZQuestionnaire, type TItem, type TQuestionnaire } from "@/lib/sipas/questionnaire";

const KIND: Record<TItem["kind"], ItemKind> = {
  satisfaction: "SATISFACTION",
  assessment: "ASSESSMENT",
  expectation: "EXPECTATION",
  respondent: "RESPONDENT",
  text: "TEXT",
};

export function questionnaireChecksum(q: TQuestionnaire): string {
  return createHash("sha256").update(canonicalJson(q)).digest("hex");
}

/**
 * The rows answers refer to: aspects, elements and items of a version, in questionnaire
 * order (QItem.sortOrder = the item's place in `definition.items`). Written once, when the
 * version is published; a database trigger refuses any later change.
 */
export async function writeVersionRows(tx: Tx, versionId: number, definition: TQuestionnaire): Promise<void> {
  const aspectIds = new Map<string, number>();
  for (const [i, a] of definition.aspects.entries()) {
    const row = await tx.qAspect.create({ data: { versionId, code: a.code, title: a.title, sortOrder: i } });
    aspectIds.set(a.code, row.id);
  }
  const elementIds = new Map<string, number>();
  for (const [i, e] of definition.elements.entries()) {
    const row = await tx.qElement.create({
      data: { versionId, code: e.code, title: e.title, sortOrder: i, aspectId: e.aspect ? aspectIds.get(e.aspect) : null },
    });
    elementIds.set(e.code, row.id);
  }
  await tx.qItem.createMany({
    data: definition.items.map((item, i) => {
      const { code, text, kind, ...rest } = item;
      return {
        versionId,
        code,
        text,
        kind: KIND[kind],
        sortOrder: i,
        elementId: item.kind === "satisfaction" && item.element ? elementIds.get(item.element) : null,
        config: rest as Prisma.InputJsonValue,
      };
    }),
  });
}

/**
 * Stores a questionnaire as a published version of its template (creating the template
 * when missing), with its aspects, elements and items as rows that answers refer to.
 * Used for the built-in templates (seed) and fixtures; admins go through drafts
 * (lib/questionnaires/drafts.ts). A published version never changes afterwards.
 */
export async function publishQuestionnaireVersion(
  tx: Tx,
  input: { templateCode: string; templateName: string; description?: string; builtin?: boolean; definition: TQuestionnaire },
  actor: Actor,
): Promise<{ versionId: number; version: number }> {
  const parsed = ZQuestionnaire.parse(input.definition);
  const template = await tx.questionnaireTemplate.upsert({
    where: { code: input.templateCode },
    create: { code: input.templateCode, name: input.templateName, description: input.description, builtin: input.builtin ?? false },
    update: {},
  });
  const last = await tx.questionnaireVersion.findFirst({ where: { templateId: template.id }, orderBy: { version: "desc" } });
  const version = (last?.version ?? 0) + 1;
  const definition: TQuestionnaire = { ...parsed, template: input.templateCode, version };
  const created = await tx.questionnaireVersion.create({
    data: {
      templateId: template.id,
      version,
      status: "PUBLISHED",
      publishedAt: new Date(),
      definition: definition as unknown as Prisma.InputJsonValue,
      checksum: questionnaireChecksum(definition),
    },
  });
  await writeVersionRows(tx, created.id, definition);
  await recordAudit(tx, {
    actor,
    action: "questionnaire.publish",
    entity: "QuestionnaireVersion",
    entityId: created.id,
    after: { template: input.templateCode, version, checksum: created.checksum, items: definition.items.length },
  });
  return { versionId: created.id, version };
}
