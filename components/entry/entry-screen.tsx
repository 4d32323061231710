"use client";

import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { TEntryForm } from "@/lib/entry/lookup";
import { step, type TEntryCursor } from "@/lib/entry/keys";
import { digitsOf } from "@/lib/forms/code-input";
import { FORM_CODE_LENGTH } from "@/lib/forms/form-code";
import { entryText as t } from "@/lib/i18n/entry";
import { lookupForm, newAttemptKey, saveForm, type TRefusal } from "./entry-api";
import { ItemRow } from "./item-row";

/**
 * The clerk's entry screen, keyboard only: type or scan the code (the form opens by
 * itself at the 14th digit), one key per answer (lib/entry/keys.ts), Enter saves and the
 * cursor is back in the code field. Nothing typed is ever lost: a refused save leaves the
 * answers on screen, and a lost request is retried with the same key.
 */

type Cells = Record<string, string | undefined>;
type Msg = { kind: "error" | "ok" | "info"; text: string } | null;

export function EntryScreen() {
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState<"lookup" | "save" | null>(null);
  const [form, setForm] = useState<TEntryForm | null>(null);
  const [grid, setGrid] = useState<TEntryCursor>({ cells: {}, cursor: 0, sub: 0 });
  const { cells, cursor, sub } = grid;
  const [saved, setSaved] = useState<Cells | null>(null);
  const [msg, setMsg] = useState<Msg>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [canOpen, setCanOpen] = useState<string | null>(null);
  const [escArmed, setEscArmed] = useState(false);
  const [count, setCount] = useState(0);
  const attemptKey = useRef<string | null>(null);
  const inFlight = useRef(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const textRefs = useRef(new Map<string, HTMLInputElement>());
  const lastLookup = useRef("");
  // Keys typed while a code is being looked up (a fast scanner, a fast clerk): replayed on the form.
  const early = useRef<string[]>([]);

  const items = form?.questionnaire.items ?? [];
  const current = items[cursor];

  useEffect(() => {
    if (!form) codeRef.current?.focus();
    else if (current?.kind === "text") textRefs.current.get(current.code)?.focus();
    else gridRef.current?.focus();
    document.querySelector(`tr[data-item="${CSS.escape(current?.code ?? "")}"]`)?.scrollIntoView({ block: "nearest" });
  }, [form, current]);

  const refused = useCallback((r: TRefusal) => {
    setMsg({ kind: "error", text: r.error });
    setErrors(r.fieldErrors ?? {});
    setCanOpen(r.details?.alreadyEntered && r.details.code ? r.details.code : null);
  }, []);

  const open = useCallback(
    async (raw: string, openSaved: boolean, keep?: Cells) => {
      setBusy("lookup");
      setMsg({ kind: "info", text: t.screen.looking });
      const r = await lookupForm(raw, openSaved);
      setBusy(null);
      if (!r.ok) {
        early.current = [];
        if ("network" in r) setMsg({ kind: "error", text: t.screen.networkFailed });
        else refused(r);
        if (!keep) codeRef.current?.select();
        return;
      }
      const f = r.data;
      setForm(f);
      setCode(f.display);
      setCanOpen(null);
      setErrors({});
      setEscArmed(false);
      attemptKey.current = null;
      // After a conflict the clerk's own values stay; the saved ones are shown beside them.
      let g: TEntryCursor = { cells: keep ?? f.cells ?? {}, cursor: 0, sub: 0 };
      for (const k of early.current) g = step(f.questionnaire.items, g, k) ?? g;
      early.current = [];
      setGrid(g);
      setSaved(keep && f.cells ? f.cells : null);
      const mode = f.intent === "first" ? t.screen.modeFirst : f.intent === "second" ? t.screen.modeSecond : t.screen.modeCorrect;
      setMsg({ kind: "info", text: `${f.display} · ${mode}` });
    },
    [refused],
  );

  function reset(message: Msg) {
    setForm(null);
    setGrid({ cells: {}, cursor: 0, sub: 0 });
    setSaved(null);
    setCode("");
    setErrors({});
    setEscArmed(false);
    setCanOpen(null);
    attemptKey.current = null;
    lastLookup.current = "";
    setMsg(message);
  }

  async function save() {
    // A ref, not state: two Enter handlers in the same event must not both send.
    if (!form || busy || inFlight.current) return;
    const missing = items.findIndex((i) => i.kind !== "text" && cells[i.code] === undefined);
    if (missing >= 0) {
      const n = items.filter((i) => i.kind !== "text" && cells[i.code] === undefined).length;
      setMsg({ kind: "error", text: t.screen.incomplete(n, items[missing]?.code ?? "") });
      setGrid((g) => ({ ...g, cursor: missing, sub: 0 }));
      return;
    }
    const body = Object.fromEntries(items.map((i) => [i.code, cells[i.code] ?? ""]));
    attemptKey.current ??= newAttemptKey();
    inFlight.current = true;
    setBusy("save");
    setMsg({ kind: "info", text: t.screen.saving });
    const r = await saveForm({ code: form.code, intent: form.intent, version: form.version, key: attemptKey.current, cells: body }, () =>
      setMsg({ kind: "info", text: t.screen.networkRetry }),
    );
    setBusy(null);
    inFlight.current = false;
    if (r.ok) {
      setCount((c) => c + 1);
      reset({ kind: "ok", text: r.data.message });
      return;
    }
    if ("network" in r) {
      // Keep the key: pressing Enter again retries this same attempt.
      setMsg({ kind: "error", text: t.screen.networkFailed });
      return;
    }
    attemptKey.current = null;
    refused(r);
    const firstBad = items.findIndex((i) => r.fieldErrors?.[i.code]);
    if (firstBad >= 0) setGrid((g) => ({ ...g, cursor: firstBad, sub: 0 }));
  }

  function move(to: number) {
    setGrid((g) => ({ ...g, cursor: Math.max(0, Math.min(items.length, to)), sub: 0 }));
  }

  function common(e: KeyboardEvent): boolean {
    if (e.key === "Enter") {
      e.preventDefault();
      void save();
      return true;
    }
    if (e.key === "Escape") {
      e.preventDefault();
      const touched = Object.values(cells).some((c) => c !== undefined);
      if (touched && !escArmed && form?.intent !== "correct") {
        setEscArmed(true);
        setMsg({ kind: "error", text: t.screen.unsaved });
      } else reset(null);
      return true;
    }
    if (e.key === "F2" && canOpen && form) {
      e.preventDefault();
      void open(canOpen, true, cells);
      return true;
    }
    return false;
  }

  function onGridKey(e: KeyboardEvent<HTMLDivElement>) {
    // Keys typed in the comment box are handled there (onTextKey), not again here.
    if (e.target instanceof HTMLInputElement) return;
    if (!form || busy || common(e)) return;
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    const next = step(items, grid, e.key, e.shiftKey);
    if (!next) return;
    e.preventDefault();
    setEscArmed(false);
    setGrid(next);
  }

  function onTextKey(e: KeyboardEvent<HTMLInputElement>) {
    if (common(e)) return;
    if (e.key === "Tab" || e.key === "ArrowDown") return (e.preventDefault(), move(cursor + (e.shiftKey ? -1 : 1)));
    if (e.key === "ArrowUp") return (e.preventDefault(), move(cursor - 1));
  }

  function onCodeChange(value: string) {
    setCode(value);
    const digits = digitsOf(value);
    // Auto-open at the 14th digit of a typed code; a scanned address ends with Enter instead.
    if (!/[a-z:]/i.test(value) && digits.length === FORM_CODE_LENGTH && digits !== lastLookup.current) {
      lastLookup.current = digits;
      void open(value, false);
    }
  }

  function onCodeKey(e: KeyboardEvent<HTMLInputElement>) {
    if (busy === "lookup" && e.key.length === 1) {
      e.preventDefault();
      early.current.push(e.key);
      return;
    }
    if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      if (busy) return;
      if (canOpen && (e.key === "F2" || digitsOf(code).endsWith(canOpen.slice(-14)))) void open(canOpen, true);
      else if (code.trim() !== "") void open(code, false);
    }
  }

  const done = items.filter((i) => cells[i.code] !== undefined).length;
  return (
    <div className="entry">
      <div className="panel entry-head">
        <div className="entry-code">
          <label htmlFor="entry-code">{t.screen.codeLabel}</label>
          <input
            id="entry-code" ref={codeRef} className="code-input" value={code} autoComplete="off" inputMode="numeric" disabled={form !== null}
            onChange={(e) => onCodeChange(e.target.value)} onKeyDown={onCodeKey} aria-describedby="entry-msg entry-code-hint"
          />
          <div id="entry-code-hint" className="muted f-small">{t.screen.codeHint}</div>
        </div>
        <span className="muted f-small entry-count" data-testid="session-count">{t.screen.todayCount(count)}</span>
        <div id="entry-msg" role={msg?.kind === "error" ? "alert" : "status"} className={msg ? `alert ${msg.kind === "error" ? "error" : msg.kind === "ok" ? "success" : "info"}` : "alert-empty"}>
          {msg?.text}
        </div>
      </div>
      {form && (
        <div ref={gridRef} tabIndex={0} onKeyDown={onGridKey} className="entry-grid" data-testid="entry-grid" aria-label={t.screen.title}>
          <div className="entry-info">
            <strong className="mono">{form.display}</strong> · {form.unitName} · <span className="muted">{form.planTitle}</span>
            <span className={`badge ${form.intent === "second" ? "warn" : form.intent === "correct" ? "bad" : "ok"}`}>
              {form.intent === "first" ? t.screen.modeFirst : form.intent === "second" ? t.screen.modeSecond : t.screen.modeCorrect}
            </span>
            <span className="muted">{t.screen.progress(done, items.length)}</span>
          </div>
          <table className="entry-table">
            <thead>
              <tr><th className="num">#</th><th>Mã</th><th>{t.screen.itemColumn}</th><th>{t.screen.answerColumn}</th></tr>
            </thead>
            <tbody>
              {items.map((item, k) => (
                <ItemRow
                  key={item.code} item={item} number={k + 1} cell={cells[item.code]} active={k === cursor} sub={sub} errors={errors[item.code]}
                  saved={saved && (saved[item.code] ?? "") !== (cells[item.code] ?? "") ? (saved[item.code] ?? "") : undefined}
                  onText={(v) => setGrid((g) => ({ ...g, cells: { ...g.cells, [item.code]: v } }))} onTextKey={onTextKey}
                  ref={(el) => {
                    if (el) textRefs.current.set(item.code, el);
                  }}
                />
              ))}
            </tbody>
          </table>
          {cursor >= items.length && <p className="alert info">Đã nhập hết các câu. Nhấn Enter để lưu phiếu.</p>}
        </div>
      )}
    </div>
  );
}
