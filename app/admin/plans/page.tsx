import Link from "next/link";
import { requirePage } from "@/lib/auth/page";
import { findPlans } from "@/lib/plans/service";
import { plansText } from "@/lib/i18n/plans";
import { PlanTable } from "@/components/plan-table";
import s from "@/components/plans/plans.module.css";

export default async function PlansPage() {
  const user = await requirePage("plans.write", "/admin/plans");
  return (
    <>
      <div className={s.toolbar}>
        <h1>{plansText.title}</h1>
        <Link className="button" href="/admin/plans/new">{plansText.create}</Link>
      </div>
      <PlanTable plans={await findPlans(user)} linkBase="/admin/plans" />
    </>
  );
}
