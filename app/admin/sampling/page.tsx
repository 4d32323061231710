import { requirePage } from "@/lib/auth/page";
import { findSamplingPlans } from "@/lib/draws/queries";
import { samplingText as t } from "@/lib/i18n/sampling";
import { PlanLinks } from "@/components/sampling/plan-links";

export default async function AdminSamplingIndex() {
  const user = await requirePage("sampling.write", "/admin/sampling");
  return (
    <>
      <h1>Danh sách khảo sát và chọn mẫu</h1>
      <p className="muted">{t.intro}</p>
      <PlanLinks plans={await findSamplingPlans(user)} area="admin" />
    </>
  );
}
