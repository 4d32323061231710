import { z } from "zod";
import type { ElementMethod } from "@/lib/sipas/engine-input";

/**
 * Which forms count, and the method settings of a plan that the index engine needs.
 * ENTERED (typed in or answered online) and VERIFIED (double entry reconciled or checked)
 * both count: every form is entered once, and only a share is entered twice, so waiting
 * for VERIFIED would leave most forms out. The snapshot records how many of each.
 */
export const COUNTED_FORM_STATES = ["ENTERED", "VERIFIED"] as const;

export type PlanMethod = { elementMethod: ElementMethod; minValidForms: number };

/** Read leniently: a plan whose settings predate a field gets the method's defaults (§7). */
const ZMethodSettings = z.object({
  elementMethod: z.enum(["mean", "pooled"]).catch("mean").default("mean"),
  minValidForms: z.number().int().min(1).catch(30).default(30),
});

export function planMethod(settings: unknown): PlanMethod {
  const parsed = ZMethodSettings.safeParse(settings ?? {});
  return parsed.success ? parsed.data : { elementMethod: "mean", minValidForms: 30 };
}
