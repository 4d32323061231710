import { z } from "zod";
import { unitsText } from "@/lib/i18n/units";
import { ZIsoDate } from "@/lib/plans/schemas";

const E = unitsText.e;

/**
 * Unit codes: upper-case ASCII letters, digits, dot, underscore, hyphen (never / or |, which
 * separate parts of stratum codes and selection keys). Typed lower case, they are raised.
 */
export const UNIT_CODE = /^[A-Z0-9][A-Z0-9._-]{0,31}$/;
export const ZUnitCode = z.string().trim().toUpperCase().regex(UNIT_CODE, E.code);

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Tối đa ${max} ký tự.`)
    .nullish()
    .transform((v) => (v ? v.normalize("NFC").replace(/\s+/g, " ") : null));
const ZName = z.string().trim().min(2, E.name).max(200, E.name).transform((s) => s.normalize("NFC").replace(/\s+/g, " "));
const ZId = z.coerce.number().int().positive();
// `.optional()` before the transform: zod 4 then treats a missing key as optional.
const ZOptionalId = z
  .union([z.literal(""), z.null(), ZId])
  .optional()
  .transform((v) => (typeof v === "number" ? v : null));
const ZOptionalDate = z
  .union([z.literal(""), z.null(), ZIsoDate])
  .optional()
  .transform((v) => (v ? v : null));
/** An HTML checkbox: "on" when ticked, absent otherwise (or a boolean from code). */
export const ZCheckbox = z.union([z.boolean(), z.string()]).optional().transform((v) => v === true || v === "on" || v === "true");
const ZLegalBasis = z.string().trim().min(5, E.legalBasis).max(300, "Tối đa 300 ký tự.").transform((s) => s.normalize("NFC"));

const ZUnitFields = z.object({
  name: ZName,
  shortName: text(60),
  levelId: ZId,
  blockId: ZId,
  parentId: ZOptionalId,
  validFrom: ZIsoDate,
  validTo: ZOptionalDate,
  noPublicServices: ZCheckbox,
  address: text(300),
  note: text(500),
});

const validOrder = (v: { validFrom: string; validTo: string | null }, ctx: z.RefinementCtx) => {
  if (v.validTo && v.validTo < v.validFrom) ctx.addIssue({ code: "custom", path: ["validTo"], message: E.validOrder });
};

export const ZCreateUnit = ZUnitFields.extend({ code: ZUnitCode }).superRefine(validOrder);
export type TCreateUnit = z.infer<typeof ZCreateUnit>;

export const ZUpdateUnit = ZUnitFields.extend({
  id: ZId,
  /** Unit.updatedAt (ISO) when the form was opened: a later change by someone else is refused. */
  expectedUpdatedAt: z.string().min(1),
}).superRefine(validOrder);
export type TUpdateUnit = z.infer<typeof ZUpdateUnit>;

/** A unit created by a restructuring. */
const ZNewUnit = z.object({
  code: ZUnitCode,
  name: ZName,
  levelId: ZId,
  blockId: ZId,
  parentId: ZOptionalId,
  noPublicServices: ZCheckbox,
  address: text(300),
});
export type TNewUnit = z.infer<typeof ZNewUnit>;

const ZIdList = z
  .union([z.array(ZId), ZId])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const ZMerge = z
  .object({
    predecessorIds: ZIdList,
    effectiveDate: ZIsoDate,
    legalBasis: ZLegalBasis,
    target: z.enum(["new", "existing"]),
    targetId: ZOptionalId,
    successor: ZNewUnit.partial().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.predecessorIds.length < 2) ctx.addIssue({ code: "custom", path: ["predecessorIds"], message: E.mergeNeedsTwo });
    if (new Set(v.predecessorIds).size !== v.predecessorIds.length) ctx.addIssue({ code: "custom", path: ["predecessorIds"], message: E.mergeDuplicate });
    if (v.target === "existing") {
      if (!v.targetId) ctx.addIssue({ code: "custom", path: ["targetId"], message: "Chọn đơn vị tiếp nhận." });
      else if (v.predecessorIds.includes(v.targetId)) ctx.addIssue({ code: "custom", path: ["targetId"], message: E.mergeIntoPredecessor });
    } else {
      const r = ZNewUnit.safeParse(v.successor ?? {});
      if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: "custom", path: ["successor", ...i.path.map(String)], message: i.message });
    }
  });
export type TMerge = z.infer<typeof ZMerge>;

const ZShare = z
  .union([z.literal(""), z.null(), z.coerce.number().gt(0, "Tỷ lệ phải lớn hơn 0.").max(1, "Tỷ lệ không quá 1.")])
  .optional()
  .transform((v) => (typeof v === "number" ? v : null));

export const ZSplit = z
  .object({
    predecessorId: ZId,
    effectiveDate: ZIsoDate,
    legalBasis: ZLegalBasis,
    successors: z.array(ZNewUnit.extend({ share: ZShare })).max(100),
  })
  .superRefine((v, ctx) => {
    if (v.successors.length < 2) ctx.addIssue({ code: "custom", path: ["successors"], message: E.splitNeedsTwo });
    if (new Set(v.successors.map((s) => s.code)).size !== v.successors.length) ctx.addIssue({ code: "custom", path: ["successors"], message: E.splitCodesRepeat });
    const shares = v.successors.map((s) => s.share);
    const given = shares.filter((s) => s !== null).length;
    if (given > 0 && given < shares.length) ctx.addIssue({ code: "custom", path: ["successors"], message: E.sharesAllOrNone });
    if (given === shares.length && given > 0) {
      const sum = shares.reduce<number>((a, b) => a + (b ?? 0), 0);
      if (Math.abs(sum - 1) > 0.001) ctx.addIssue({ code: "custom", path: ["successors"], message: E.sharesSum(sum.toLocaleString("vi-VN", { maximumFractionDigits: 3 })) });
    }
  });
export type TSplit = z.infer<typeof ZSplit>;

export const ZRename = z.object({
  unitId: ZId,
  effectiveDate: ZIsoDate,
  legalBasis: ZLegalBasis,
  code: ZUnitCode,
  name: ZName,
});
export type TRename = z.infer<typeof ZRename>;

export const ZFieldCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{0,31}$/, "Mã lĩnh vực: chữ in hoa không dấu, số, gạch dưới, gạch nối (tối đa 32 ký tự).");
export const ZCreateField = z.object({ code: ZFieldCode, name: ZName });
export const ZUpdateField = z.object({ id: ZId, name: ZName, expectedName: z.string() });
export const ZSetFieldActive = z.object({ id: ZId, active: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]) });
