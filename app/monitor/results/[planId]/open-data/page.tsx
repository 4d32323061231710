import { requirePage } from "@/lib/auth/page";
import { OpenDataPage } from "@/components/results/pages";

export default async function Page({ params }: { params: Promise<{ planId: string }> }) {
  const { planId } = await params;
  const user = await requirePage("results.read", `/monitor/results/${planId}/open-data`);
  return <OpenDataPage user={user} planId={planId} base="/monitor/results" />;
}
