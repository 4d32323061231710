import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import { recordAuditNow, type Actor } from "@/lib/audit/service";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { escapeCell } from "@/lib/frames/spreadsheet-safety";
import { samplingText as t } from "@/lib/i18n/sampling";
import { findSelections } from "./queries";

const COLUMNS = [
  { header: "STT", key: "n", width: 7 },
  { header: "Tầng", key: "stratum", width: 16 },
  { header: "Vai trò", key: "role", width: 11 },
  { header: "Thứ tự", key: "order", width: 8 },
  { header: "Mã hồ sơ", key: "dossier", width: 24 },
  { header: "Họ tên / Tên tổ chức", key: "name", width: 30 },
  { header: "Loại", key: "kind", width: 10 },
  { header: "Địa chỉ", key: "address", width: 46 },
  { header: "Số điện thoại", key: "phone", width: 15 },
  { header: "Thủ tục", key: "procedure", width: 36 },
  { header: "Ngày trả kết quả", key: "date", width: 14 },
] as const;

/**
 * The sample list of a draw as Excel, one sheet per unit (main sample, then the reserve in
 * replacement order), for the post office and the units. Names, addresses and phones only
 * for users who may read personal data; masked otherwise. Every export is audited.
 */
export async function sampleListStream(user: SessionUser, actor: Actor, draw: { id: number; planId: number }, unitId?: number): Promise<ReadableStream<Uint8Array>> {
  const drawn = await db().$queryRaw<{ unitId: number }[]>`
    SELECT DISTINCT st."unitId" FROM "Stratum" st
     WHERE st."planId" = ${draw.planId} AND EXISTS (SELECT 1 FROM "Selection" s WHERE s."drawId" = ${draw.id} AND s."stratumId" = st."id")`;
  const units = await db().unit.findMany({
    where: { AND: [{ id: { in: drawn.map((d) => d.unitId) } }, ...(unitId ? [{ id: unitId }] : [])] },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true },
  });
  const personal = can(user.role, "personal.read");
  await recordAuditNow({
    actor, action: "sample.list_export", entity: "SampleDraw", entityId: draw.id, planId: draw.planId,
    after: { units: units.length, unitId: unitId ?? null, personal },
  });
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  void (async () => {
    for (const unit of units) {
      // Sheet names: at most 31 characters, none of []:*?/\ (unit codes never hold / either).
      const sheet = workbook.addWorksheet(unit.code.replace(/[[\]:*?/\\]/g, "-").slice(0, 31), {
        views: [{ state: "frozen", ySplit: 2 }],
        pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      });
      sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
      const title = sheet.addRow([t.postOfficeSheetHeader(unit.name) + (personal ? "" : ` (${t.masked})`)]);
      title.font = { bold: true, size: 13 };
      title.commit();
      const head = sheet.addRow(COLUMNS.map((c) => c.header));
      head.font = { bold: true };
      head.commit();
      let n = 0;
      for (const s of await findSelections(user, draw.id, { unitId: unit.id })) {
        sheet
          .addRow({
            n: ++n, stratum: escapeCell(s.stratum), role: s.role === "MAIN" ? t.mainRole : t.reserveRole, order: s.order,
            dossier: escapeCell(s.dossierCode), name: escapeCell(s.name), kind: s.kind === "ORGANISATION" ? "Tổ chức" : "Cá nhân",
            address: escapeCell(s.address), phone: escapeCell(s.phone), procedure: escapeCell(s.procedure), date: s.resultDate,
          })
          .commit();
      }
      sheet.commit();
    }
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
