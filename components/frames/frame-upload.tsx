"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ColumnKey } from "@/lib/frames/columns";
import type { FileImportOutcome } from "@/lib/frames/import-file";
import type { ImportEvent } from "@/lib/frames/upload-stream";
import { framesText as t } from "@/lib/i18n/frames";
import { ColumnMapping } from "./column-mapping";
import { postForEvents, uploadWithProgress } from "./import-events";
import { ProblemTable } from "./problem-table";
import styles from "./frames.module.css";

type Unit = { id: number; code: string; name: string };
type Status =
  | { kind: "idle" }
  | { kind: "uploading"; pct: number }
  | { kind: "reading"; rows: number; pct: number | null }
  | { kind: "committing"; rows: number }
  | { kind: "done"; token: string; outcome: FileImportOutcome }
  | { kind: "error"; error: string };

/**
 * Upload of a frame file: the file goes to the server as a stream with its upload
 * progress; then rows read and checked are shown as the server reports them; the result is
 * a summary, every problem (first rows on screen, all in the Excel report), or the column
 * mapping step when the headers differ from the template.
 */
export function FrameUpload({ planId, units }: { planId: number; units: Unit[] }) {
  const router = useRouter();
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [scope, setScope] = useState<"all" | "unit">("all");
  const [unitId, setUnitId] = useState<string>("");
  const busy = status.kind === "uploading" || status.kind === "reading" || status.kind === "committing";

  const onEvent = (e: ImportEvent) => {
    if (e.type === "saved") setStatus({ kind: "reading", rows: 0, pct: 0 });
    else if (e.type === "progress" && e.phase === "reading") {
      setStatus({ kind: "reading", rows: e.rows, pct: e.totalBytes > 0 ? Math.min(100, Math.round((e.bytesRead / e.totalBytes) * 100)) : null });
    } else if (e.type === "progress") setStatus({ kind: "committing", rows: e.rows });
    else if (e.type === "result") {
      setStatus({ kind: "done", token: e.token, outcome: e.outcome });
      if (e.outcome.status === "committed") router.refresh();
    } else if (e.type === "error") setStatus({ kind: "error", error: e.error });
  };

  async function onSubmit(ev: FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    const file = (new FormData(ev.currentTarget).get("file") as File | null) ?? null;
    if (!file || file.size === 0) return setStatus({ kind: "error", error: t.chooseFile });
    if (scope === "unit" && !unitId) return setStatus({ kind: "error", error: t.chooseUnit });
    setStatus({ kind: "uploading", pct: 0 });
    const q = new URLSearchParams({ name: file.name, ...(scope === "unit" ? { unit: unitId } : {}) });
    await uploadWithProgress(`/api/plans/${planId}/frames/upload?${q}`, file, {
      upload: (pct) => setStatus((s) => (s.kind === "uploading" ? { kind: "uploading", pct } : s)),
      event: onEvent,
    });
  }

  async function onMapping(token: string, mapping: Record<string, ColumnKey>) {
    setStatus({ kind: "reading", rows: 0, pct: 0 });
    await postForEvents(`/api/plans/${planId}/frames/import`, { token, unitId: scope === "unit" && unitId ? Number(unitId) : null, mapping }, onEvent);
  }

  const outcome = status.kind === "done" ? status.outcome : null;
  return (
    <div className="panel" data-testid="frame-upload">
      <form onSubmit={onSubmit}>
        <fieldset className={styles.scope} disabled={busy}>
          <legend>{t.scopeLabel}</legend>
          <label className={styles.choice}>
            <input type="radio" name="scope" value="all" checked={scope === "all"} onChange={() => setScope("all")} /> {t.scopeAll}
          </label>
          <label className={styles.choice}>
            <input type="radio" name="scope" value="unit" checked={scope === "unit"} onChange={() => setScope("unit")} /> {t.scopeUnit}
          </label>
          {scope === "unit" && (
            <>
              <label htmlFor="frame-unit">{t.unitLabel}</label>
              <select id="frame-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
                <option value="">—</option>
                {units.map((u) => <option key={u.id} value={u.id}>{u.code} — {u.name}</option>)}
              </select>
            </>
          )}
        </fieldset>
        <label htmlFor="frame-file">{t.fileLabel}</label>
        <input id="frame-file" name="file" type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={busy} />
        <p>
          <button type="submit" disabled={busy}>{t.upload}</button>
        </p>
      </form>
      <Progress status={status} />
      {status.kind === "error" && <div className="alert error" role="alert">{status.error}</div>}
      {outcome?.status === "failed" && <div className="alert error" role="alert">{outcome.error}</div>}
      {outcome?.status === "committed" && (
        <div className="alert success" role="status">
          {t.committed(outcome.rowCount, outcome.units)}
          {outcome.replacedRecords > 0 && <> {t.replaced(outcome.replacedRecords)}</>}
          {outcome.supersededDraws > 0 && <> {t.draftSuperseded}</>}
          {outcome.duplicateRecords > 0 && <div>{t.duplicates(outcome.duplicateRecords)}</div>}
          {outcome.notices.map((n) => <div key={n}>{n}</div>)}
        </div>
      )}
      {outcome?.status === "rejected" && status.kind === "done" && (
        <>
          <div className="alert error" role="alert">
            {t.rejected(outcome.problemCount)}{" "}
            {outcome.report && <a href={`/api/plans/${planId}/frames/report?token=${status.token}`}>{t.downloadErrors}</a>}
          </div>
          {outcome.notices.map((n) => <p key={n} className="muted">{n}</p>)}
          <ProblemTable problems={outcome.problems} />
          {outcome.problemCount > outcome.problems.length && <p className="muted">{t.shownFirst(outcome.problems.length, outcome.problemCount)}</p>}
        </>
      )}
      {outcome?.status === "mapping" && status.kind === "done" && (
        <ColumnMapping headers={outcome.headers} proposed={outcome.proposed} problems={outcome.problems} onSubmit={(m) => onMapping(status.token, m)} />
      )}
    </div>
  );
}

function Progress({ status }: { status: Status }) {
  const line =
    status.kind === "uploading" ? { text: t.uploading(status.pct), pct: status.pct }
    : status.kind === "reading" ? { text: t.reading(status.rows, status.pct), pct: status.pct }
    : status.kind === "committing" ? { text: t.committing, pct: 100 }
    : null;
  if (!line) return null;
  return (
    <div className={styles.progress} role="status" aria-live="polite">
      <div>{line.text}</div>
      <progress max={100} value={line.pct ?? undefined} />
    </div>
  );
}
