import { z } from "zod";
import { FIELDWORK_TARGETS } from "./fieldwork";

/** Inputs of the forms and fieldwork actions and downloads. */

const ZId = z.coerce.number().int().min(1);
const ZOptionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), ZId.optional());

export const ZPrintQuery = z.object({
  unit: ZOptionalId,
  batch: ZOptionalId,
  state: z.enum(["CREATED", "PRINTED"]).default("CREATED"),
});

export const ZAddressQuery = z.object({
  unit: ZOptionalId,
  batch: ZOptionalId,
  scope: z.enum(["toSend", "sent", "all"]).default("toSend"),
});

export const ZMarkPrinted = z.object({ planId: ZId, unitId: ZOptionalId });

export const ZScan = z.object({
  planId: ZId,
  code: z.string().trim().min(1, "Chưa nhập mã phiếu.").max(300),
  to: z.enum(FIELDWORK_TARGETS),
  batchId: ZOptionalId,
});

export const ZCreateBatch = z.object({
  planId: ZId,
  code: z.string().trim().min(1, "Nhập mã lô gửi.").max(40, "Mã lô tối đa 40 ký tự.").regex(/^[\p{L}\p{N}._/-]+$/u, "Mã lô chỉ gồm chữ, số và các dấu . _ / -"),
  note: z.string().trim().max(500).optional(),
  sentAt: z.preprocess((v) => (v === "" ? undefined : v), z.iso.date("Ngày gửi dạng dd/mm/yyyy.").optional()),
});

export const ZReplace = z.object({ formId: ZId, version: ZId.optional() });
export const ZReplaceAll = z.object({ planId: ZId, unitId: ZOptionalId });

export const ZStateUpload = z.object({
  planId: ZId,
  file: z.instanceof(File, { message: "Hãy chọn tệp Excel (.xlsx) hoặc .csv để tải lên." }),
});
