"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/guard";
import { samplingText as t } from "@/lib/i18n/sampling";

type LockAction = (prev: unknown, fd: FormData) => Promise<ActionResult<{ message?: string }>>;

/** Locks the draft draw after a confirmation: from then on it is the official sample. */
export function LockForm({ planId, drawId, lock }: { planId: number; drawId: number; lock: LockAction }) {
  const [state, run, pending] = useActionState(lock, null);
  return (
    <form
      action={run}
      data-testid="lock-form"
      onSubmit={(e) => {
        if (!window.confirm(t.lockConfirm)) e.preventDefault();
      }}
    >
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="drawId" value={drawId} />
      {state && !state.ok && <div className="alert error" role="alert">{state.error}</div>}
      {state?.ok && <div className="alert success" role="status">{state.data.message}</div>}
      <button type="submit" className="danger" disabled={pending}>{t.lock}</button>
    </form>
  );
}
