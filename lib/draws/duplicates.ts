import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { maskAddress, maskName, maskPhone } from "@/lib/frames/mask";
import { escapeCell } from "@/lib/frames/spreadsheet-safety";
import { ZPlanSettings } from "@/lib/plans/schemas";
import { dedupStratum, type DuplicateEntry } from "@/lib/sampling/dedup";
import { groupByStratum } from "@/lib/sampling/strata";
import type { StratumMode } from "@/lib/sampling/types";
import { loadFrame, type DbFrameRecord } from "./load-frame";

const REASON = { phone: "Cùng số điện thoại", "name-address": "Cùng họ tên và địa chỉ" } as const;

const iso2vn = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** Every record the draw drops as a duplicate (§5), with the record it keeps instead. */
export async function findDuplicates(planId: number, mode: StratumMode): Promise<DuplicateEntry<DbFrameRecord>[]> {
  const records = await loadFrame(db(), planId, { personal: true });
  const out: DuplicateEntry<DbFrameRecord>[] = [];
  for (const g of groupByStratum(records.filter((r) => mode === "unit" || r.fieldCode !== null), mode)) {
    for (const d of dedupStratum(g.code, g.records).duplicates) out.push(d);
  }
  return out;
}

/**
 * The duplicates report (§5: never silently dropped) as Excel: stratum, reason, the record
 * kept and the one dropped. Names, phones and addresses are masked unless the user may read
 * personal data. `mode` is the strata of the current draw, else of the plan's settings.
 */
export async function duplicatesReportStream(user: SessionUser, plan: { id: number; settings: unknown }, mode?: StratumMode): Promise<ReadableStream<Uint8Array>> {
  const strata = mode ?? ZPlanSettings.parse(plan.settings).strata;
  const duplicates = await findDuplicates(plan.id, strata);
  const personal = can(user.role, "personal.read");
  const name = (s: string) => escapeCell(personal ? s : maskName(s));
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet("Hồ sơ trùng", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "Tầng", key: "stratum", width: 16 },
    { header: "Lý do", key: "reason", width: 24 },
    { header: "Mã hồ sơ giữ lại", key: "kept", width: 24 },
    { header: "Ngày trả (giữ lại)", key: "keptDate", width: 14 },
    { header: "Mã hồ sơ bị loại", key: "dropped", width: 24 },
    { header: "Ngày trả (bị loại)", key: "droppedDate", width: 14 },
    { header: "Họ tên / Tên tổ chức (bị loại)", key: "name", width: 30 },
    { header: "Số điện thoại", key: "phone", width: 15 },
    { header: "Địa chỉ", key: "address", width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  void (async () => {
    for (const d of duplicates) {
      sheet
        .addRow({
          stratum: escapeCell(d.stratum), reason: REASON[d.reason],
          kept: escapeCell(d.kept.dossierCode), keptDate: iso2vn(d.kept.resultDate),
          dropped: escapeCell(d.dropped.dossierCode), droppedDate: iso2vn(d.dropped.resultDate),
          name: name(d.dropped.name),
          phone: escapeCell(personal ? (d.dropped.phone ?? "") : maskPhone(d.dropped.phone)),
          address: escapeCell(personal ? (d.dropped.address ?? "") : maskAddress(d.dropped.address)),
        })
        .commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
