import { z } from "zod";

/** A decimal written as text (e.g. "0.05"), so that rules are exact, never floating point. */
export const ZDecimalText = z.string().regex(/^(0|[1-9]\d*)(\.\d+)?$/, "Số thập phân dạng 0.05 (dấu chấm).");

export const ZSizeRule = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("yamane"), e: ZDecimalText.default("0.05") }),
  z.object({ kind: z.literal("quota"), n: z.number().int().min(1) }),
  z.object({ kind: z.literal("proportional"), total: z.number().int().min(1), min: z.number().int().min(0).default(0) }),
]);
export type TSizeRule = z.infer<typeof ZSizeRule>;

/** Which strata a rule applies to: everything, a level, or a block (by code). */
export const ZRuleScope = z.discriminatedUnion("type", [
  z.object({ type: z.literal("default") }),
  z.object({ type: z.literal("level"), code: z.string().min(1) }),
  z.object({ type: z.literal("block"), code: z.string().min(1) }),
]);

export const ZPlanSettings = z.object({
  strata: z.enum(["unit", "unit-field"]).default("unit"),
  rules: z.array(z.object({ scope: ZRuleScope, rule: ZSizeRule })).min(1),
  /** Manual sample size per unit code. */
  overrides: z.record(z.string(), z.number().int().min(0)).default({}),
  reserveShare: ZDecimalText.default("0.2"),
  minValidForms: z.number().int().min(1).default(30),
  elementMethod: z.enum(["mean", "pooled"]).default("mean"),
  doubleEntryShare: z.number().min(0).max(1).default(0.1),
});
export type TPlanSettings = z.infer<typeof ZPlanSettings>;
