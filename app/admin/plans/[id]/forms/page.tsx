import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/page";
import { planProgress } from "@/lib/forms/progress";
import { getPlanForForms } from "@/lib/forms/queries";
import { vi } from "@/lib/i18n/vi";
import { PlanFormsHeader } from "@/components/forms/plan-forms-header";
import { ProgressView } from "@/components/forms/progress-view";
import "@/components/forms/forms.css";

export const dynamic = "force-dynamic";

export default async function PlanFormsProgress({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePage("forms.write", `/admin/plans/${id}/forms`);
  const plan = Number.isInteger(Number(id)) ? await getPlanForForms(Number(id), user) : null;
  if (!plan) notFound();
  const { units, total } = await planProgress(plan.id);
  const base = `/admin/plans/${plan.id}/forms`;
  const actions = new Map(
    units.map((u) => [
      u.unitId,
      <span key={u.unitId} className="f-small">
        <Link href={`${base}/list?unit=${u.unitId}`}>Danh sách</Link>
        {(u.byState.CREATED ?? 0) > 0 && (
          <> · <a href={`/api/plans/${plan.id}/forms/pdf?unit=${u.unitId}&state=CREATED`}>In {u.byState.CREATED} phiếu (PDF)</a></>
        )}
      </span>,
    ]),
  );
  return (
    <>
      <PlanFormsHeader plan={plan} base={base} current="progress" admin back={{ href: "/admin/forms", label: vi.nav.forms }} />
      <ProgressView units={units} total={total} actions={actions} />
    </>
  );
}
