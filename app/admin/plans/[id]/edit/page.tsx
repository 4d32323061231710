import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { planStateLabels, plansText } from "@/lib/i18n/plans";
import { getPlanForEdit, planFormOptions } from "@/lib/plans/overview";
import { PlanForm } from "@/components/plans/plan-form";
import s from "@/components/plans/plans.module.css";
import { updatePlanAction } from "../../actions";

export default async function EditPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  await requirePage("plans.write", `/admin/plans/${raw}/edit`);
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const plan = await getPlanForEdit(id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const options = await planFormOptions(plan.values.unitIds);
  return (
    <>
      <div className={s.breadcrumb}>
        <Link href="/admin/plans">{plansText.title}</Link> › <Link href={`/admin/plans/${id}`}>{plan.title}</Link> ›
      </div>
      <h1>{plansText.edit}</h1>
      <PlanForm
        action={updatePlanAction}
        initial={plan.values}
        options={options}
        plan={{ id, version: plan.version, allowed: plan.allowed, stateLabel: planStateLabels[plan.state] }}
      />
    </>
  );
}
