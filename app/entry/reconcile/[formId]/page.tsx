import Link from "next/link";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { getReconciliation } from "@/lib/entry/reconcile";
import { requireReconciler } from "@/lib/entry/verifiers";
import { reconcileText as t } from "@/lib/i18n/reconcile";
import { FORM_STATE_LABELS } from "@/lib/forms/state-machine";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { reconcileAction } from "../actions";
import "@/components/forms/forms.css";

export const dynamic = "force-dynamic";

export default async function ReconcilePage({ params }: { params: Promise<{ formId: string }> }) {
  const { formId } = await params;
  const user = await requireReconciler(`/entry/reconcile/${formId}`);
  const id = Number(formId);
  if (!Number.isInteger(id) || id < 1) notFound();
  const r = await getReconciliation(id, user).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    if (err instanceof AppError && err.code === "FORBIDDEN") return err.message;
    throw err;
  });
  if (typeof r === "string") {
    return (
      <>
        <p><Link href="/entry/reconcile">← {t.back}</Link></p>
        <h1>{t.title}</h1>
        <p className="alert error" role="alert">{r}</p>
      </>
    );
  }
  const open = r.differences.filter((d) => d.decided === null);
  const c = t.columns;
  return (
    <>
      <p><Link href="/entry/reconcile">← {t.back}</Link></p>
      <h1>{t.title}: <span className="mono">{r.display}</span></h1>
      <p>
        {r.unitName} · <span className="muted">{r.planTitle}</span> · <span className="badge">{FORM_STATE_LABELS[r.state]}</span>
        <br />
        <span className="muted">{t.clerksEntered(r.firstClerk, r.secondClerk)}</span>
      </p>
      {r.ownEntry && <p className="alert error" role="alert" data-testid="reconcile-own-entry">{r.ownEntry}</p>}
      {open.length === 0 || r.ownEntry ? (
        <table>
          <thead><tr><th>{c.item}</th><th>{c.first}</th><th>{c.second}</th><th>{c.decision}</th></tr></thead>
          <tbody>
            {r.differences.map((d) => (
              <tr key={d.itemCode}><td><strong>{d.itemCode}</strong> {d.text}</td><td>{d.firstLabel}</td><td>{d.secondLabel}</td><td>{d.decidedLabel}</td></tr>
            ))}
          </tbody>
        </table>
      ) : (
        <ActionForm action={reconcileAction} submit={t.confirm} testId="reconcile-form">
          <input type="hidden" name="formId" value={r.id} />
          <input type="hidden" name="version" value={r.version} />
          {open.map((d) => (
            <fieldset key={d.itemCode} className="panel" data-testid={`diff-${d.itemCode}`}>
              <legend><strong>{d.itemCode}</strong> — {d.text}</legend>
              <label style={{ fontWeight: 400 }}>
                <input type="radio" name={`d:${d.itemCode}`} value={d.first} required /> {t.takeFirst}: <strong>{d.firstLabel}</strong>
              </label>
              <label style={{ fontWeight: 400 }}>
                <input type="radio" name={`d:${d.itemCode}`} value={d.second} /> {t.takeSecond}: <strong>{d.secondLabel}</strong>
              </label>
              {d.options.length > 0 && (
                <div className="row" style={{ alignItems: "center" }}>
                  <label style={{ fontWeight: 400, margin: 0 }}>
                    <input type="radio" name={`d:${d.itemCode}`} value="__other" /> {t.other}:
                  </label>
                  <select name={`o:${d.itemCode}`} aria-label={`${t.other} — ${d.itemCode}`} style={{ maxWidth: "20rem" }}>
                    {d.options.map((o) => <option key={o.cell} value={o.cell}>{o.label}</option>)}
                  </select>
                </div>
              )}
              <FieldError name={d.itemCode} />
            </fieldset>
          ))}
        </ActionForm>
      )}
    </>
  );
}
