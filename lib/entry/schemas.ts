import { z } from "zod";

/** Inputs of the entry, reconciliation and online-answer endpoints. */

const ZCells = z.record(z.string().min(1).max(64), z.string().max(4000)).refine((c) => Object.keys(c).length <= 500, "Quá nhiều câu trả lời.");
const ZKey = z.string().min(8, "Thiếu mã lần lưu.").max(100).regex(/^[A-Za-z0-9_-]+$/, "Mã lần lưu không hợp lệ.");

export const ZEntrySave = z.object({
  code: z.string().trim().min(1, "Chưa nhập mã phiếu.").max(300),
  intent: z.enum(["first", "second", "correct"]),
  version: z.number().int().min(1),
  key: ZKey,
  cells: ZCells,
});
export type TEntrySave = z.infer<typeof ZEntrySave>;

export const ZEntryLookup = z.object({
  code: z.string().trim().min(1, "Chưa nhập mã phiếu.").max(300),
  open: z.enum(["0", "1"]).default("0"),
});

export const ZReconcile = z.object({
  formId: z.coerce.number().int().min(1),
  version: z.coerce.number().int().min(1),
  /** Item code → the decided cell. */
  decisions: z.record(z.string().min(1).max(64), z.string().max(4000)),
});
export type TReconcile = z.infer<typeof ZReconcile>;

export const ZOnlineAnswer = z.object({
  code: z.string().trim().min(1).max(300),
  key: ZKey,
  cells: ZCells,
});
export type TOnlineAnswer = z.infer<typeof ZOnlineAnswer>;

/**
 * The reconciliation form as posted: one radio group `d:<item>` per difference (the
 * chosen cell, or "__other" with the value in `o:<item>`).
 */
export const ZReconcileForm = z.preprocess((raw) => {
  const o = (raw ?? {}) as Record<string, unknown>;
  const decisions: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k.startsWith("d:")) decisions[k.slice(2)] = v === "__other" ? o[`o:${k.slice(2)}`] : v;
  }
  return { formId: o.formId, version: o.version, decisions };
}, ZReconcile);
