import { z } from "zod";

/**
 * The questionnaire model: the one shape shared by the database (a published
 * QuestionnaireVersion stores it as `definition`), the open-data export
 * (questionnaire.json), the printed PDF, the entry screen and the index engine.
 * Pure: no I/O.
 */

/** Item codes are stable identifiers such as `TC1.1`, `NĐ1`, `MD1`, `GT`. */
export const ZItemCode = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[\p{L}\p{N}._-]+$/u, "Mã câu hỏi chỉ gồm chữ, số, dấu chấm, gạch nối, gạch dưới");

export const ZOption = z.object({
  code: z.string().min(1).max(16),
  label: z.string().min(1),
});
export type TOption = z.infer<typeof ZOption>;

const ZItemBase = z.object({
  code: ZItemCode,
  text: z.string().min(1),
  required: z.boolean().default(false),
});

/** A 5-level satisfaction criterion (1 Rất không hài lòng … 5 Rất hài lòng). */
export const ZSatisfactionItem = ZItemBase.extend({
  kind: z.literal("satisfaction"),
  /** Element code; null for a stand-alone item such as the overall satisfaction question. */
  element: z.string().nullable(),
});

/** Single-choice assessment (nhận định), e.g. "did any official cause trouble?". */
export const ZAssessmentItem = ZItemBase.extend({
  kind: z.literal("assessment"),
  options: z.array(ZOption).min(2),
});

/** Expectation (mong đợi): choose up to `maxChoices` options, or rate each on 3 levels. */
export const ZExpectationItem = ZItemBase.extend({
  kind: z.literal("expectation"),
  mode: z.enum(["choose", "rate3"]),
  maxChoices: z.number().int().min(1).optional(),
  options: z.array(ZOption).min(1),
});

/** Respondent profile item (gender, age band…): optional, never identifying. */
export const ZRespondentItem = ZItemBase.extend({
  kind: z.literal("respondent"),
  options: z.array(ZOption).min(2),
});

/** Free-text comment. */
export const ZTextItem = ZItemBase.extend({
  kind: z.literal("text"),
  maxLength: z.number().int().min(1).max(4000).default(2000),
});

export const ZItem = z.discriminatedUnion("kind", [
  ZSatisfactionItem,
  ZAssessmentItem,
  ZExpectationItem,
  ZRespondentItem,
  ZTextItem,
]);
export type TItem = z.infer<typeof ZItem>;
export type TSatisfactionItem = z.infer<typeof ZSatisfactionItem>;

export const ZElement = z.object({
  code: z.string().min(1).max(32),
  title: z.string().min(1),
  /** Aspect code, or null when the form has no aspects. */
  aspect: z.string().nullable().default(null),
});
export type TElement = z.infer<typeof ZElement>;

export const ZAspect = z.object({
  code: z.string().min(1).max(32),
  title: z.string().min(1),
});
export type TAspect = z.infer<typeof ZAspect>;

export const SATISFACTION_SCALE = [
  { code: "1", label: "Rất không hài lòng" },
  { code: "2", label: "Không hài lòng" },
  { code: "3", label: "Bình thường" },
  { code: "4", label: "Hài lòng" },
  { code: "5", label: "Rất hài lòng" },
] as const;

export const ZQuestionnaire = z.object({
  /** Template code, e.g. `classic-2640` or `short-ward`. */
  template: z.string().min(1),
  version: z.number().int().min(1),
  title: z.string().min(1),
  /** Instructions printed on the form and shown online. */
  instructions: z.string().default(""),
  aspects: z.array(ZAspect).default([]),
  elements: z.array(ZElement),
  items: z.array(ZItem).min(1),
});
export type TQuestionnaire = z.infer<typeof ZQuestionnaire>;
