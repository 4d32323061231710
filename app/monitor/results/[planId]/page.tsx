import { requirePage } from "@/lib/auth/page";
import { PlanResultsPage } from "@/components/results/pages";

type Props = { params: Promise<{ planId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const { planId } = await params;
  const user = await requirePage("results.read", `/monitor/results/${planId}`);
  return <PlanResultsPage user={user} planId={planId} search={searchParams} base="/monitor/results" admin={false} />;
}
