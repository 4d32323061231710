"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/guard";
import type { TRowProblem } from "@/lib/forms/fieldwork";
import { formsText } from "@/lib/i18n/forms";

type Result = { message: string; problems: TRowProblem[]; notices: string[] };
type Upload = (prev: unknown, fd: FormData) => Promise<ActionResult<Result>>;

/** Upload of a file of codes and states: every bad row listed; nothing applied unless all are good. */
export function StateUpload({ planId, upload }: { planId: number; upload: Upload }) {
  const [state, run, pending] = useActionState(upload, null);
  const data = state?.ok ? state.data : null;
  return (
    <form action={run} data-testid="state-upload">
      <input type="hidden" name="planId" value={planId} />
      <p className="muted f-small">{formsText.import.hint}</p>
      <label htmlFor="states-file">Tệp (.xlsx, .csv)</label>
      <input id="states-file" type="file" name="file" accept=".xlsx,.csv" required />
      <p><button type="submit" disabled={pending}>{pending ? "Đang kiểm tra…" : "Kiểm tra và cập nhật"}</button></p>
      {state && !state.ok && <div className="alert error" role="alert">{state.error}{state.fieldErrors?.file ? ` ${state.fieldErrors.file.join(" ")}` : ""}</div>}
      {data && <div className={`alert ${data.problems.length ? "error" : "success"}`} role="status">{data.message}</div>}
      {data?.notices.map((n) => <p key={n} className="muted f-small">{n}</p>)}
      {data && data.problems.length > 0 && (
        <table>
          <thead><tr><th className="num">Dòng</th><th>Cột</th><th>Giá trị</th><th>Lý do</th></tr></thead>
          <tbody>
            {data.problems.map((p, i) => (
              <tr key={i}><td className="num">{p.row}</td><td>{p.column}</td><td className="mono">{p.value}</td><td>{p.reason}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </form>
  );
}
