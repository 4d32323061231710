import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/page";
import { findForms, getPlanForForms } from "@/lib/forms/queries";
import { listFilter } from "@/lib/forms/list-params";
import { vi } from "@/lib/i18n/vi";
import { FormsListView } from "@/components/forms/forms-list-view";
import { PlanFormsHeader } from "@/components/forms/plan-forms-header";
import "@/components/forms/forms.css";

export const dynamic = "force-dynamic";

export default async function MonitorFormsList({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const user = await requirePage("forms.read", `/monitor/plans/${id}/forms/list`);
  const plan = Number.isInteger(Number(id)) ? await getPlanForForms(Number(id), user) : null;
  if (!plan) notFound();
  const filter = listFilter(await searchParams);
  const data = await findForms(plan.id, { unitId: filter.unit, state: filter.state, code: filter.code, page: filter.page });
  const base = `/monitor/plans/${plan.id}/forms`;
  return (
    <>
      <PlanFormsHeader plan={plan} base={base} current="list" admin={false} back={{ href: "/monitor/forms", label: vi.nav.forms }} />
      <FormsListView data={data} base={`${base}/list`} units={plan.units.map((u) => u.unit)} filter={filter} />
    </>
  );
}
