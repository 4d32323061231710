"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import type { ActionResult } from "@/lib/auth/guard";
import type { TScanOutcome } from "@/lib/forms/fieldwork";
import { digitsOf } from "@/lib/forms/code-input";
import { FORM_CODE_LENGTH, formatFormCode } from "@/lib/forms/form-code";
import { formsText } from "@/lib/i18n/forms";

type Target = keyof typeof formsText.targets;
type Scan = (input: { planId: number; code: string; to: Target; batchId?: number }) => Promise<ActionResult<TScanOutcome>>;
type Line = { id: number; kind: "moved" | "duplicate" | "unchanged" | "error"; text: string };

/**
 * Bulk state changes by scanning or typing codes one after another: each code is applied
 * at once (Enter, or the 14th digit) and the result is listed; the field is ready for the
 * next code.
 */
export function ScanPanel({ planId, batches, scan }: { planId: number; batches: { id: number; code: string }[]; scan: Scan }) {
  const [to, setTo] = useState<Target>("RETURNED");
  const [batchId, setBatchId] = useState<string>(batches[0] ? String(batches[0].id) : "");
  const [code, setCode] = useState("");
  const [lines, setLines] = useState<Line[]>([]);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  async function apply(value: string) {
    if (busy || value.trim() === "") return;
    setBusy(true);
    const r = await scan({ planId, code: value, to, batchId: to === "DISPATCHED" && batchId ? Number(batchId) : undefined });
    setBusy(false);
    const line: Line = r.ok ? { id: ++seq.current, kind: r.data.outcome, text: r.data.message } : { id: ++seq.current, kind: "error", text: `${formatFormCode(value.trim())}: ${r.error}` };
    setLines((l) => [line, ...l].slice(0, 300));
    setCode("");
    input.current?.focus();
  }

  function onChange(value: string) {
    setCode(value);
    if (!/[a-z:]/i.test(value) && digitsOf(value).length === FORM_CODE_LENGTH) void apply(value);
  }

  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "Enter") {
      e.preventDefault();
      void apply(code);
    }
  }

  const counts = lines.reduce<Record<string, number>>((a, l) => ({ ...a, [l.kind]: (a[l.kind] ?? 0) + 1 }), {});
  return (
    <div data-testid="scan-panel">
      <div className="row">
        <div>
          <label htmlFor="scan-to">Chuyển phiếu sang</label>
          <select id="scan-to" value={to} onChange={(e) => setTo(e.target.value as Target)}>
            {Object.entries(formsText.targets).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </select>
        </div>
        {to === "DISPATCHED" && (
          <div>
            <label htmlFor="scan-batch">Lô gửi</label>
            <select id="scan-batch" value={batchId} onChange={(e) => setBatchId(e.target.value)}>
              {batches.length === 0 && <option value="">(chưa có lô — hãy tạo lô trước)</option>}
              {batches.map((b) => <option key={b.id} value={b.id}>{b.code}</option>)}
            </select>
          </div>
        )}
        <div style={{ flex: 1 }}>
          <label htmlFor="scan-code">Mã phiếu (quét hoặc gõ, Enter)</label>
          <input id="scan-code" ref={input} className="code-input" value={code} autoComplete="off" inputMode="numeric" onChange={(e) => onChange(e.target.value)} onKeyDown={onKey} />
        </div>
      </div>
      <p className="muted f-small" role="status">
        Đã chuyển: {counts.moved ?? 0} · Phiếu trùng trực tuyến: {counts.duplicate ?? 0} · Không đổi: {counts.unchanged ?? 0} · Bị từ chối: {counts.error ?? 0}
      </p>
      <ol className="scan-log" reversed>
        {lines.map((l) => <li key={l.id} className={l.kind}>{l.text}</li>)}
      </ol>
    </div>
  );
}
