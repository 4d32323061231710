"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/guard";
import { tokensText as t } from "@/lib/i18n/frames";

type IssueAction = (prev: unknown, fd: FormData) => Promise<ActionResult<{ token: string; message?: string }>>;

/** Issues a token and shows it once (only its hash is kept). */
export function TokenIssue({ issue }: { issue: IssueAction }) {
  const [state, run, pending] = useActionState(issue, null);
  return (
    <form action={run} data-testid="issue-token">
      <label htmlFor="token-name">{t.name}</label>
      <input id="token-name" name="name" required minLength={3} maxLength={100} placeholder="Hệ thống Một cửa điện tử tỉnh" />
      {state && !state.ok && <div className="alert error" role="alert">{state.fieldErrors?.name?.join(" ") ?? state.error}</div>}
      {state?.ok && (
        <div className="alert success" role="status">
          {state.data.message}
          <div className="mono" data-testid="new-token" style={{ marginTop: ".4rem", fontSize: "1rem" }}>{state.data.token}</div>
        </div>
      )}
      <p><button type="submit" disabled={pending}>{t.issue}</button></p>
    </form>
  );
}
