"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/auth/guard";
import { unitsText } from "@/lib/i18n/units";
import { createField, setFieldActive, updateField } from "@/lib/units/fields";
import { ZCreateField, ZSetFieldActive, ZUpdateField } from "@/lib/units/schemas";

const F = unitsText.fieldsPage;

export const createFieldAction = action("fields.create", "units.write", ZCreateField, async (input, { actor }) => {
  await createField(input, actor);
  revalidatePath("/admin/fields");
  return { message: F.created(input.code) };
});

export const updateFieldAction = action("fields.update", "units.write", ZUpdateField, async (input, { actor }) => {
  await updateField(input, actor);
  revalidatePath("/admin/fields");
  return { message: F.saved };
});

export const setFieldActiveAction = action("fields.setActive", "units.write", ZSetFieldActive, async (input, { actor }) => {
  await setFieldActive(input.id, input.active, actor);
  revalidatePath("/admin/fields");
  return { message: input.active ? F.activated : F.deactivated };
});
