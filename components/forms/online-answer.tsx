"use client";

import { useMemo, useRef, useState } from "react";
import type { TClientQuestionnaire } from "@/lib/entry/questionnaire";
import type { TItem } from "@/lib/sipas/questionnaire";
import { SATISFACTION_SCALE } from "@/lib/sipas/questionnaire";
import { onlineText as t } from "@/lib/i18n/online";

/**
 * The questionnaire for a respondent on a phone: large tap targets, one question per
 * block, nothing about the person. A question left unanswered is sent as blank, after one
 * reminder. The submission key is made once per page, so a double tap or a retry after a
 * network error is recognised by the server as the same answer.
 */

type Cells = Record<string, string>;
const BLANK = "";

function key(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

function Single({ item, value, onChange }: { item: Extract<TItem, { kind: "satisfaction" | "assessment" | "respondent" }>; value: string | undefined; onChange: (v: string) => void }) {
  const options = item.kind === "satisfaction" ? SATISFACTION_SCALE : item.options;
  return (
    <fieldset>
      <legend className="q-text">{item.text}</legend>
      <div className={`q-options${item.kind === "satisfaction" ? " scale" : ""}`}>
        {options.map((o) => (
          <label key={o.code} className="q-option">
            <input type="radio" name={item.code} value={o.code} checked={value === o.code} onChange={() => onChange(o.code)} />
            <span>{item.kind === "satisfaction" ? <><strong>{o.code}</strong><br />{o.label}</> : o.label}</span>
          </label>
        ))}
      </div>
      <label className="q-blank">
        <input type="radio" name={item.code} value="" checked={value === BLANK} onChange={() => onChange(BLANK)} /> {t.blank}
      </label>
    </fieldset>
  );
}

function Multi({ item, value, onChange }: { item: Extract<TItem, { kind: "expectation" }>; value: string | undefined; onChange: (v: string) => void }) {
  const max = item.maxChoices ?? item.options.length;
  const chosen = new Set(value ? value.split(";") : []);
  const toggle = (code: string) => {
    const next = new Set(chosen);
    if (next.has(code)) next.delete(code);
    else if (next.size < max) next.add(code);
    onChange(item.options.map((o) => o.code).filter((c) => next.has(c)).join(";"));
  };
  return (
    <fieldset>
      <legend className="q-text">{item.text}</legend>
      <p className="muted f-small">{t.chooseUpTo(max)}</p>
      <div className="q-options">
        {item.options.map((o) => (
          <label key={o.code} className="q-option">
            <input type="checkbox" checked={chosen.has(o.code)} disabled={!chosen.has(o.code) && chosen.size >= max} onChange={() => toggle(o.code)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Rate3({ item, value, onChange }: { item: Extract<TItem, { kind: "expectation" }>; value: string | undefined; onChange: (v: string) => void }) {
  const levels = new Map((value ?? "").split(";").filter(Boolean).map((p) => p.split("=") as [string, string]));
  const set = (code: string, level: string) => {
    levels.set(code, level);
    onChange(item.options.filter((o) => levels.has(o.code)).map((o) => `${o.code}=${levels.get(o.code)}`).join(";"));
  };
  return (
    <fieldset>
      <legend className="q-text">{item.text}</legend>
      {item.options.map((o) => (
        <div key={o.code} style={{ marginBottom: ".5rem" }}>
          <div>{o.label}</div>
          <div className="q-options" style={{ gridTemplateColumns: "repeat(3, 1fr)" }}>
            {t.rate3.map((label, k) => (
              <label key={label} className="q-option">
                <input type="radio" name={`${item.code}-${o.code}`} checked={levels.get(o.code) === String(k + 1)} onChange={() => set(o.code, String(k + 1))} />
                <span>{label}</span>
              </label>
            ))}
          </div>
        </div>
      ))}
    </fieldset>
  );
}

export function OnlineAnswer({ code, questionnaire }: { code: string; questionnaire: TClientQuestionnaire }) {
  const [cells, setCells] = useState<Cells>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [state, setState] = useState<{ kind: "idle" | "sending" | "done" | "error"; message?: string }>({ kind: "idle" });
  const submitKey = useRef(key());
  const items = questionnaire.items;
  // The element title above the first satisfaction item of each element.
  const headings = useMemo(() => {
    const titles = new Map(questionnaire.elements.map((e) => [e.code, e.title]));
    const out = new Map<string, string>();
    let last: string | null = null;
    for (const item of questionnaire.items) {
      if (item.kind !== "satisfaction") continue;
      if (item.element && item.element !== last) out.set(item.code, titles.get(item.element) ?? item.element);
      last = item.element;
    }
    return out;
  }, [questionnaire]);
  const set = (c: string) => (v: string) => setCells((x) => ({ ...x, [c]: v }));

  async function submit() {
    const unanswered = items.filter((i) => i.kind !== "text" && i.kind !== "expectation" && cells[i.code] === undefined).map((i) => i.code);
    if (unanswered.length > 0 && missing.length === 0) {
      setMissing(unanswered);
      setState({ kind: "error", message: `${t.missing(unanswered.length)} Bấm “${t.submit}” lần nữa để gửi với các câu đó để trống.` });
      document.querySelector(`[data-q="${CSS.escape(unanswered[0] ?? "")}"]`)?.scrollIntoView({ block: "center" });
      return;
    }
    setState({ kind: "sending" });
    const body = { code, key: submitKey.current, cells: Object.fromEntries(items.map((i) => [i.code, cells[i.code] ?? BLANK])) };
    try {
      const res = await fetch("/api/public/answer", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      const json = (await res.json()) as { ok: boolean; data?: { message: string }; error?: string };
      setState(json.ok ? { kind: "done", message: json.data?.message ?? t.thanks } : { kind: "error", message: json.error });
    } catch {
      setState({ kind: "error", message: t.networkError });
    }
  }

  if (state.kind === "done") {
    return <div className="alert success" role="status" data-testid="online-done">{state.message}</div>;
  }
  return (
    <form onSubmit={(e) => (e.preventDefault(), void submit())} data-testid="online-form">
      {items.map((item) => {
        const heading = headings.get(item.code);
        return (
          <div key={item.code}>
            {heading && <h2 className="q-element">{heading}</h2>}
            <div className={`q-block${missing.includes(item.code) && cells[item.code] === undefined ? " missing" : ""}`} data-q={item.code}>
              {item.kind === "text" ? (
                <>
                  <label className="q-text" htmlFor={`q-${item.code}`}>{item.text}</label>
                  <textarea id={`q-${item.code}`} maxLength={item.maxLength} placeholder={t.textPlaceholder} value={cells[item.code] ?? ""} onChange={(e) => set(item.code)(e.target.value)} />
                </>
              ) : item.kind === "expectation" ? (
                item.mode === "choose" ? <Multi item={item} value={cells[item.code]} onChange={set(item.code)} /> : <Rate3 item={item} value={cells[item.code]} onChange={set(item.code)} />
              ) : (
                <Single item={item} value={cells[item.code]} onChange={set(item.code)} />
              )}
            </div>
          </div>
        );
      })}
      {state.kind === "error" && <div className="alert error" role="alert">{state.message}</div>}
      <div className="public-submit">
        <button type="submit" disabled={state.kind === "sending"}>{state.kind === "sending" ? t.submitting : t.submit}</button>
      </div>
    </form>
  );
}
