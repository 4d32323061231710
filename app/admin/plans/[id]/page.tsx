import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { formatInt } from "@/lib/i18n/format";
import { planStateLabels, plansText, surveyModeLabels } from "@/lib/i18n/plans";
import { milestoneLabels } from "@/lib/i18n/vi";
import { getPlanOverview } from "@/lib/plans/overview";
import { personalRecordCount } from "@/lib/plans/purge";
import { describeRule } from "@/lib/plans/rules";
import { dmy, isoDay } from "@/lib/units/days";
import { StickyForm } from "@/components/ui/sticky-form";
import { DueText, MilestoneTable, PlanHistory, Stepper, Transitions } from "@/components/plans/plan-parts";
import s from "@/components/plans/plans.module.css";
import { deletePlanAction, milestoneDoneAction, purgePersonalDataAction, transitionPlanAction } from "../actions";
import { listPlanVerifiers } from "@/lib/entry/verifiers";
import { verifiersText } from "@/lib/i18n/verifiers";
import { PlanVerifiers } from "@/components/entry/plan-verifiers";
import { addPlanVerifierAction, removePlanVerifierAction } from "./verifiers/actions";

const O = plansText.overview;
const F = plansText.fields;

const scopeName = (sc: { type: string; code?: string }, names: Record<string, string>) =>
  sc.type === "default" ? F.scopeDefault : sc.type === "level" ? F.scopeLevel(names[`level:${sc.code}`] ?? sc.code ?? "") : F.scopeBlock(names[`block:${sc.code}`] ?? sc.code ?? "");

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  await requirePage("plans.write", `/admin/plans/${raw}`);
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const o = await getPlanOverview(id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const { plan, counts } = o;
  const verifiers = await listPlanVerifiers(id);
  const personalHeld = o.plan.state === "ARCHIVED" ? await personalRecordCount(id) : null;
  return (
    <>
      <div className={s.breadcrumb}>
        <Link href="/admin/plans">{plansText.title}</Link> ›
      </div>
      <div className={s.toolbar}>
        <h1>
          {plan.title} <span className="badge" data-testid="plan-state">{planStateLabels[plan.state]}</span>
        </h1>
        {o.allowedActions.includes("plan.editInfo") && <Link className="button" href={`/admin/plans/${id}/edit`}>{O.editPlan}</Link>}
      </div>
      <Stepper state={plan.state} />
      <nav className={s.workLinks} aria-label="Công việc của kế hoạch">
        <Link href={`/admin/plans/${id}/frames`}>Danh sách khảo sát</Link>
        <Link href={`/admin/plans/${id}/sampling`}>Chọn mẫu</Link>
        <Link href={`/admin/plans/${id}/forms`}>Phiếu khảo sát</Link>
        <Link href={`/admin/results/${id}`}>Kết quả</Link>
      </nav>

      <div className={s.cards}>
        <section className={s.section} data-testid="next-due">
          <h2>{O.nextDue}</h2>
          {o.nextDue ? (
            <p className={s.nextDue}>
              {milestoneLabels[o.nextDue.kind]}: {dmy(o.nextDue.dueOn)} — <DueText m={o.nextDue} />
            </p>
          ) : (
            <p className="muted">{O.noMilestone}</p>
          )}
          <p>{O.stateHint[plan.state]}</p>
          {plan.state === "FRAME" && <p>{O.framesProgress(counts.unitsWithFrames, counts.units)}</p>}
        </section>
        <section className={s.section}>
          <h2>{O.counts}</h2>
          <div className={s.stats}>
            <div className={s.stat}>{O.units}<b data-testid="count-units">{formatInt(counts.units)}</b></div>
            <div className={s.stat}>{O.unitsWithFrames}<b>{formatInt(counts.unitsWithFrames)}</b></div>
            <div className={s.stat}>{O.frameRecords}<b>{formatInt(counts.frameRecords)}</b></div>
            <div className={s.stat}>{O.sampleSize}<b>{counts.sampleSize === null ? "—" : formatInt(counts.sampleSize)}</b></div>
            <div className={s.stat}>{O.forms}<b>{formatInt(counts.forms)}</b></div>
            <div className={s.stat}>{O.formsSent}<b>{formatInt(counts.formsSent)}</b></div>
            <div className={s.stat}>{O.formsEntered}<b>{formatInt(counts.formsEntered)}</b></div>
          </div>
        </section>
      </div>

      <div className={s.cards}>
        <section className={s.section}>
          <h2>Thông tin kế hoạch</h2>
          <dl className={s.dl}>
            <dt>{F.year}</dt>
            <dd>{plan.year}</dd>
            <dt>{O.legal}</dt>
            <dd>{plan.legalNumber ? `Số ${plan.legalNumber}${plan.legalDate ? ` ngày ${dmy(isoDay(plan.legalDate))}` : ""}` : "— (chưa có)"}</dd>
            <dt>{O.window}</dt>
            <dd>{dmy(isoDay(plan.windowStart))} – {dmy(isoDay(plan.windowEnd))}</dd>
            <dt>{O.questionnaire}</dt>
            <dd>{plan.questionnaireVersion.template.name} — phiên bản {plan.questionnaireVersion.version}</dd>
            <dt>{O.modes}</dt>
            <dd>{plan.modes.map((m) => surveyModeLabels[m]).join("; ")}</dd>
            {plan.budget && (
              <>
                <dt>{F.budget}</dt>
                <dd>{formatInt(Number(plan.budget))} đồng</dd>
              </>
            )}
            <dt>{O.rules}</dt>
            <dd>
              {plan.settings ? (
                <ul style={{ margin: 0, paddingLeft: "1.1rem" }}>
                  {plan.settings.rules.map((r, i) => <li key={i}>{scopeName(r.scope, o.scopeNames)}: {describeRule(r.rule)}</li>)}
                  {Object.entries(plan.settings.overrides).map(([code, n]) => <li key={code}>{code}: {n} phiếu (đặt riêng)</li>)}
                  <li>{F.reserveShare}: {plan.settings.reserveShare.replace(".", ",")}</li>
                  <li>{F.minValidForms}: {plan.settings.minValidForms}</li>
                </ul>
              ) : (
                "—"
              )}
            </dd>
          </dl>
        </section>
        <section className={s.section}>
          <h2>{plansText.sections.milestones}</h2>
          <MilestoneTable planId={id} milestones={o.milestones} action={milestoneDoneAction} canMark={o.allowedActions.includes("plan.milestoneDone")} />
        </section>
      </div>

      <section className={s.section} id="verifiers">
        <h2>{verifiersText.title}</h2>
        <PlanVerifiers
          planId={id} share={plan.settings?.doubleEntryShare ?? null} list={verifiers}
          add={addPlanVerifierAction} remove={removePlanVerifierAction} canEdit={plan.state !== "PUBLISHED" && plan.state !== "ARCHIVED"}
        />
      </section>

      {personalHeld !== null && (
        <section className={s.section} id="personal-data">
          <h2>{O.personalData}</h2>
          {personalHeld > 0 ? (
            <>
              <p>{O.personalHeld(personalHeld)}</p>
              {o.allowedActions.includes("personal.purge") && (
                <StickyForm action={purgePersonalDataAction} submit={O.purgePersonal} confirm={O.confirmPurge} danger>
                  <input type="hidden" name="id" value={id} readOnly />
                </StickyForm>
              )}
            </>
          ) : (
            <p className="muted">{O.personalNone}</p>
          )}
        </section>
      )}

      <section className={s.section}>
        <h2>{O.transitions}</h2>
        <Transitions plan={plan} transitions={o.transitions} action={transitionPlanAction} elsewhere={`/admin/results/${id}`} />
        {o.allowedActions.includes("plan.delete") && (
          <div className={s.transition}>
            <StickyForm action={deletePlanAction} submit={O.deletePlan} confirm={O.confirmDelete} danger>
              <input type="hidden" name="id" value={id} readOnly />
              <input type="hidden" name="expectedVersion" value={plan.version} readOnly />
            </StickyForm>
          </div>
        )}
      </section>

      <section className={s.section}>
        <h2>{O.history}</h2>
        <PlanHistory events={o.history} />
      </section>
    </>
  );
}
