"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useState, useTransition, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/auth/guard";

/**
 * A form bound to a guarded server action that never clears what was typed: unlike a
 * plain <form action>, which React resets after every submission, a refusal (invalid
 * input, someone else's change) leaves every field as the person left it. Optionally asks
 * for confirmation first; on success shows the action's message or follows its `href`.
 */

type Action = (input: FormData | Record<string, unknown>) => Promise<ActionResult<unknown>>;
const Errors = createContext<Record<string, string[]> | undefined>(undefined);

type Props = {
  action: Action;
  submit: string;
  children: ReactNode;
  /** Asked before submitting; the action runs only after "Xác nhận". */
  confirm?: string;
  testId?: string;
  className?: string;
  /** Client components may turn the form into a structured input (nested objects, arrays). */
  transform?: (fd: FormData) => Record<string, unknown>;
  danger?: boolean;
  /** Client components may react to success (e.g. clear a selection, show a link). */
  onSuccess?: (data: unknown) => void;
  /** No success message (small inline forms whose effect is visible anyway). */
  quiet?: boolean;
  /** Class of the submit button (e.g. "secondary"). */
  buttonClass?: string;
};

export function StickyForm({ action, submit, children, confirm, testId, className, transform, danger, onSuccess, quiet, buttonClass }: Props) {
  const router = useRouter();
  const [state, setState] = useState<ActionResult<unknown> | null>(null);
  const [pending, start] = useTransition();
  const [asking, setAsking] = useState<FormData | null>(null);

  function run(fd: FormData) {
    setAsking(null);
    start(async () => {
      const r = await action(transform ? transform(fd) : fd);
      setState(r);
      const href = r.ok ? (r.data as { href?: string } | undefined)?.href : undefined;
      if (r.ok) onSuccess?.(r.data);
      if (href) router.push(href);
    });
  }
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    if (confirm) setAsking(fd);
    else run(fd);
  }
  const data = state?.ok ? (state.data as { message?: string; notices?: string[] } | undefined) : undefined;
  const general = state && !state.ok ? (state.fieldErrors?._ ?? []) : [];
  return (
    <form onSubmit={onSubmit} className={className} data-testid={testId} noValidate>
      <Errors.Provider value={state && !state.ok ? state.fieldErrors : undefined}>{children}</Errors.Provider>
      {state && !state.ok && (
        <div className="alert error" role="alert">
          {general.length > 1 || (general.length === 1 && general[0] !== state.error) ? (
            <ul style={{ margin: 0, paddingLeft: "1.2rem" }}>
              {general.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : (
            state.error
          )}
        </div>
      )}
      {data?.message && !quiet && (
        <div className="alert success" role="status">
          {data.message}
          {data.notices && data.notices.length > 0 && (
            <ul style={{ margin: ".4rem 0 0", paddingLeft: "1.2rem" }}>
              {data.notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {asking ? (
        <div className="alert" role="alertdialog" aria-label={confirm} style={{ background: "#fdf0da", border: "1px solid #f0cf96" }}>
          <p style={{ margin: "0 0 .5rem" }}>{confirm}</p>
          <button type="button" className={danger ? "danger" : undefined} onClick={() => run(asking)} disabled={pending}>
            Xác nhận
          </button>{" "}
          <button type="button" className="secondary" onClick={() => setAsking(null)}>
            Hủy
          </button>
        </div>
      ) : (
        <p>
          <button type="submit" disabled={pending} className={danger ? "danger" : buttonClass}>
            {pending ? "Đang xử lý…" : submit}
          </button>
        </p>
      )}
    </form>
  );
}

export function StickyFieldError({ name }: { name: string }) {
  const errors = useContext(Errors)?.[name];
  if (!errors?.length) return null;
  return <div className="field-error">{errors.join(" ")}</div>;
}
