"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/auth/guard";
import { resultsText as t } from "@/lib/i18n/results";
import { computeSnapshot, publishSnapshot } from "@/lib/results/service";

const ZPlan = z.object({ planId: z.coerce.number().int().positive() });
const ZPublish = ZPlan.extend({ snapshotId: z.coerce.number().int().positive() });

export const computeResultsAction = action("results.compute", "results.write", ZPlan, async ({ planId }, { actor }) => {
  const r = await computeSnapshot(planId, actor);
  revalidatePath(`/admin/results/${planId}`);
  return { message: r.unchanged ? t.unchanged : t.computed, href: `/admin/results/${planId}` };
});

export const publishResultsAction = action("results.publish", "results.publish", ZPublish, async (input, { actor }) => {
  await publishSnapshot(input, actor);
  revalidatePath(`/admin/results/${input.planId}`);
  revalidatePath("/ket-qua");
  return { message: t.publishDone, href: `/admin/results/${input.planId}` };
});
