import { z } from "zod";
import type { FrameRecord } from "@/lib/sampling/types";

/** yyyy-mm-dd that is a real calendar date. */
export const ZIsoDate = z.iso.date();

/** The transaction window of a plan: results returned from `start` to `end`, inclusive. */
export const ZWindow = z
  .object({ start: ZIsoDate, end: ZIsoDate })
  .refine((w) => w.start <= w.end, { message: "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc." });
export type TWindow = z.infer<typeof ZWindow>;

/**
 * A clean frame record (the output of validateRow, and the body of an API batch): the
 * same shape lib/sampling works on.
 */
export const ZFrameRecord = z.object({
  unitCode: z.string().min(1).max(50),
  dossierCode: z.string().min(1).max(100),
  name: z.string().min(1).max(255),
  kind: z.enum(["individual", "organisation"]),
  address: z.string().min(1).max(500).nullable(),
  phone: z.string().regex(/^0\d{9,10}$/).nullable(),
  fieldCode: z.string().min(1).max(50).nullable(),
  procedure: z.string().min(1).max(1000).nullable(),
  resultDate: ZIsoDate,
}) satisfies z.ZodType<FrameRecord>;
export type TFrameRecord = z.infer<typeof ZFrameRecord>;

/** Longest accepted text per field (the OversizedCell limit applies before these). */
export const MAX_LENGTH = { unitCode: 50, dossierCode: 100, name: 255, address: 500, fieldCode: 50, procedure: 1000 } as const;
