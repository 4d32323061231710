import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/generated/prisma/enums";
import { recordAuditNow, type Actor } from "@/lib/audit/service";
import { notFound } from "@/lib/errors";
import { escapeCell } from "@/lib/frames/spreadsheet-safety";
import { formsText as t } from "@/lib/i18n/forms";
import { formatFormCode } from "./form-code";
import { FORM_STATE_LABELS } from "./state-machine";

/**
 * The envelope and address list for the post office (personal data: ADMIN only; every
 * export is written to the audit trail, without the data itself). The "Trạng thái" column
 * is left for the post office to fill in; the same file can then be uploaded back
 * (lib/forms/state-file.ts).
 */

export const ADDRESS_COLUMNS = [
  { header: "STT", key: "n", width: 7 },
  { header: "Mã phiếu", key: "code", width: 22 },
  { header: "Họ và tên / Tên tổ chức", key: "name", width: 32 },
  { header: "Địa chỉ", key: "address", width: 50 },
  { header: "Số điện thoại", key: "phone", width: 15 },
  { header: "Đơn vị được đánh giá", key: "unit", width: 34 },
  { header: "Lô gửi", key: "batch", width: 12 },
  { header: "Trạng thái hiện tại", key: "current", width: 22 },
  { header: "Trạng thái", key: "state", width: 22 },
  { header: "Ghi chú", key: "note", width: 24 },
] as const;

export type TAddressFilter = { unitId?: number; batchId?: number; states: FormState[] };

export async function addressListStream(planId: number, filter: TAddressFilter, actor: Actor): Promise<{ stream: ReadableStream<Uint8Array>; count: number }> {
  const plan = await db().plan.findUnique({ where: { id: planId }, select: { id: true, year: true } });
  if (!plan) throw notFound(t.planNotFound);
  const forms = await db().form.findMany({
    where: { planId, state: { in: filter.states }, ...(filter.unitId ? { unitId: filter.unitId } : {}), ...(filter.batchId ? { batchId: filter.batchId } : {}) },
    orderBy: [{ unit: { code: "asc" } }, { sequence: "asc" }],
    select: {
      code: true, state: true, unit: { select: { name: true } }, batch: { select: { code: true } }, selectionId: true,
    },
  });
  // Each form's person: its selection's frame record (not Prisma relations).
  const selectionIds = forms.flatMap((f) => (f.selectionId === null ? [] : [f.selectionId]));
  const recordOf = new Map(
    (await db().$queryRaw<{ id: number; frameRecordId: number }[]>`SELECT "id", "frameRecordId" FROM "Selection" WHERE "id" = ANY(${selectionIds}::int[])`).map((s) => [
      s.id, s.frameRecordId,
    ]),
  );
  const recordIds = [...recordOf.values()];
  const personal = new Map(
    (await db().$queryRaw<{ recordId: number; fullName: string; address: string | null; phone: string | null }[]>`
      SELECT "id" AS "recordId", coalesce("fullName", '') AS "fullName", "address", "phone" FROM "FrameRecord" WHERE "id" = ANY(${recordIds}::int[])`)
      .map((p) => [p.recordId, p]),
  );
  await recordAuditNow({
    actor, action: "forms.addresses_export", entity: "Plan", entityId: planId, planId,
    after: { forms: forms.length, states: filter.states, unitId: filter.unitId ?? null, batchId: filter.batchId ?? null },
  });
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet("Danh sách gửi", { views: [{ state: "frozen", ySplit: 1 }], pageSetup: { paperSize: 9, orientation: "landscape" } });
  sheet.columns = ADDRESS_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  void (async () => {
    let n = 0;
    for (const f of forms) {
      const record = f.selectionId === null ? undefined : recordOf.get(f.selectionId);
      const p = record === undefined ? undefined : personal.get(record);
      sheet
        .addRow({
          n: ++n,
          code: formatFormCode(f.code),
          // Purged personal data (archived plans) leaves the cells empty.
          name: escapeCell(p?.fullName ?? ""),
          address: escapeCell(p?.address ?? ""),
          phone: escapeCell(p?.phone ?? ""),
          unit: escapeCell(f.unit.name),
          batch: escapeCell(f.batch?.code ?? ""),
          current: FORM_STATE_LABELS[f.state],
          state: "",
          note: "",
        })
        .commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return { stream: Readable.toWeb(out) as ReadableStream<Uint8Array>, count: forms.length };
}
