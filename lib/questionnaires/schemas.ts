import { z } from "zod";
import { questionnairesText as t } from "@/lib/i18n/questionnaires";

/** Inputs of the questionnaire actions (the definition itself is checked by validate.ts). */
const ZId = z.coerce.number().int().positive();
const ZChecksum = z.string().regex(/^[0-9a-f]{64}$/);

export const ZCopyTemplate = z.object({
  fromVersionId: ZId,
  code: z.string().trim().regex(/^[a-z][a-z0-9-]{2,39}$/, t.copy.codeRule),
  name: z.string().trim().min(3, "Tên mẫu phiếu tối thiểu 3 ký tự.").max(200),
});
export type TCopyTemplate = z.infer<typeof ZCopyTemplate>;

export const ZFromVersion = z.object({ fromVersionId: ZId });

export const ZDraftLock = z.object({ versionId: ZId, expectedChecksum: ZChecksum });

export const ZSaveDraft = ZDraftLock.extend({ definition: z.unknown() });
