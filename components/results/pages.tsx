import Link from "next/link";
import { notFound } from "next/navigation";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/i18n/format";
import { planStateLabels } from "@/lib/i18n/plans";
import { resultsText as t } from "@/lib/i18n/results";
import { OPEN_DATA_FILES } from "@/lib/open-data/read";
import { hashPrefix, idParam } from "@/lib/results/display";
import { loadResultsPage } from "@/lib/results/page-data";
import { currentInputsHash, findResultPlans } from "@/lib/results/service";
import { PlanResults } from "./plan-results";
import { SnapshotHeader } from "./snapshot-header";
import { UnitResults } from "./unit-results";
import s from "./results.module.css";

/**
 * The results pages, shared by the three areas that read results (admin, dashboard,
 * monitor): each area's page.tsx checks its permission with requirePage and renders one of
 * these with its own base path. Plans outside the user's scope are "not found".
 */
type Search = Promise<Record<string, string | string[] | undefined>>;

async function pageData(user: SessionUser, planIdParam: string, search: Search) {
  const planId = idParam(planIdParam);
  if (!planId) notFound();
  try {
    return await loadResultsPage(user, planId, idParam((await search).snapshot));
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}

export async function ResultsListPage({ user, base }: { user: SessionUser; base: string }) {
  const plans = await findResultPlans(user);
  return (
    <>
      <h1>{t.title}</h1>
      {plans.length === 0 ? (
        <p className="muted">{t.noPlans}</p>
      ) : (
        <table data-testid="results-plans">
          <thead>
            <tr><th>Năm</th><th>{t.plans}</th><th>{t.state}</th><th>{t.latest}</th><th /></tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr key={p.id}>
                <td>{p.year}</td>
                <td>{p.title}</td>
                <td><span className="badge">{planStateLabels[p.state]}</span></td>
                <td>
                  {p.latest ? (
                    <>
                      {formatDateTime(p.latest.computedAt)} · <span className="mono">{hashPrefix(p.latest.inputsHash)}</span>
                      {p.publishedAt && <> · <span className="badge ok">{t.publishedBadge}</span></>}
                    </>
                  ) : (
                    <span className="muted">{t.never}</span>
                  )}
                </td>
                <td><Link href={`${base}/${p.id}`}>{t.open}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export async function PlanResultsPage({ user, planId, search, base, admin }: { user: SessionUser; planId: string; search: Search; base: string; admin: boolean }) {
  return <PlanResults data={await pageData(user, planId, search)} base={base} admin={admin} />;
}

export async function UnitResultsPage({ user, planId, unitCode, search, base }: { user: SessionUser; planId: string; unitCode: string; search: Search; base: string }) {
  const data = await pageData(user, planId, search);
  const { plan, snapshot } = data;
  const code = decodeURIComponent(unitCode);
  const unit = snapshot?.results.indices.units[code];
  const planHref = `${base}/${plan.id}${snapshot && !data.isLatest ? `?snapshot=${snapshot.id}` : ""}`;
  return (
    <>
      <div className={s.breadcrumb}>
        <Link href={base}>{t.back}</Link> › <Link href={planHref}>{plan.year} — {plan.title}</Link>
      </div>
      {!snapshot || !unit ? (
        <p className="panel">{snapshot ? t.unitPage.notInSnapshot : t.noSnapshot}</p>
      ) : (
        <>
          <div className={s.toolbar}><h1>{t.unitPage.title(unit.name)}</h1></div>
          <SnapshotHeader snapshot={snapshot} currentHash={data.currentHash} showAuthor={false} isLatest={data.isLatest} />
          <UnitResults code={code} unit={unit} labels={snapshot.results.labels} minValid={snapshot.results.indices.min_valid} ranked={snapshot.results.indices.ranking.length} />
        </>
      )}
    </>
  );
}

export async function OpenDataPage({ user, planId, base }: { user: SessionUser; planId: string; base: string }) {
  const data = await pageData(user, planId, Promise.resolve({}));
  const { plan, snapshot } = data;
  let hash: string | null = null;
  try {
    hash = await currentInputsHash(plan.id);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return <p className="alert error">{err.message}</p>;
  }
  const api = `/api/plans/${plan.id}/results/open-data`;
  return (
    <>
      <div className={s.breadcrumb}>
        <Link href={base}>{t.back}</Link> › <Link href={`${base}/${plan.id}`}>{plan.year} — {plan.title}</Link>
      </div>
      <h1>{t.openDataPage.title}</h1>
      <p>{t.openDataPage.intro}</p>
      {snapshot && <pre className="panel mono" style={{ whiteSpace: "pre-wrap" }}>{t.openDataPage.command(snapshot.method.elementMethod, snapshot.method.minValidForms)}</pre>}
      <div className={s.provenance}>
        <div>{t.openDataPage.hash}: <span className="mono" data-testid="open-data-hash">{hash}</span></div>
        {snapshot && (
          <div className={s.small}>
            {snapshot.inputsHash === hash ? t.openDataPage.matches : t.openDataPage.differs}
          </div>
        )}
      </div>
      <table>
        <thead><tr><th>{t.openDataPage.files}</th><th>{t.openDataPage.fileContent}</th></tr></thead>
        <tbody>
          {OPEN_DATA_FILES.map((f) => (
            <tr key={f}>
              <td><a href={`${api}?file=${f}`} download={f} className="mono">{f}</a></td>
              <td>{t.openDataPage.describe[f]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a className="button" href={`${api}?file=all`} download data-testid="open-data-tar">{t.openDataPage.all}</a>
      </p>
      <p className="muted">{t.openDataPage.allHelp}</p>
    </>
  );
}
