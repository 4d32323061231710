import { requirePage } from "@/lib/auth/page";
import { db } from "@/lib/db";
import { findPlans } from "@/lib/plans/service";
import { vi } from "@/lib/i18n/vi";
import { formatInt } from "@/lib/i18n/format";
import { PlanTable } from "@/components/plan-table";

export default async function AdminHome() {
  const user = await requirePage("plans.write", "/admin");
  const today = new Date();
  const [plans, units, users] = await Promise.all([
    findPlans(user),
    db().unit.count({ where: { validFrom: { lte: today }, OR: [{ validTo: null }, { validTo: { gte: today } }] } }),
    db().user.count({ where: { active: true } }),
  ]);
  return (
    <>
      <h1>{vi.home.welcome(user.fullName)}</h1>
      <div className="grid">
        <div className="panel"><div className="muted">Kế hoạch khảo sát</div><div className="stat">{formatInt(plans.length)}</div></div>
        <div className="panel"><div className="muted">Đơn vị đang hoạt động</div><div className="stat">{formatInt(units)}</div></div>
        <div className="panel"><div className="muted">Người dùng đang hoạt động</div><div className="stat">{formatInt(users)}</div></div>
      </div>
      <h2>{vi.home.currentPlans}</h2>
      <PlanTable plans={plans} linkBase="/admin/plans" />
    </>
  );
}
