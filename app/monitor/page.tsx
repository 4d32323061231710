import { requirePage } from "@/lib/auth/page";
import { findPlans } from "@/lib/plans/service";
import { findAuditEvents } from "@/lib/audit/queries";
import { vi } from "@/lib/i18n/vi";
import { PlanTable } from "@/components/plan-table";
import { AuditTable } from "@/components/audit-table";

export default async function MonitorHome() {
  const user = await requirePage("audit.read", "/monitor");
  const [plans, events] = await Promise.all([findPlans(user), findAuditEvents(user, { take: 15 })]);
  return (
    <>
      <h1>{vi.home.welcome(user.fullName)}</h1>
      <p className="muted">Giám sát toàn bộ quy trình: chọn mẫu, chuỗi phiếu, mọi thay đổi câu trả lời. Chỉ xem, không thay đổi; thông tin cá nhân được che.</p>
      <h2>{vi.home.scopePlans}</h2>
      {plans.length === 0 ? <p className="alert error">{vi.home.noScope}</p> : <PlanTable plans={plans} />}
      <h2>Sự kiện gần đây</h2>
      <AuditTable events={events} />
    </>
  );
}
