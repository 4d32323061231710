import { z } from "zod";
import { tokensText as t } from "@/lib/i18n/frames";

export const ZIssueToken = z.object({
  name: z.string().trim().min(3, t.nameRule).max(100, t.nameRule).transform((s) => s.normalize("NFC")),
});
export const ZRevokeToken = z.object({ id: z.coerce.number().int().positive() });
