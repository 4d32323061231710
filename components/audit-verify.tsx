"use client";

import { useActionState } from "react";
import { vi } from "@/lib/i18n/vi";
import type { ActionResult } from "@/lib/auth/guard";

type VerifyData = { ok: true; count: number } | { ok: false; count: number; id: string; reason: string };
type Props = { verify: (prev: unknown, fd: FormData) => Promise<ActionResult<VerifyData>> };

export function AuditVerify({ verify }: Props) {
  const [state, run, pending] = useActionState(verify, null);
  return (
    <form action={run}>
      <button type="submit" disabled={pending}>{vi.audit.verify}</button>
      {state && !state.ok && <div className="alert error" role="alert">{state.error}</div>}
      {state?.ok && state.data.ok && <div className="alert success" role="status">{vi.audit.intact(state.data.count)}</div>}
      {state?.ok && !state.data.ok && (
        <div className="alert error" role="alert">{vi.audit.broken(state.data.id, state.data.reason)}</div>
      )}
    </form>
  );
}
