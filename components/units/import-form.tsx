"use client";

import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/auth/guard";
import type { ImportOutcome } from "@/lib/units/import";
import { unitsText } from "@/lib/i18n/units";

const M = unitsText.import;

type Props = { action: (fd: FormData) => Promise<ActionResult<ImportOutcome>> };

/** Upload, check, and either a summary of what was written or every problem with a downloadable report. */
export function ImportForm({ action }: Props) {
  const [result, setResult] = useState<ActionResult<ImportOutcome> | null>(null);
  const [pending, start] = useTransition();
  const [reportUrl, setReportUrl] = useState<string | null>(null);

  const urlRef = useRef<string | null>(null);
  useEffect(() => () => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
  }, []);

  function show(r: ActionResult<ImportOutcome>) {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = null;
    if (r.ok && !r.data.ok) {
      const bytes = Uint8Array.from(atob(r.data.report), (c) => c.charCodeAt(0));
      urlRef.current = URL.createObjectURL(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    }
    setReportUrl(urlRef.current);
    setResult(r);
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    start(async () => show(await action(fd)));
  }
  const outcome = result?.ok ? result.data : null;
  return (
    <form onSubmit={onSubmit} data-testid="import-units">
      <label htmlFor="file">{M.file}</label>
      <input id="file" name="file" type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" required />
      <p>
        <button type="submit" disabled={pending}>{pending ? "Đang kiểm tra…" : M.submit}</button>
      </p>
      {result && !result.ok && (
        <div className="alert error" role="alert">
          {result.fieldErrors?.file?.[0] ?? result.error}
        </div>
      )}
      {outcome?.ok && (
        <div className="alert success" role="status">
          {outcome.message}
          {outcome.notices.length > 0 && (
            <ul style={{ margin: ".4rem 0 0", paddingLeft: "1.2rem" }}>
              {outcome.notices.map((n) => <li key={n}>{n}</li>)}
            </ul>
          )}
        </div>
      )}
      {outcome && !outcome.ok && (
        <>
          <div className="alert error" role="alert">
            {outcome.message}{" "}
            {reportUrl && (
              <a href={reportUrl} download="bang-loi-danh-muc-don-vi.xlsx">
                {M.downloadErrors}
              </a>
            )}
          </div>
          <table data-testid="import-problems">
            <thead>
              <tr><th className="num">Dòng</th><th>Cột</th><th>Giá trị</th><th>Lý do</th></tr>
            </thead>
            <tbody>
              {outcome.problems.map((p, i) => (
                <tr key={`${p.row}-${p.column}-${i}`}>
                  <td className="num">{p.row || "—"}</td>
                  <td>{p.column}</td>
                  <td className="mono">{p.value}</td>
                  <td>{p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {outcome.total > outcome.problems.length && (
            <p className="muted">Đang hiển thị {outcome.problems.length} / {outcome.total} lỗi; bảng lỗi tải về có đủ tất cả.</p>
          )}
        </>
      )}
    </form>
  );
}
