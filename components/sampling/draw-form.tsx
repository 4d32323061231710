"use client";

import { useActionState, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/guard";
import { samplingText as t } from "@/lib/i18n/sampling";
import styles from "../frames/frames.module.css";

type DrawAction = (prev: unknown, fd: FormData) => Promise<ActionResult<{ message?: string }>>;
type SeedAction = (input: { planId: number }) => Promise<ActionResult<{ seed: string }>>;

/**
 * The seed (typed at the sampling session, or generated) and the draw button. The latest
 * draw id the page showed goes with the request: a double click returns the first draw,
 * a stale page is refused.
 */
export function DrawForm({ planId, latestDrawId, redraw, draw, generate }: { planId: number; latestDrawId: number; redraw: boolean; draw: DrawAction; generate: SeedAction }) {
  const [state, run, pending] = useActionState(draw, null);
  const [seed, setSeed] = useState("");
  const [generating, startGenerate] = useTransition();
  const [seedError, setSeedError] = useState<string | null>(null);
  const onGenerate = () =>
    startGenerate(async () => {
      const r = await generate({ planId });
      if (r.ok) {
        setSeed(r.data.seed);
        setSeedError(null);
      } else setSeedError(r.error);
    });
  const message = state?.ok ? state.data.message : undefined;
  return (
    <form action={run} data-testid="draw-form">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="expectedLatestDrawId" value={latestDrawId} />
      <label htmlFor="seed">{t.seedLabel}</label>
      <div className={styles.seedRow}>
        <input id="seed" name="seed" value={seed} onChange={(e) => setSeed(e.target.value)} autoComplete="off" maxLength={200} required />
        <button type="button" className="secondary" onClick={onGenerate} disabled={generating || pending}>{t.generateSeed}</button>
      </div>
      <p className="muted">{t.seedHelp}</p>
      {state && !state.ok && <div className="alert error" role="alert">{state.fieldErrors?.seed?.join(" ") ?? state.error}</div>}
      {seedError && <div className="alert error" role="alert">{seedError}</div>}
      {message && <div className="alert success" role="status">{message}</div>}
      <p>
        <button type="submit" disabled={pending || seed.trim() === ""}>{pending ? t.drawing : redraw ? t.redraw : t.draw}</button>
      </p>
    </form>
  );
}
