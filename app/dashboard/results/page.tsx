import { requirePage } from "@/lib/auth/page";
import { ResultsListPage } from "@/components/results/pages";

export default async function Page() {
  const user = await requirePage("results.read", "/dashboard/results");
  return <ResultsListPage user={user} base="/dashboard/results" />;
}
