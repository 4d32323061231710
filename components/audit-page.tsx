import { requirePage } from "@/lib/auth/page";
import { findAuditEvents } from "@/lib/audit/queries";
import { vi } from "@/lib/i18n/vi";
import { AuditTable } from "./audit-table";
import { AuditVerify } from "./audit-verify";
import { verifyAuditAction } from "@/app/admin/audit/actions";

/** The audit trail page shared by the admin and monitor areas (scope comes from the session). */
export async function AuditPage({ path, searchParams }: { path: string; searchParams: Promise<{ before?: string; action?: string }> }) {
  const user = await requirePage("audit.read", path);
  const { before, action } = await searchParams;
  const beforeId = before && /^\d+$/.test(before) ? BigInt(before) : undefined;
  const events = await findAuditEvents(user, { take: 100, beforeId, action });
  const last = events.at(-1);
  return (
    <>
      <h1>{vi.audit.title}</h1>
      <p className="muted">Mọi thay đổi được ghi kèm mã băm của sự kiện trước; sửa hoặc xóa một dòng sẽ làm đứt chuỗi.</p>
      <div className="panel">
        <AuditVerify verify={verifyAuditAction} />
      </div>
      <form className="row" style={{ marginBottom: "1rem" }}>
        <div>
          <label htmlFor="action">Lọc theo thao tác (bắt đầu bằng)</label>
          <input id="action" name="action" defaultValue={action ?? ""} placeholder="vd: user., plan., access.denied" />
        </div>
        <button type="submit" className="secondary">Lọc</button>
      </form>
      <AuditTable events={events} />
      {last && events.length === 100 && (
        <p>
          <a href={`?before=${last.id}${action ? `&action=${encodeURIComponent(action)}` : ""}`}>Xem các sự kiện cũ hơn →</a>
        </p>
      )}
    </>
  );
}
