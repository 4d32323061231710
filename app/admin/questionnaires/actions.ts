"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { questionnairesText as t } from "@/lib/i18n/questionnaires";
import { copyToNewTemplate, createDraftVersion, deleteDraft, publishDraft, saveDraft } from "@/lib/questionnaires/drafts";
import { ZCopyTemplate, ZDraftLock, ZFromVersion, ZSaveDraft } from "@/lib/questionnaires/schemas";

const LIST = "/admin/questionnaires";

export const copyTemplateAction = action("questionnaires.copy", "questionnaires.write", ZCopyTemplate, async (input, { actor }) => {
  const r = await db().$transaction((tx) => copyToNewTemplate(tx, input, actor));
  revalidatePath(LIST);
  return { message: t.copy.done(input.code), href: `${LIST}/${r.versionId}/edit` };
});

export const createDraftAction = action("questionnaires.draft", "questionnaires.write", ZFromVersion, async (input, { actor }) => {
  const r = await db().$transaction((tx) => createDraftVersion(tx, input, actor));
  revalidatePath(LIST);
  return { message: t.newVersion.done(r.version), href: `${LIST}/${r.versionId}/edit` };
});

export const saveDraftAction = action("questionnaires.save", "questionnaires.write", ZSaveDraft, async (input, { actor }) => {
  const r = await db().$transaction((tx) => saveDraft(tx, input, actor));
  revalidatePath(`${LIST}/${input.versionId}`);
  return { message: t.draft.saved, checksum: r.checksum };
});

export const publishDraftAction = action("questionnaires.publish", "questionnaires.write", ZDraftLock, async (input, { actor }) => {
  const r = await db().$transaction((tx) => publishDraft(tx, input, actor));
  revalidatePath(LIST);
  return { message: t.draft.published(r.version), href: `${LIST}/${input.versionId}` };
});

export const deleteDraftAction = action("questionnaires.deleteDraft", "questionnaires.write", ZDraftLock, async (input, { actor }) => {
  await db().$transaction((tx) => deleteDraft(tx, input, actor));
  revalidatePath(LIST);
  return { message: t.draft.deleted, href: LIST };
});
