import Link from "next/link";
import { PublicShell } from "@/components/results/public-shell";
import { formatDateTime } from "@/lib/i18n/format";
import { resultsText as t } from "@/lib/i18n/results";
import { findPublishedPlans } from "@/lib/results/queries";

// Public on purpose: no requirePage. Only published snapshots are ever read here.
export const dynamic = "force-dynamic";

export default async function PublicResults() {
  const plans = await findPublishedPlans();
  return (
    <PublicShell>
      <p>{t.publicIntro}</p>
      {plans.length === 0 ? (
        <p className="panel">{t.noPublished}</p>
      ) : (
        <table data-testid="public-plans">
          <thead><tr><th>Năm</th><th>{t.plans}</th><th>Ngày công bố</th><th /></tr></thead>
          <tbody>
            {plans.map((p) => (
              <tr key={p.planId}>
                <td>{p.year}</td>
                <td>{p.title}</td>
                <td>{formatDateTime(p.publishedAt)}</td>
                <td><Link href={`/ket-qua/${p.planId}`}>{t.open}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PublicShell>
  );
}
