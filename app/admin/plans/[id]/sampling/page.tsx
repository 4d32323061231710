import { requirePage } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { previewAllocation, type AllocationView } from "@/lib/draws/preview";
import { currentDraw, drawHistory, findScopedPlan, findSelections, storedAllocationView } from "@/lib/draws/queries";
import { AppError } from "@/lib/errors";
import { samplingText as t } from "@/lib/i18n/sampling";
import { planAllows } from "@/lib/plans/lifecycle";
import { PlanNav } from "@/components/frames/plan-nav";
import { AllocationTable } from "@/components/sampling/allocation-table";
import { DrawHistory, DrawInfo } from "@/components/sampling/draw-info";
import { DrawDownloads } from "@/components/sampling/downloads";
import { DrawForm } from "@/components/sampling/draw-form";
import { LockForm } from "@/components/sampling/lock-form";
import { SelectionTable } from "@/components/sampling/selection-table";
import { VerifyPanel } from "@/components/sampling/verify-panel";
import { drawSampleAction, generateSeedAction, lockDrawAction, verifyDrawAction } from "./actions";

const SHOWN = 200;

async function tryPreview(...args: Parameters<typeof previewAllocation>): Promise<{ view: AllocationView } | { error: string }> {
  try {
    return { view: await previewAllocation(...args) };
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
}

export default async function SamplingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePage("sampling.write", `/admin/plans/${id}/sampling`);
  const plan = await findScopedPlan(user, Number(id));
  const [history, current] = await Promise.all([drawHistory(plan.id), currentDraw(plan.id)]);
  const draw = current ? (history.find((d) => d.id === current.id) ?? null) : null;
  const locked = draw?.status === "LOCKED";
  const canDraw = planAllows(plan, "sampling.draw", { formsSent: 0 }).ok && !locked;
  const preview = !draw && planAllows(plan, "sampling.preview").ok ? await tryPreview(user, plan.id) : null;
  const [stored, selections] = draw
    ? await Promise.all([storedAllocationView(plan.id, draw.allocation), findSelections(user, draw.id, { limit: SHOWN })])
    : [null, []];
  return (
    <>
      <PlanNav plan={plan} current="sampling" area="admin" />
      <p className="muted">{t.intro}</p>
      {preview && (
        <section className="panel">
          <h2>{t.previewTitle}</h2>
          {"error" in preview ? <div className="alert error" role="alert">{preview.error}</div> : <AllocationTable view={preview.view} />}
        </section>
      )}
      {!draw && !preview && <div className="alert error">{planAllows(plan, "sampling.preview").ok ? t.noDraw : (planAllows(plan, "sampling.preview") as { message: string }).message}</div>}
      {canDraw && (!preview || !("error" in preview)) && (
        <section className="panel">
          <h2>{draw ? t.redraw : t.draw}</h2>
          <DrawForm planId={plan.id} latestDrawId={history[0]?.id ?? 0} redraw={draw !== null} draw={drawSampleAction} generate={generateSeedAction} />
        </section>
      )}
      {draw && stored && (
        <section className="panel">
          <h2>{t.drawInfo} #{draw.id}</h2>
          <DrawInfo draw={draw} />
          {draw.status === "DRAFT" && planAllows(plan, "sampling.lock").ok && (
            <div style={{ marginTop: "1rem" }}>
              <LockForm planId={plan.id} drawId={draw.id} lock={lockDrawAction} />
            </div>
          )}
          {locked && planAllows(plan, "sampling.verify").ok && (
            <>
              <h3>{t.verify}</h3>
              <VerifyPanel planId={plan.id} verify={verifyDrawAction} />
            </>
          )}
          <h3>{t.downloads}</h3>
          <DrawDownloads planId={plan.id} draw={draw} personal={can(user.role, "personal.read")} />
          <h3>Phân bổ của lần chọn này</h3>
          <AllocationTable view={stored} />
          <h3>{t.selectionsTitle}</h3>
          <SelectionTable rows={selections} total={draw.totals ? draw.totals.n + draw.totals.r : selections.length} />
        </section>
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
