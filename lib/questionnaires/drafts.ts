import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { conflict, invalid, notFound } from "@/lib/errors";
import { questionnairesText as t } from "@/lib/i18n/questionnaires";
import { ZQuestionnaire, type TQuestionnaire } from "@/lib/sipas/questionnaire";
import { questionnaireChecksum, writeVersionRows } from "./service";
import { validateDefinition } from "./validate";

/**
 * Drafts: the only questionnaire versions that change. A draft is a QuestionnaireVersion in
 * status DRAFT whose `definition` the editor rewrites as a whole; its checksum doubles as
 * the optimistic lock (the editor sends the checksum it started from, a save over a newer
 * one is refused). Publishing freezes it (status PUBLISHED, item rows written; a database
 * trigger refuses any later change). Plans can only pin published versions.
 */

type Locked = { id: number; templateId: number; version: number; status: "DRAFT" | "PUBLISHED"; checksum: string | null; definition: unknown; builtin: boolean; templateCode: string };

async function lockVersion(tx: Tx, versionId: number): Promise<Locked> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "QuestionnaireVersion" WHERE id = ${versionId} FOR UPDATE`;
  if (rows.length === 0) throw notFound(t.draft.notFound);
  const v = await tx.questionnaireVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { id: true, templateId: true, version: true, status: true, checksum: true, definition: true, template: { select: { builtin: true, code: true } } },
  });
  return { ...v, builtin: v.template.builtin, templateCode: v.template.code };
}

async function lockDraft(tx: Tx, versionId: number, expectedChecksum: string): Promise<Locked> {
  const v = await lockVersion(tx, versionId);
  if (v.status !== "DRAFT") throw conflict(t.draft.notDraft);
  if (v.checksum !== expectedChecksum) throw conflict(t.draft.stale);
  return v;
}

function stamp(q: TQuestionnaire, templateCode: string, version: number): TQuestionnaire {
  return { ...q, template: templateCode, version };
}

async function createDraftRow(tx: Tx, templateId: number, version: number, definition: TQuestionnaire) {
  return tx.questionnaireVersion.create({
    data: {
      templateId,
      version,
      status: "DRAFT",
      definition: definition as unknown as Prisma.InputJsonValue,
      checksum: questionnaireChecksum(definition),
    },
    select: { id: true, version: true, checksum: true },
  });
}

/** A new template (version 1, draft) with the content of an existing version. */
export async function copyToNewTemplate(
  tx: Tx,
  input: { fromVersionId: number; code: string; name: string },
  actor: Actor,
): Promise<{ versionId: number }> {
  const from = await lockVersion(tx, input.fromVersionId);
  if (await tx.questionnaireTemplate.findUnique({ where: { code: input.code }, select: { id: true } })) {
    throw invalid(t.copy.duplicate(input.code), { code: [t.copy.duplicate(input.code)] });
  }
  const template = await tx.questionnaireTemplate.create({ data: { code: input.code, name: input.name, builtin: false } });
  const definition = stamp(ZQuestionnaire.parse(from.definition), input.code, 1);
  const draft = await createDraftRow(tx, template.id, 1, definition);
  await recordAudit(tx, {
    actor, action: "questionnaire.copy", entity: "QuestionnaireVersion", entityId: draft.id,
    after: { template: input.code, name: input.name, version: 1, from: { template: from.templateCode, version: from.version }, checksum: draft.checksum },
  });
  return { versionId: draft.id };
}

/** The next version of the same template, as a draft starting from `fromVersionId`. */
export async function createDraftVersion(tx: Tx, input: { fromVersionId: number }, actor: Actor): Promise<{ versionId: number; version: number }> {
  const from = await lockVersion(tx, input.fromVersionId);
  if (from.builtin) throw conflict(t.newVersion.builtinRefused);
  // One open draft per template: lock the template so two clicks cannot both pass the check.
  await tx.$queryRaw`SELECT id FROM "QuestionnaireTemplate" WHERE id = ${from.templateId} FOR UPDATE`;
  const open = await tx.questionnaireVersion.findFirst({ where: { templateId: from.templateId, status: "DRAFT" }, select: { version: true } });
  if (open) throw conflict(t.newVersion.draftExists(open.version));
  const last = await tx.questionnaireVersion.findFirstOrThrow({ where: { templateId: from.templateId }, orderBy: { version: "desc" }, select: { version: true } });
  const version = last.version + 1;
  const draft = await createDraftRow(tx, from.templateId, version, stamp(ZQuestionnaire.parse(from.definition), from.templateCode, version));
  await recordAudit(tx, {
    actor, action: "questionnaire.draft", entity: "QuestionnaireVersion", entityId: draft.id,
    after: { template: from.templateCode, version, from: from.version, checksum: draft.checksum },
  });
  return { versionId: draft.id, version };
}

/** Replaces a draft's definition after validating it; returns the new checksum (the next lock). */
export async function saveDraft(
  tx: Tx,
  input: { versionId: number; expectedChecksum: string; definition: unknown },
  actor: Actor,
): Promise<{ checksum: string }> {
  const v = await lockDraft(tx, input.versionId, input.expectedChecksum);
  const checked = validateDefinition(input.definition);
  if (!checked.ok) throw invalid(t.draft.invalid, checked.fieldErrors);
  const definition = stamp(checked.data, v.templateCode, v.version);
  const checksum = questionnaireChecksum(definition);
  if (checksum === v.checksum) return { checksum };
  await tx.questionnaireVersion.update({
    where: { id: v.id },
    data: { definition: definition as unknown as Prisma.InputJsonValue, checksum },
  });
  await recordAudit(tx, {
    actor, action: "questionnaire.save", entity: "QuestionnaireVersion", entityId: v.id,
    before: { checksum: v.checksum }, after: { checksum, items: definition.items.length, elements: definition.elements.length },
  });
  return { checksum };
}

/** Freezes a draft: status PUBLISHED, item rows written. What was saved is what is published. */
export async function publishDraft(tx: Tx, input: { versionId: number; expectedChecksum: string }, actor: Actor): Promise<{ version: number }> {
  const v = await lockDraft(tx, input.versionId, input.expectedChecksum);
  const checked = validateDefinition(v.definition);
  if (!checked.ok) throw invalid(t.draft.publishInvalid, checked.fieldErrors);
  const definition = stamp(checked.data, v.templateCode, v.version);
  const checksum = questionnaireChecksum(definition);
  await tx.questionnaireVersion.update({
    where: { id: v.id },
    data: { status: "PUBLISHED", publishedAt: new Date(), definition: definition as unknown as Prisma.InputJsonValue, checksum },
  });
  await writeVersionRows(tx, v.id, definition);
  await recordAudit(tx, {
    actor, action: "questionnaire.publish", entity: "QuestionnaireVersion", entityId: v.id,
    after: { template: v.templateCode, version: v.version, checksum, items: definition.items.length },
  });
  return { version: v.version };
}

/** Deletes a draft (never a published version); a template left without versions goes too. */
export async function deleteDraft(tx: Tx, input: { versionId: number; expectedChecksum: string }, actor: Actor): Promise<void> {
  const v = await lockDraft(tx, input.versionId, input.expectedChecksum);
  await tx.questionnaireVersion.delete({ where: { id: v.id } });
  const left = await tx.questionnaireVersion.count({ where: { templateId: v.templateId } });
  if (left === 0) await tx.questionnaireTemplate.delete({ where: { id: v.templateId } });
  await recordAudit(tx, {
    actor, action: "questionnaire.deleteDraft", entity: "QuestionnaireVersion", entityId: v.id,
    before: { template: v.templateCode, version: v.version, checksum: v.checksum },
  });
}
