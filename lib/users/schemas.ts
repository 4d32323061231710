import { z } from "zod";
import { vi } from "@/lib/i18n/vi";

const ZRole = z.enum(["ADMIN", "CLERK", "MONITOR", "LEADER"]);
const ZIds = z
  .union([z.array(z.coerce.number().int().positive()), z.coerce.number().int().positive()])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const ZUsername = z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,32}$/, vi.users.usernameRule);
export const ZPassword = z.string().min(10, vi.users.passwordRule).max(256);

const scopeRules = <T extends { role: string; unitIds: number[]; planIds: number[] }>(v: T, ctx: z.RefinementCtx) => {
  if (v.role === "CLERK" && v.unitIds.length === 0) ctx.addIssue({ code: "custom", path: ["unitIds"], message: vi.users.clerkNeedsUnit });
  if (v.role === "MONITOR" && v.planIds.length === 0) ctx.addIssue({ code: "custom", path: ["planIds"], message: vi.users.monitorNeedsPlan });
};

export const ZCreateUser = z
  .object({
    username: ZUsername,
    fullName: z.string().trim().min(2, "Nhập họ và tên.").max(120),
    email: z.string().trim().email("Thư điện tử chưa đúng dạng.").optional().or(z.literal("").transform(() => undefined)),
    role: ZRole,
    password: ZPassword,
    unitIds: ZIds,
    planIds: ZIds,
  })
  .superRefine(scopeRules);
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUserScope = z
  .object({ userId: z.coerce.number().int().positive(), role: ZRole, unitIds: ZIds, planIds: ZIds })
  .superRefine(scopeRules);
export type TUpdateUserScope = z.infer<typeof ZUpdateUserScope>;

export const ZResetPassword = z.object({ userId: z.coerce.number().int().positive(), password: ZPassword });
export const ZSetActive = z.object({
  userId: z.coerce.number().int().positive(),
  active: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});
