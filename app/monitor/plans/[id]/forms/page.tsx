import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/page";
import { planProgress } from "@/lib/forms/progress";
import { getPlanForForms } from "@/lib/forms/queries";
import { vi } from "@/lib/i18n/vi";
import { PlanFormsHeader } from "@/components/forms/plan-forms-header";
import { ProgressView } from "@/components/forms/progress-view";
import "@/components/forms/forms.css";

export const dynamic = "force-dynamic";

export default async function MonitorPlanForms({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePage("forms.read", `/monitor/plans/${id}/forms`);
  const plan = Number.isInteger(Number(id)) ? await getPlanForForms(Number(id), user) : null;
  if (!plan) notFound();
  const { units, total } = await planProgress(plan.id);
  return (
    <>
      <PlanFormsHeader plan={plan} base={`/monitor/plans/${plan.id}/forms`} current="progress" admin={false} back={{ href: "/monitor/forms", label: vi.nav.forms }} />
      <ProgressView units={units} total={total} />
    </>
  );
}
