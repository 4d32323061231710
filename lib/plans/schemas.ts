import { z } from "zod";
import { plansText } from "@/lib/i18n/plans";
import { milestoneLabels } from "@/lib/i18n/vi";

const V = plansText.validation;

/** A decimal written as text (e.g. "0.05"), so that rules are exact, never floating point. */
export const ZDecimalText = z.string({ error: "Nhập số thập phân, ví dụ 0.05." }).regex(/^(0|[1-9]\d*)(\.\d+)?$/, "Số thập phân dạng 0.05 (dấu chấm).");

/** Yamane's margin of error: 0 < e ≤ 0.5 (e = 0 would ask for a census through a division by zero). */
export const ZMargin = ZDecimalText.refine((v) => Number(v) > 0 && Number(v) <= 0.5, V.marginRange);
/** A share between 0 and 1 inclusive, as exact decimal text. */
export const ZShareText = ZDecimalText.refine((v) => Number(v) <= 1, V.shareRange);

const int = (min: number) => z.number({ error: "Nhập một số nguyên." }).int("Nhập một số nguyên.").min(min, `Tối thiểu ${min}.`);

export const ZSizeRule = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("yamane"), e: ZMargin.default("0.05") }),
  z.object({ kind: z.literal("quota"), n: int(1) }),
  z.object({ kind: z.literal("proportional"), total: int(1), min: int(0).default(0) }),
]);
export type TSizeRule = z.infer<typeof ZSizeRule>;

/** Which strata a rule applies to: everything, a level, or a block (by code). */
export const ZRuleScope = z.discriminatedUnion("type", [
  z.object({ type: z.literal("default") }),
  z.object({ type: z.literal("level"), code: z.string().min(1) }),
  z.object({ type: z.literal("block"), code: z.string().min(1) }),
]);
export type TRuleScope = z.infer<typeof ZRuleScope>;

/**
 * A plan's sampling and method settings (Plan.settings). Which rule applies to a unit is
 * decided by lib/plans/rules.ts `resolveRule` (override → block → level → default);
 * lib/plans/validate.ts checks them against the registry and the plan's units.
 */
export const ZPlanSettings = z.object({
  strata: z.enum(["unit", "unit-field"]).default("unit"),
  rules: z.array(z.object({ scope: ZRuleScope, rule: ZSizeRule })).min(1),
  /** Manual sample size per unit code. */
  overrides: z.record(z.string(), int(0)).default({}),
  reserveShare: ZShareText.default("0.2"),
  minValidForms: int(1).default(30),
  elementMethod: z.enum(["mean", "pooled"]).default("mean"),
  doubleEntryShare: z.number({ error: V.shareRange }).min(0, V.shareRange).max(1, V.shareRange).default(0.1),
});
export type TPlanSettings = z.infer<typeof ZPlanSettings>;

export const MILESTONE_KINDS = ["LISTS_DUE", "SAMPLING_DAY", "FIELDWORK_START", "FIELDWORK_END", "ENTRY_DEADLINE", "REPORT_DEADLINE", "PUBLICATION"] as const;
export type TMilestoneKind = (typeof MILESTONE_KINDS)[number];
export const SURVEY_MODES = ["POST", "DIRECT", "ONLINE", "KIOSK", "PHONE"] as const;

/** yyyy-mm-dd (what <input type="date"> sends), a real calendar day. */
export const ZIsoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày chưa đúng dạng ngày/tháng/năm.")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "Ngày không tồn tại.");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Tối đa ${max} ký tự.`)
    .nullish()
    .transform((v) => (v ? v.normalize("NFC") : null));

const ZPlanFields = z.object({
  year: z.coerce.number({ error: "Nhập năm khảo sát." }).int().min(2000, "Năm từ 2000 đến 2100.").max(2100, "Năm từ 2000 đến 2100."),
  title: z.string().trim().min(5, "Tên kế hoạch tối thiểu 5 ký tự.").max(200, "Tối đa 200 ký tự.").transform((s) => s.normalize("NFC")),
  legalNumber: optionalText(60),
  legalDate: ZIsoDate.nullish().transform((v) => v ?? null),
  budget: z
    .string()
    .trim()
    .regex(/^\d{0,15}$/, "Kinh phí ghi bằng số nguyên (đồng), không dấu chấm, dấu phẩy.")
    .nullish()
    .transform((v) => (v ? v : null)),
  windowStart: ZIsoDate,
  windowEnd: ZIsoDate,
  questionnaireVersionId: z.coerce.number({ error: "Chọn mẫu phiếu." }).int().positive("Chọn mẫu phiếu."),
  modes: z.array(z.enum(SURVEY_MODES)).min(1, V.noModes),
  unitIds: z.array(z.coerce.number().int().positive()).max(100_000),
  settings: ZPlanSettings,
  milestones: z.array(z.object({ kind: z.enum(MILESTONE_KINDS), dueOn: ZIsoDate.nullish().transform((v) => v ?? null) })).max(MILESTONE_KINDS.length),
});

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** Checks between fields: the window, the order of milestones, sampling after the window. */
function crossChecks(v: z.infer<typeof ZPlanFields>, ctx: z.RefinementCtx): void {
  if (v.windowEnd < v.windowStart) ctx.addIssue({ code: "custom", path: ["windowEnd"], message: V.windowOrder });
  else if (dayNumber(v.windowEnd) - dayNumber(v.windowStart) > 731) ctx.addIssue({ code: "custom", path: ["windowEnd"], message: V.windowTooLong });
  const seen = new Set<string>();
  let previous: { kind: TMilestoneKind; dueOn: string } | null = null;
  for (const kind of MILESTONE_KINDS) {
    const m = v.milestones.find((x) => x.kind === kind);
    if (!m || seen.has(kind)) continue;
    seen.add(kind);
    if (!m.dueOn) continue;
    if (previous && m.dueOn < previous.dueOn) {
      ctx.addIssue({ code: "custom", path: [`milestones.${kind}`], message: V.milestoneOrder(milestoneLabels[previous.kind], milestoneLabels[kind]) });
    }
    if (kind === "SAMPLING_DAY" && m.dueOn <= v.windowEnd) {
      const [y, mo, d] = v.windowEnd.split("-");
      ctx.addIssue({ code: "custom", path: [`milestones.${kind}`], message: V.samplingAfterWindow(`${d}/${mo}/${y}`) });
    }
    previous = { kind, dueOn: m.dueOn };
  }
}

export const ZPlanInput = ZPlanFields.superRefine(crossChecks);
export type TPlanInput = z.infer<typeof ZPlanInput>;

export const ZPlanUpdate = ZPlanFields.extend({
  id: z.coerce.number().int().positive(),
  /** Plan.version the editor started from: a stale one is refused (optimistic locking). */
  expectedVersion: z.coerce.number().int().positive(),
}).superRefine(crossChecks);
export type TPlanUpdate = z.infer<typeof ZPlanUpdate>;

export const ZPlanTransition = z.object({
  id: z.coerce.number().int().positive(),
  to: z.enum(["DRAFT", "APPROVED", "FRAME", "SAMPLED", "FIELDWORK", "ENTRY", "ANALYSIS", "PUBLISHED", "ARCHIVED"]),
  expectedVersion: z.coerce.number().int().positive(),
});

export const ZMilestoneDone = z.object({
  planId: z.coerce.number().int().positive(),
  kind: z.enum(MILESTONE_KINDS),
  done: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});

export const ZPlanRef = z.object({ id: z.coerce.number().int().positive() });
export const ZPlanId = z.object({ id: z.coerce.number().int().positive(), expectedVersion: z.coerce.number().int().positive() });
