"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/auth/guard";
import { invalid } from "@/lib/errors";
import { unitsText } from "@/lib/i18n/units";
import { createUnit, updateUnit } from "@/lib/units/edit";
import { importUnits, MAX_IMPORT_BYTES } from "@/lib/units/import";
import { mergeUnits, renameUnit, splitUnit } from "@/lib/units/restructure";
import { ZCreateUnit, ZMerge, ZRename, ZSplit, ZUpdateUnit } from "@/lib/units/schemas";

export const createUnitAction = action("units.create", "units.write", ZCreateUnit, async (input, { actor }) => {
  const unit = await createUnit(input, actor);
  revalidatePath("/admin/units");
  return { id: unit.id, message: unitsText.created(unit.code), href: `/admin/units/${unit.id}` };
});

export const updateUnitAction = action("units.update", "units.write", ZUpdateUnit, async (input, { actor }) => {
  await updateUnit(input, actor);
  revalidatePath("/admin/units", "layout");
  return { message: unitsText.saved };
});

export const mergeUnitsAction = action("units.merge", "units.write", ZMerge, async (input, { actor }) => {
  const r = await mergeUnits(input, actor);
  revalidatePath("/admin/units", "layout");
  return { message: r.message, notices: r.notices, successorId: r.successorIds[0] };
});

export const splitUnitAction = action("units.split", "units.write", ZSplit, async (input, { actor }) => {
  const r = await splitUnit(input, actor);
  revalidatePath("/admin/units", "layout");
  return { message: r.message, notices: r.notices };
});

export const renameUnitAction = action("units.rename", "units.write", ZRename, async (input, { actor }) => {
  const r = await renameUnit(input, actor);
  revalidatePath("/admin/units", "layout");
  return { message: r.message, notices: r.notices, href: `/admin/units/${r.successorIds[0]}` };
});

const ZImport = z.object({ file: z.instanceof(File, { message: unitsText.import.noFile }) });

export const importUnitsAction = action("units.import", "units.write", ZImport, async ({ file }, { actor }) => {
  if (file.size === 0) throw invalid(unitsText.import.noFile, { file: [unitsText.import.noFile] });
  if (file.size > MAX_IMPORT_BYTES) throw invalid(unitsText.import.tooBig, { file: [unitsText.import.tooBig] });
  const outcome = await importUnits({ name: file.name, bytes: Buffer.from(await file.arrayBuffer()) }, actor);
  if (outcome.ok) revalidatePath("/admin/units", "layout");
  return outcome;
});
