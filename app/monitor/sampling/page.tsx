import { requirePage } from "@/lib/auth/page";
import { findSamplingPlans } from "@/lib/draws/queries";
import { samplingText as t } from "@/lib/i18n/sampling";
import { PlanLinks } from "@/components/sampling/plan-links";

export default async function MonitorSamplingIndex() {
  const user = await requirePage("sampling.verify", "/monitor/sampling");
  return (
    <>
      <h1>{t.monitorTitle}</h1>
      <p className="muted">{t.intro}</p>
      <PlanLinks plans={await findSamplingPlans(user)} area="monitor" />
    </>
  );
}
