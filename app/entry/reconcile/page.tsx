import Link from "next/link";
import { findFormsToReconcile } from "@/lib/entry/reconcile";
import { clerkErrorRates } from "@/lib/entry/stats";
import { requireReconciler, verifierPlanIds } from "@/lib/entry/verifiers";
import { verifiersText } from "@/lib/i18n/verifiers";
import { formatInt, formatNumber } from "@/lib/i18n/format";
import { reconcileText as t } from "@/lib/i18n/reconcile";
import "@/components/forms/forms.css";

export const dynamic = "force-dynamic";

export default async function ReconcileListPage() {
  const user = await requireReconciler("/entry/reconcile");
  // A designated verifier sees the queue and the error rates of the plans they are designated on.
  const plans = user.role === "ADMIN" ? null : await verifierPlanIds(user.id);
  const [{ forms, ownEntered }, rates] = await Promise.all([findFormsToReconcile(user), clerkErrorRates(plans)]);
  const c = t.columns;
  return (
    <>
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      {forms.length === 0 ? (
        <p className="panel">{t.none}</p>
      ) : (
        <table data-testid="reconcile-list">
          <thead>
            <tr><th>{c.form}</th><th>{c.unit}</th><th>{c.plan}</th><th className="num">{c.open}</th><th /></tr>
          </thead>
          <tbody>
            {forms.map((f) => (
              <tr key={f.id}>
                <td className="mono f-nowrap">{f.display}</td>
                <td>{f.unitName}</td>
                <td>{f.plan.year} — {f.plan.title}</td>
                <td className="num">{f.open}</td>
                <td><Link href={`/entry/reconcile/${f.id}`}>{t.open}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ownEntered > 0 && <p className="muted" data-testid="reconcile-own-hidden">{verifiersText.refuse.hiddenOwn(ownEntered)}</p>}
      <h2>{t.clerks}</h2>
      <p className="muted">{t.clerksIntro}</p>
      {rates.length === 0 ? (
        <p className="panel">{t.noClerks}</p>
      ) : (
        <table data-testid="clerk-rates">
          <thead>
            <tr>
              <th>{t.clerkColumns.clerk}</th><th className="num">{t.clerkColumns.forms}</th><th className="num">{t.clerkColumns.items}</th>
              <th className="num">{t.clerkColumns.errors}</th><th className="num">{t.clerkColumns.rate}</th>
            </tr>
          </thead>
          <tbody>
            {rates.map((r) => (
              <tr key={r.userId}>
                <td>{r.fullName} <span className="muted">({r.username})</span></td>
                <td className="num">{formatInt(r.forms)}</td>
                <td className="num">{formatInt(r.items)}</td>
                <td className="num">{formatInt(r.errors)}</td>
                <td className="num">{r.rate === null ? "—" : `${formatNumber(r.rate * 100, 2)} %`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
