import type { AuditRow } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

function short(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}

export function AuditTable({ events }: { events: AuditRow[] }) {
  if (events.length === 0) return <p className="muted">Chưa có sự kiện.</p>;
  return (
    <table data-testid="audit-table">
      <thead>
        <tr>
          <th>#</th>
          <th>Thời điểm</th>
          <th>Người thực hiện</th>
          <th>Thao tác</th>
          <th>Đối tượng</th>
          <th>Trước</th>
          <th>Sau</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td className="num">{e.id}</td>
            <td>{formatDateTime(e.at)}</td>
            <td>
              {e.actorName}
              {e.ip && <div className="muted mono">{e.ip}</div>}
            </td>
            <td>
              <span className="mono">{e.action}</span> {e.outcome === "DENIED" && <span className="badge bad">{vi.audit.denied}</span>}
            </td>
            <td className="mono">
              {e.entity}
              {e.entityId ? ` ${e.entityId}` : ""}
            </td>
            <td className="mono">{short(e.before)}</td>
            <td className="mono">{short(e.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
