"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/auth/guard";
import { drawSample, lockDraw } from "@/lib/draws/service";
import { verifyStoredDraw } from "@/lib/draws/verify";
import { ZDrawInput, ZLockInput, ZPlanOnly, ZVerifyInput } from "@/lib/draws/schemas";
import { samplingText as t } from "@/lib/i18n/sampling";
import { generateSeed } from "@/lib/sampling/seed";

function refresh(planId: number): void {
  revalidatePath(`/admin/plans/${planId}/sampling`);
  revalidatePath(`/monitor/plans/${planId}/sampling`);
}

export const drawSampleAction = action("sampling.draw", "sampling.write", ZDrawInput, async (input, { actor }) => {
  const r = await drawSample(input, actor);
  refresh(input.planId);
  return { ...r, message: t.drawn(r.main, r.reserve) };
});

export const lockDrawAction = action("sampling.lock", "sampling.write", ZLockInput, async (input, { actor }) => {
  const r = await lockDraw(input, actor);
  refresh(input.planId);
  return { ...r, message: r.alreadyLocked ? t.alreadyLocked : t.locked(r.forms ?? 0) };
});

/** A fresh random seed for the seed field (128 bits from the server's CSPRNG). */
export const generateSeedAction = action("sampling.seed", "sampling.write", ZPlanOnly, async () => ({ seed: generateSeed() }));

/** ADMIN and MONITOR: re-run the locked draw on the stored frame and compare. */
export const verifyDrawAction = action("sampling.verify", "sampling.verify", ZVerifyInput, async (input, { user, actor }) =>
  verifyStoredDraw(user, actor, input.planId),
);
