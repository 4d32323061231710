import { requirePage } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { currentDraw, drawHistory, findScopedPlan, findSelections, storedAllocationView } from "@/lib/draws/queries";
import { samplingText as t } from "@/lib/i18n/sampling";
import { planAllows } from "@/lib/plans/lifecycle";
import { PlanNav } from "@/components/frames/plan-nav";
import { AllocationTable } from "@/components/sampling/allocation-table";
import { DrawHistory, DrawInfo } from "@/components/sampling/draw-info";
import { DrawDownloads } from "@/components/sampling/downloads";
import { SelectionTable } from "@/components/sampling/selection-table";
import { VerifyPanel } from "@/components/sampling/verify-panel";
import { verifyDrawAction } from "@/app/admin/plans/[id]/sampling/actions";

const SHOWN = 200;

/** The monitor's view of a plan's sample: what was drawn, how to check it, and the check itself. */
export default async function MonitorSamplingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePage("sampling.verify", `/monitor/plans/${id}/sampling`);
  const plan = await findScopedPlan(user, Number(id));
  const [history, current] = await Promise.all([drawHistory(plan.id), currentDraw(plan.id)]);
  const draw = current ? (history.find((d) => d.id === current.id) ?? null) : null;
  const [stored, selections] = draw
    ? await Promise.all([storedAllocationView(plan.id, draw.allocation), findSelections(user, draw.id, { limit: SHOWN })])
    : [null, []];
  return (
    <>
      <PlanNav plan={plan} current="sampling" area="monitor" />
      <p className="muted">{t.intro}</p>
      {!draw && <div className="alert error">{t.noDraw}</div>}
      {draw && stored && (
        <>
          <section className="panel">
            <h2>{t.drawInfo} #{draw.id}</h2>
            <DrawInfo draw={draw} />
            {draw.status === "LOCKED" && planAllows(plan, "sampling.verify").ok ? (
              <>
                <h3>{t.verify}</h3>
                <VerifyPanel planId={plan.id} verify={verifyDrawAction} />
              </>
            ) : (
              <p className="alert error">{t.noLockedDraw}</p>
            )}
          </section>
          <section className="panel">
            <h2>{t.downloads}</h2>
            <DrawDownloads planId={plan.id} draw={draw} personal={can(user.role, "personal.read")} />
          </section>
          <section className="panel">
            <h2>Phân bổ cỡ mẫu</h2>
            <AllocationTable view={stored} />
          </section>
          <section className="panel">
            <h2>{t.selectionsTitle}</h2>
            <p className="muted">{t.masked}</p>
            <SelectionTable rows={selections} total={draw.totals ? draw.totals.n + draw.totals.r : selections.length} />
          </section>
        </>
      )}
      {history.length > 0 && (
        <>
          <h2>{t.history}</h2>
          <DrawHistory draws={history} />
        </>
      )}
    </>
  );
}
