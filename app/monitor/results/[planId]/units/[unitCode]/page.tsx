import { requirePage } from "@/lib/auth/page";
import { UnitResultsPage } from "@/components/results/pages";

type Props = { params: Promise<{ planId: string; unitCode: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const { planId, unitCode } = await params;
  const user = await requirePage("results.read", `/monitor/results/${planId}/units/${unitCode}`);
  return <UnitResultsPage user={user} planId={planId} unitCode={unitCode} search={searchParams} base="/monitor/results" />;
}
