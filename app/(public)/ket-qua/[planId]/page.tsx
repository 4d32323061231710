import Link from "next/link";
import { notFound } from "next/navigation";
import { GroupsTable, ProvinceCards } from "@/components/results/groups-table";
import { IntervalChart } from "@/components/results/interval-chart";
import { chartRows, provinceReference } from "@/components/results/plan-results";
import { PublicShell } from "@/components/results/public-shell";
import { SnapshotHeader } from "@/components/results/snapshot-header";
import { UnitsTable } from "@/components/results/units-table";
import { resultsText as t } from "@/lib/i18n/results";
import { idParam } from "@/lib/results/display";
import { getPublishedSnapshot } from "@/lib/results/queries";
import s from "@/components/results/results.module.css";

// Public on purpose: no requirePage. getPublishedSnapshot reads published snapshots only,
// so a plan without one is "not found" whatever its state.
export const dynamic = "force-dynamic";

export default async function PublicPlanResults({ params }: { params: Promise<{ planId: string }> }) {
  const planId = idParam((await params).planId);
  const snapshot = planId ? await getPublishedSnapshot(planId) : null;
  if (!planId || !snapshot) notFound();
  const { indices, plan } = snapshot.results;
  return (
    <PublicShell>
      <div className={s.breadcrumb}><Link href="/ket-qua">{t.back}</Link></div>
      <div className={s.toolbar}>
        <h1>{plan.year} — {plan.title}</h1>
        <a className="button" href={`/api/public/results/${planId}`} download>{t.excel}</a>
      </div>
      <SnapshotHeader snapshot={snapshot} currentHash={null} showAuthor={false} isLatest />
      <ProvinceCards indices={indices} />
      <h2>{t.chart}</h2>
      <IntervalChart rows={chartRows(indices)} reference={provinceReference(indices)} testId="units-chart" />
      <h2>{t.units}</h2>
      <UnitsTable indices={indices} unitHref={(code) => `/ket-qua/${planId}/${encodeURIComponent(code)}`} />
      <h2>{t.groups}</h2>
      <GroupsTable indices={indices} />
    </PublicShell>
  );
}
