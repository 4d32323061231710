import { requirePage } from "@/lib/auth/page";
import { findPlans } from "@/lib/plans/service";
import { vi } from "@/lib/i18n/vi";
import { PlanTable } from "@/components/plan-table";

export default async function PlansPage() {
  const user = await requirePage("plans.write", "/admin/plans");
  return (
    <>
      <h1>{vi.nav.plans}</h1>
      <PlanTable plans={await findPlans(user)} />
    </>
  );
}
