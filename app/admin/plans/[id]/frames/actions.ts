"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/auth/guard";
import { ZUnitFrameInput } from "@/lib/draws/schemas";
import { deleteUnitFrame } from "@/lib/frames/service";

export const deleteUnitFrameAction = action("frames.deleteUnit", "frames.write", ZUnitFrameInput, async (input, { actor }) => {
  const r = await deleteUnitFrame(input, actor);
  revalidatePath(`/admin/plans/${input.planId}/frames`);
  return { ...r, message: `Đã xóa ${r.deleted.toLocaleString("vi-VN")} hồ sơ của đơn vị.` };
});
