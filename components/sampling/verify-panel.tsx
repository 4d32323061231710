"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/guard";
import type { VerifyOutcome } from "@/lib/draws/verify";
import { formatDateTime } from "@/lib/i18n/format";
import { samplingText as t } from "@/lib/i18n/sampling";
import styles from "../frames/frames.module.css";

type VerifyAction = (prev: unknown, fd: FormData) => Promise<ActionResult<VerifyOutcome>>;

const role = (r: "main" | "reserve") => (r === "main" ? t.mainRole : t.reserveRole);

/** Re-runs the locked draw on the server and shows "khớp" or exactly what differs. */
export function VerifyPanel({ planId, verify }: { planId: number; verify: VerifyAction }) {
  const [state, run, pending] = useActionState(verify, null);
  const out = state?.ok ? state.data : null;
  return (
    <form action={run} data-testid="verify-panel">
      <input type="hidden" name="planId" value={planId} />
      <p className="muted">{t.verifyHelp}</p>
      <button type="submit" disabled={pending}>{pending ? "Đang chạy lại…" : t.verify}</button>
      {state && !state.ok && <div className="alert error" role="alert">{state.error}</div>}
      {out?.matches && (
        <div className={`alert success ${styles.ok}`} role="status" data-testid="verify-result">
          <strong>{t.matches}</strong>
          <div className="muted">{formatDateTime(new Date(out.checkedAt))}</div>
        </div>
      )}
      {out && !out.matches && <Differences out={out} />}
    </form>
  );
}

function Differences({ out }: { out: VerifyOutcome }) {
  const r = out.result;
  if (r.matches) return null;
  const heads = (["algorithmVersion", "seed", "frameChecksum", "allocationChecksum"] as const).filter((k) => r[k]);
  return (
    <div className="alert error" role="alert" data-testid="verify-result">
      <strong>{t.differs}</strong>
      {out.personalDataPurged && <p>{t.purged}</p>}
      {heads.length > 0 && (
        <ul>
          {heads.map((k) => (
            <li key={k}>
              {t.diffHead[k]}: {t.diffStored} <span className="mono">{r[k]!.stored}</span>, {t.diffRecomputed} <span className="mono">{r[k]!.recomputed}</span>
            </li>
          ))}
        </ul>
      )}
      {r.strata.map((s) => (
        <div key={s.stratum} className={styles.diff} data-testid={`diff-${s.stratum}`}>
          <strong>{t.col.stratum} {s.stratum}</strong>
          <ul>
            {s.sizes.map((z) => <li key={z.field}>{t.diffSize(z.field, String(z.stored ?? "—"), String(z.recomputed ?? "—"))}</li>)}
            {s.missing.map((p) => <li key={`m${p.dossierCode}`}>{t.diffMissing}: <span className="mono">{p.dossierCode}</span> ({role(p.role)} {p.order})</li>)}
            {s.extra.map((p) => <li key={`e${p.dossierCode}`}>{t.diffExtra}: <span className="mono">{p.dossierCode}</span> ({role(p.role)} {p.order})</li>)}
            {s.reordered.map((p) => (
              <li key={`o${p.dossierCode}`}>
                {t.diffReordered}: <span className="mono">{p.dossierCode}</span> — {t.diffStored} {role(p.stored.role)} {p.stored.order}, {t.diffRecomputed} {role(p.recomputed.role)} {p.recomputed.order}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {out.keyMismatches.length > 0 && (
        <div className={styles.diff}>
          <strong>{t.diffKey}</strong>
          <ul>{out.keyMismatches.map((k) => <li key={`${k.stratum}|${k.dossierCode}`} className="mono">{k.stratum} · {k.dossierCode}</li>)}</ul>
        </div>
      )}
    </div>
  );
}
