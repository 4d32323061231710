import Link from "next/link";
import { requirePage } from "@/lib/auth/page";
import { plansText } from "@/lib/i18n/plans";
import { emptyPlanValues } from "@/lib/plans/form-values";
import { planFormOptions } from "@/lib/plans/overview";
import { PlanForm } from "@/components/plans/plan-form";
import s from "@/components/plans/plans.module.css";
import { createPlanAction } from "../actions";

export default async function NewPlanPage() {
  await requirePage("plans.write", "/admin/plans/new");
  const options = await planFormOptions();
  const year = new Date().getFullYear();
  const initial = { ...emptyPlanValues(year), questionnaireVersionId: options.versions[0] ? String(options.versions[0].id) : "" };
  return (
    <>
      <div className={s.breadcrumb}>
        <Link href="/admin/plans">{plansText.title}</Link> ›
      </div>
      <h1>{plansText.newTitle}</h1>
      <PlanForm action={createPlanAction} initial={initial} options={options} />
    </>
  );
}
