import Link from "next/link";
import { notFound } from "next/navigation";
import { PublicShell } from "@/components/results/public-shell";
import { SnapshotHeader } from "@/components/results/snapshot-header";
import { UnitResults } from "@/components/results/unit-results";
import { resultsText as t } from "@/lib/i18n/results";
import { idParam } from "@/lib/results/display";
import { getPublishedSnapshot } from "@/lib/results/queries";
import s from "@/components/results/results.module.css";

// Public on purpose: no requirePage; published snapshots only.
export const dynamic = "force-dynamic";

export default async function PublicUnitResults({ params }: { params: Promise<{ planId: string; unitCode: string }> }) {
  const p = await params;
  const planId = idParam(p.planId);
  const snapshot = planId ? await getPublishedSnapshot(planId) : null;
  const code = decodeURIComponent(p.unitCode);
  const unit = snapshot?.results.indices.units[code];
  if (!snapshot || !unit) notFound();
  return (
    <PublicShell>
      <div className={s.breadcrumb}>
        <Link href="/ket-qua">{t.back}</Link> › <Link href={`/ket-qua/${planId}`}>{snapshot.results.plan.year} — {snapshot.results.plan.title}</Link>
      </div>
      <div className={s.toolbar}><h1>{t.unitPage.title(unit.name)}</h1></div>
      <SnapshotHeader snapshot={snapshot} currentHash={null} showAuthor={false} isLatest />
      <UnitResults code={code} unit={unit} labels={snapshot.results.labels} minValid={snapshot.results.indices.min_valid} ranked={snapshot.results.indices.ranking.length} />
    </PublicShell>
  );
}
