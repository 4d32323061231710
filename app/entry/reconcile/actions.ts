"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/auth/guard";
import { decideDifferences } from "@/lib/entry/reconcile";
import { ZReconcileForm } from "@/lib/entry/schemas";
import { reconcileText as t } from "@/lib/i18n/reconcile";

export const reconcileAction = action("entry.reconcile", "entry.reconcile", ZReconcileForm, async (input, { user, actor }) => {
  const r = await decideDifferences(input, user, actor);
  revalidatePath("/entry/reconcile", "layout");
  return { message: t.done(r.display, r.changed) };
});
