import { requirePage } from "@/lib/auth/page";
import { findPlans } from "@/lib/plans/service";
import { vi } from "@/lib/i18n/vi";
import { PlanTable } from "@/components/plan-table";

export default async function LeaderHome() {
  const user = await requirePage("dashboard.read", "/dashboard");
  const plans = await findPlans(user);
  return (
    <>
      <h1>{vi.home.welcome(user.fullName)}</h1>
      <p className="muted">Theo dõi tiến độ các đợt khảo sát và kết quả Chỉ số hài lòng (kể cả bản nháp chưa công bố).</p>
      <h2>{vi.home.currentPlans}</h2>
      <PlanTable plans={plans} />
    </>
  );
}
