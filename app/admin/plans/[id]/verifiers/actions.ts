"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/auth/guard";
import { designateVerifier, removeVerifier } from "@/lib/entry/verifiers";
import { ZPlanVerifier } from "@/lib/entry/verifier-schemas";
import { verifiersText as t } from "@/lib/i18n/verifiers";

export const addPlanVerifierAction = action("plans.verifier.add", "entry.verifiers", ZPlanVerifier, async (input, { actor }) => {
  const { name } = await designateVerifier(input, actor);
  revalidatePath(`/admin/plans/${input.planId}`);
  return { message: t.added(name) };
});

export const removePlanVerifierAction = action("plans.verifier.remove", "entry.verifiers", ZPlanVerifier, async (input, { actor }) => {
  const { name } = await removeVerifier(input, actor);
  revalidatePath(`/admin/plans/${input.planId}`);
  return { message: t.removed(name) };
});
