import Link from "next/link";
import { computeResultsAction, publishResultsAction } from "@/app/admin/results/actions";
import { StickyForm } from "@/components/ui/sticky-form";
import { formatDateTime } from "@/lib/i18n/format";
import { planStateLabels } from "@/lib/i18n/plans";
import { resultsText as t } from "@/lib/i18n/results";
import { hashPrefix } from "@/lib/results/display";
import type { ResultsPageData } from "@/lib/results/page-data";
import type { IndicesJson } from "@/lib/results/snapshot";
import { GroupsTable, ProvinceCards } from "./groups-table";
import { IntervalChart, type IntervalRow } from "./interval-chart";
import { SnapshotHeader } from "./snapshot-header";
import { orderedUnits, UnitsTable } from "./units-table";
import s from "./results.module.css";

type Props = {
  data: ResultsPageData;
  /** Where this area's results pages live: /admin/results, /dashboard/results, /monitor/results. */
  base: string;
  /** ADMIN: the compute and publish buttons. */
  admin: boolean;
};

/** A plan's results page, for every role that may read it; only ADMIN gets the buttons. */
export function PlanResults({ data, base, admin }: Props) {
  const { plan, snapshot, history, currentHash, isLatest } = data;
  const planBase = `${base}/${plan.id}`;
  const query = snapshot && !isLatest ? `?snapshot=${snapshot.id}` : "";
  const canPublish = admin && snapshot && isLatest && !snapshot.published && plan.state === "ANALYSIS" && currentHash === snapshot.inputsHash;
  return (
    <>
      <div className={s.breadcrumb}>
        <Link href={base}>{t.back}</Link>
      </div>
      <div className={s.toolbar}>
        <h1>{plan.year} — {plan.title}</h1>
        <span className="badge">{planStateLabels[plan.state]}</span>
      </div>
      <div className={s.actions} style={{ marginBottom: "1rem" }}>
        {snapshot && (
          <>
            <a className="button" href={`/api/plans/${plan.id}/results/excel?snapshot=${snapshot.id}`} download data-testid="excel-link">{t.excel}</a>
            <Link className="button" href={`${planBase}/open-data`}>{t.openData}</Link>
          </>
        )}
        {admin && (
          <StickyForm action={computeResultsAction} submit={snapshot ? t.compute : t.computeFirst} testId="compute-results" className={s.inlineForm}>
            <input type="hidden" name="planId" value={plan.id} />
          </StickyForm>
        )}
      </div>
      {!snapshot ? (
        <p className="panel">{admin ? t.noSnapshot : t.noSnapshotLeader}</p>
      ) : (
        <>
          <SnapshotHeader snapshot={snapshot} currentHash={currentHash} showAuthor isLatest={isLatest} latestHref={planBase} adminHint={admin} />
          {canPublish && (
            <section className="panel">
              <p style={{ marginTop: 0 }}>{t.publishReady}</p>
              <StickyForm action={publishResultsAction} submit={t.publish} confirm={t.publishConfirm} testId="publish-results">
                <input type="hidden" name="planId" value={plan.id} />
                <input type="hidden" name="snapshotId" value={snapshot.id} />
              </StickyForm>
            </section>
          )}
          <ProvinceCards indices={snapshot.results.indices} />
          <h2>{t.chart}</h2>
          <IntervalChart rows={chartRows(snapshot.results.indices)} reference={provinceReference(snapshot.results.indices)} testId="units-chart" />
          <h2>{t.units}</h2>
          <UnitsTable indices={snapshot.results.indices} unitHref={(code) => `${planBase}/units/${encodeURIComponent(code)}${query}`} />
          <h2>{t.groups}</h2>
          <GroupsTable indices={snapshot.results.indices} />
          {history.length > 1 && (
            <>
              <h2>{t.history}</h2>
              <table>
                <tbody>
                  {history.map((h) => (
                    <tr key={h.id}>
                      <td>{formatDateTime(h.computedAt)}</td>
                      <td className="mono">{hashPrefix(h.inputsHash)}</td>
                      <td>{h.published ? <span className="badge ok">{t.publishedBadge}</span> : null}</td>
                      <td>{h.id === snapshot.id ? <strong>đang xem</strong> : <Link href={`${planBase}?snapshot=${h.id}`}>Xem</Link>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </>
  );
}

export function chartRows(indices: IndicesJson): IntervalRow[] {
  return orderedUnits(indices)
    .filter(([, u]) => u.eligible && u.sipas.index !== null)
    .map(([code, u]) => ({ code, label: u.name, index: u.sipas.index ?? 0, low: u.sipas.ci_low, high: u.sipas.ci_high }));
}

export function provinceReference(indices: { groups: Record<string, { index: number | null }> }) {
  const p = indices.groups.province?.index;
  return p == null ? null : { value: p, label: t.province };
}
