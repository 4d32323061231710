"use server";

import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { applyStateRows, createBatch, scanForm } from "@/lib/forms/fieldwork";
import { markPrinted } from "@/lib/forms/print-service";
import { replaceAllReplaceable, replaceForm } from "@/lib/forms/service";
import { readStateFile } from "@/lib/forms/state-file";
import { ZCreateBatch, ZMarkPrinted, ZReplace, ZReplaceAll, ZScan, ZStateUpload } from "@/lib/forms/schemas";
import { formatFormCode } from "@/lib/forms/form-code";
import { formsText as t } from "@/lib/i18n/forms";
import { FrameFileError } from "@/lib/frames/messages";

const refresh = (planId: number) => revalidatePath(`/admin/plans/${planId}/forms`, "layout");

export const scanAction = action("forms.scan", "forms.write", ZScan, async (input, { actor }) => {
  const r = await scanForm(input, actor);
  refresh(input.planId);
  return r;
});

export const createBatchAction = action("forms.batch", "forms.write", ZCreateBatch, async (input, { actor }) => {
  await createBatch({ planId: input.planId, code: input.code, note: input.note, sentAt: input.sentAt ? new Date(`${input.sentAt}T00:00:00Z`) : undefined }, actor);
  refresh(input.planId);
  return { message: t.batchCreated(input.code) };
});

export const markPrintedAction = action("forms.markPrinted", "forms.write", ZMarkPrinted, async (input, { actor }) => {
  const n = await markPrinted(input.planId, { unitId: input.unitId }, actor);
  refresh(input.planId);
  return { message: n === 0 ? t.nothingToPrint : t.markedPrinted(n) };
});

export const replaceAction = action("forms.replace", "forms.write", ZReplace, async (input, { actor }) => {
  const r = await db().$transaction((tx) => replaceForm(tx, input.formId, actor, input.version));
  const planId = (await db().form.findUniqueOrThrow({ where: { id: r.newFormId }, select: { planId: true } })).planId;
  refresh(planId);
  return { message: t.replaced(formatFormCode(r.oldCode), formatFormCode(r.newCode), r.reserveOrder) };
});

export const replaceAllAction = action("forms.replaceAll", "forms.write", ZReplaceAll, async (input, { actor }) => {
  const r = await replaceAllReplaceable(input.planId, input.unitId, actor);
  refresh(input.planId);
  return { message: t.replacedMany(r.done.length, r.failed.length), failed: r.failed };
});

const MAX_UPLOAD_MB = 20;

export const uploadStatesAction = action("forms.uploadStates", "forms.write", ZStateUpload, async (input, { actor }) => {
  const file = input.file;
  if (file.size === 0) throw invalid(t.import.noFile, { file: [t.import.noFile] });
  if (file.size > MAX_UPLOAD_MB * 1024 * 1024) throw invalid(t.import.tooBig(MAX_UPLOAD_MB), { file: [t.import.tooBig(MAX_UPLOAD_MB)] });
  // The readers stream from a path: the upload goes to a private temporary file first.
  const ext = path.extname(file.name).toLowerCase().slice(0, 6);
  const tmp = path.join(tmpdir(), `sipas-states-${randomBytes(8).toString("hex")}${ext}`);
  await writeFile(tmp, Buffer.from(await file.arrayBuffer()), { mode: 0o600 });
  try {
    const read = await readStateFile(tmp).catch((err: unknown) => {
      if (err instanceof FrameFileError) throw invalid(err.message, { file: [err.message] });
      throw err;
    });
    if (read.problems.length > 0) return { message: t.import.refused(read.problems.length), problems: read.problems.slice(0, 500), notices: read.notices };
    const applied = await applyStateRows(input.planId, read.rows, actor);
    if (!applied.ok) return { message: t.import.refused(applied.problems.length), problems: applied.problems.slice(0, 500), notices: read.notices };
    refresh(input.planId);
    return { message: t.import.done(applied.moved, applied.duplicates), problems: [], notices: read.notices };
  } finally {
    await rm(tmp, { force: true });
  }
});
