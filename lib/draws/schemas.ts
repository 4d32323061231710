import { z } from "zod";

const id = z.coerce.number().int().positive();

export const ZDrawInput = z.object({
  planId: id,
  seed: z.string().trim().min(1, "Hãy nhập hoặc tạo hạt giống.").max(200, "Hạt giống tối đa 200 ký tự."),
  /** The latest draw the page showed (0: none), against double clicks and stale pages. */
  expectedLatestDrawId: z.coerce.number().int().min(0),
});

export const ZLockInput = z.object({ planId: id, drawId: id });
export const ZVerifyInput = z.object({ planId: id });
export const ZPlanOnly = z.object({ planId: id });
export const ZUnitFrameInput = z.object({ planId: id, unitId: id });
