import Link from "next/link";
import type { FormState } from "@/lib/generated/prisma/enums";
import type { findForms } from "@/lib/forms/queries";
import { FORM_STATES, FORM_STATE_LABELS, SURVEY_MODE_LABELS } from "@/lib/forms/state-machine";
import { formatDateTime, formatInt } from "@/lib/i18n/format";

type Data = Awaited<ReturnType<typeof findForms>>;

/** The chain of custody, form by form (codes, states, batches, replacements; no personal data). */
export function FormsListView({ data, base, units, filter }: {
  data: Data;
  base: string;
  units: { id: number; code: string; name: string }[];
  filter: { unit?: number; state?: FormState; code?: string };
}) {
  const query = (page: number) => {
    const q = new URLSearchParams();
    if (filter.unit) q.set("unit", String(filter.unit));
    if (filter.state) q.set("state", filter.state);
    if (filter.code) q.set("code", filter.code);
    q.set("page", String(page));
    return `${base}?${q}`;
  };
  return (
    <>
      <form method="get" className="row panel">
        <div>
          <label htmlFor="f-unit">Đơn vị</label>
          <select id="f-unit" name="unit" defaultValue={filter.unit ?? ""}>
            <option value="">Tất cả</option>
            {units.map((u) => <option key={u.id} value={u.id}>{u.code} — {u.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="f-state">Trạng thái</label>
          <select id="f-state" name="state" defaultValue={filter.state ?? ""}>
            <option value="">Tất cả</option>
            {FORM_STATES.map((s) => <option key={s} value={s}>{FORM_STATE_LABELS[s]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="f-code">Mã phiếu</label>
          <input id="f-code" name="code" defaultValue={filter.code ?? ""} inputMode="numeric" />
        </div>
        <div><button type="submit">Lọc</button></div>
      </form>
      <p className="muted">{formatInt(data.total)} phiếu · trang {data.page}/{data.pages}</p>
      <table data-testid="forms-list">
        <thead>
          <tr><th>Mã phiếu</th><th>Đơn vị</th><th>Trạng thái</th><th>Hình thức</th><th>Lô gửi</th><th>Ghi chú</th><th>Cập nhật</th></tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.id}>
              <td className="mono f-nowrap">{r.display}</td>
              <td>{r.unitName}</td>
              <td><span className="badge">{FORM_STATE_LABELS[r.state]}</span></td>
              <td className="f-small">{SURVEY_MODE_LABELS[r.mode]}</td>
              <td className="mono">{r.batch ?? ""}</td>
              <td className="f-small">
                {[
                  r.doubleEntry ? "nhập hai lần" : null,
                  r.duplicateReturn ? "có phiếu giấy trùng" : null,
                  r.replaces ? `thay cho ${r.replaces} (dự phòng thứ ${r.reserveOrder ?? "?"})` : null,
                  r.replacedBy ? `đã thay bằng ${r.replacedBy}` : null,
                ].filter(Boolean).join("; ")}
              </td>
              <td className="f-small">{formatDateTime(r.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.pages > 1 && (
        <p className="row">
          {data.page > 1 && <Link href={query(data.page - 1)}>← Trang trước</Link>}
          {data.page < data.pages && <Link href={query(data.page + 1)}>Trang sau →</Link>}
        </p>
      )}
    </>
  );
}
