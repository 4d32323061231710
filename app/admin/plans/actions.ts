"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { planStateLabels, plansText } from "@/lib/i18n/plans";
import { createPlan, deletePlan, setMilestoneDone, updatePlan } from "@/lib/plans/editor";
import { transitionPlan } from "@/lib/plans/guard";
import { purgePersonalData } from "@/lib/plans/purge";
import { ZMilestoneDone, ZPlanId, ZPlanInput, ZPlanRef, ZPlanTransition, ZPlanUpdate } from "@/lib/plans/schemas";

export const createPlanAction = action("plans.create", "plans.write", ZPlanInput, async (input, { actor }) => {
  const { id } = await createPlan(input, actor);
  revalidatePath("/admin/plans");
  return { id, message: plansText.created(input.title), href: `/admin/plans/${id}` };
});

export const updatePlanAction = action("plans.update", "plans.write", ZPlanUpdate, async (input, { actor }) => {
  const { version } = await updatePlan(input, actor);
  revalidatePath(`/admin/plans/${input.id}`, "layout");
  revalidatePath("/admin/plans");
  return { version, message: plansText.saved(version) };
});

export const transitionPlanAction = action("plans.transition", "plans.write", ZPlanTransition, async (input, { actor }) => {
  const r = await db().$transaction((tx) => transitionPlan(tx, { planId: input.id, to: input.to, expectedVersion: input.expectedVersion }, actor));
  revalidatePath(`/admin/plans/${input.id}`, "layout");
  revalidatePath("/admin/plans");
  return { ...r, message: plansText.overview.transitioned(planStateLabels[r.state]) };
});

export const milestoneDoneAction = action("plans.milestone", "plans.write", ZMilestoneDone, async (input, { actor }) => {
  await setMilestoneDone(input.planId, input.kind, input.done, actor);
  revalidatePath(`/admin/plans/${input.planId}`);
  return { message: plansText.overview.milestoneMarked };
});

export const deletePlanAction = action("plans.delete", "plans.write", ZPlanId, async (input, { actor }) => {
  const { title } = await deletePlan(input.id, input.expectedVersion, actor);
  revalidatePath("/admin/plans");
  return { message: plansText.deleted(title), href: "/admin/plans" };
});

export const purgePersonalDataAction = action("plans.personal_purge", "personal.purge", ZPlanRef, async (input, { actor }) => {
  const { purged } = await purgePersonalData(input.id, actor);
  revalidatePath(`/admin/plans/${input.id}`);
  return { message: plansText.overview.purged(purged) };
});
