import type { ActionResult } from "@/lib/auth/guard";
import type { TPlanVerifiers } from "@/lib/entry/verifiers";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { verifiersText as t } from "@/lib/i18n/verifiers";
import { StickyFieldError, StickyForm } from "@/components/ui/sticky-form";

const percent = (share: number) => {
  const p = Math.round(share * 1000) / 10;
  return `${formatNumber(p, Number.isInteger(p) ? 0 : 1)} %`;
};

type Action = (input: FormData | Record<string, unknown>) => Promise<ActionResult<unknown>>;

/** The plan page's list of designated verifiers of double entry, with designate / remove (ADMIN). */
export function PlanVerifiers({ planId, share, list, add, remove, canEdit }: {
  planId: number; share: number | null; list: TPlanVerifiers; add: Action; remove: Action; canEdit: boolean;
}) {
  const c = t.columns;
  return (
    <div data-testid="plan-verifiers">
      <p className="muted">{t.intro}</p>
      {share !== null && <p>{t.share(percent(share))}</p>}
      {list.verifiers.length === 0 ? (
        <p className="panel">{t.none}</p>
      ) : (
        <table>
          <thead>
            <tr><th>{c.user}</th><th>{c.since}</th><th>{c.by}</th><th>{c.status}</th>{canEdit && <th />}</tr>
          </thead>
          <tbody>
            {list.verifiers.map((v) => (
              <tr key={v.userId} data-testid={`verifier-${v.username}`}>
                <td>{v.fullName} <span className="muted">({v.username})</span></td>
                <td>{formatDateTime(v.createdAt)}</td>
                <td>{v.createdBy}</td>
                <td>{v.effective ? <span className="badge ok">{t.effective}</span> : <span className="muted">{t.notEffective}</span>}</td>
                {canEdit && (
                  <td>
                    <StickyForm action={remove} submit={t.remove} confirm={t.confirmRemove(v.fullName)} danger quiet>
                      <input type="hidden" name="planId" value={planId} readOnly />
                      <input type="hidden" name="userId" value={v.userId} readOnly />
                    </StickyForm>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit &&
        (list.candidates.length === 0 ? (
          <p className="muted">{t.noCandidates}</p>
        ) : (
          <StickyForm action={add} submit={t.add} testId="add-verifier">
            <input type="hidden" name="planId" value={planId} readOnly />
            <label htmlFor="verifier-user">{t.pick}</label>
            <select id="verifier-user" name="userId" defaultValue="" style={{ maxWidth: "28rem" }}>
              <option value="">{t.pickPlaceholder}</option>
              {list.candidates.map((u) => (
                <option key={u.id} value={u.id}>{u.fullName} ({u.username})</option>
              ))}
            </select>
            <StickyFieldError name="userId" />
          </StickyForm>
        ))}
    </div>
  );
}
