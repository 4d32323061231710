import { z } from "zod";

/** Designating (or removing) a verifier of a plan's double entry. */
export const ZPlanVerifier = z.object({
  planId: z.coerce.number().int().positive(),
  userId: z.coerce.number({ error: "Hãy chọn một cán bộ." }).int().positive("Hãy chọn một cán bộ."),
});
export type TPlanVerifier = z.infer<typeof ZPlanVerifier>;
