import type { DrawSummary } from "@/lib/draws/queries";
import { formatDateTime, formatInt } from "@/lib/i18n/format";
import { samplingText as t } from "@/lib/i18n/sampling";
import styles from "../frames/frames.module.css";

/** What a draw stored: seed, checksums, algorithm, who and when — for the sampling record. */
export function DrawInfo({ draw }: { draw: DrawSummary }) {
  return (
    <dl className={styles.dl} data-testid="draw-info">
      <dt>Trạng thái</dt>
      <dd><span className={`badge ${draw.status === "LOCKED" ? "ok" : draw.status === "DRAFT" ? "warn" : ""}`} data-testid="draw-status">{t.status[draw.status]}</span></dd>
      <dt>{t.seed}</dt><dd className="mono" data-testid="draw-seed">{draw.seed}</dd>
      <dt>{t.frameChecksum}</dt><dd className="mono">{draw.frameChecksum}</dd>
      <dt>{t.anonChecksum}</dt><dd className="mono" data-testid="anon-checksum">{draw.anonymisedFrameChecksum}</dd>
      <dt>{t.allocationChecksum}</dt><dd className="mono">{draw.allocationChecksum}</dd>
      <dt>{t.algorithm}</dt><dd className="mono">{draw.algorithmVersion}</dd>
      {draw.totals && (
        <>
          <dt>Quy mô</dt>
          <dd>N = {formatInt(draw.totals.N)} · mẫu chính {formatInt(draw.totals.n)} · dự phòng {formatInt(draw.totals.r)}</dd>
        </>
      )}
      <dt>{t.drawnAt}</dt><dd>{formatDateTime(draw.drawnAt)}{draw.drawnBy && ` — ${draw.drawnBy}`}</dd>
      {draw.lockedAt && (<><dt>{t.lockedAt}</dt><dd>{formatDateTime(draw.lockedAt)}</dd></>)}
    </dl>
  );
}

/** Every draw of the plan, so re-draws before the lock stay visible. */
export function DrawHistory({ draws }: { draws: DrawSummary[] }) {
  if (draws.length === 0) return null;
  return (
    <table data-testid="draw-history">
      <thead><tr><th>Lần</th><th>Trạng thái</th><th>{t.seed}</th><th>{t.drawnAt}</th><th className="num">Mẫu chính</th><th className="num">Dự phòng</th></tr></thead>
      <tbody>
        {draws.map((d) => (
          <tr key={d.id}>
            <td>#{d.id}</td>
            <td>{t.status[d.status]}</td>
            <td className="mono">{d.seed}</td>
            <td>{formatDateTime(d.drawnAt)}{d.drawnBy && ` — ${d.drawnBy}`}</td>
            <td className="num">{formatInt(d.totals?.n)}</td>
            <td className="num">{formatInt(d.totals?.r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
