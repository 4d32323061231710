"use client";

import { createContext, useActionState, useContext, type ReactNode } from "react";
import type { ActionResult } from "@/lib/auth/guard";

type Action = (prev: unknown, fd: FormData) => Promise<ActionResult<{ message?: string } | unknown>>;
const FieldErrors = createContext<Record<string, string[]> | undefined>(undefined);

/**
 * A form bound to a guarded server action: shows the action's message, its error (in
 * Vietnamese, saying what to do) and the errors of each field next to that field.
 */
export function ActionForm({ action, children, submit, className, testId }: { action: Action; children: ReactNode; submit: string; className?: string; testId?: string }) {
  const [state, run, pending] = useActionState(action, null);
  const message = state?.ok ? (state.data as { message?: string } | undefined)?.message : undefined;
  return (
    <form action={run} className={className} data-testid={testId}>
      <FieldErrors.Provider value={state && !state.ok ? state.fieldErrors : undefined}>{children}</FieldErrors.Provider>
      {state && !state.ok && (
        <div className="alert error" role="alert">
          {state.error}
        </div>
      )}
      {message && (
        <div className="alert success" role="status">
          {message}
        </div>
      )}
      <p>
        <button type="submit" disabled={pending}>
          {submit}
        </button>
      </p>
    </form>
  );
}

export function FieldError({ name }: { name: string }) {
  const errors = useContext(FieldErrors)?.[name];
  if (!errors?.length) return null;
  return <div className="field-error">{errors.join(" ")}</div>;
}
