import type { ReactNode } from "react";
import type { TProgressRow } from "@/lib/forms/progress";
import { progressSegments } from "@/lib/forms/progress";
import { formatInt, formatNumber } from "@/lib/i18n/format";
import { formsText } from "@/lib/i18n/forms";

const t = formsText.progress;
const pct = (r: number | null) => (r === null ? "—" : `${formatNumber(r * 100, 1)} %`);

function Bar({ row }: { row: TProgressRow }) {
  const segments = progressSegments(row);
  const title = segments.filter((s) => s.count > 0).map((s) => `${t.legend.find(([k]) => k === s.key)?.[1]}: ${formatInt(s.count)}`).join(" · ");
  return (
    <div className="progress-bar" title={title} role="img" aria-label={title}>
      {segments.map((s) => (s.count > 0 ? <span key={s.key} className={`seg-${s.key}`} style={{ width: `${s.share * 100}%` }} /> : null))}
    </div>
  );
}

/**
 * Progress per unit and for the whole plan: sampled, issued, returned, entered, verified,
 * return rate, replacements, with a bar per unit. `actions` (by unit id) adds a last column (ADMIN).
 */
export function ProgressView({ units, total, actions }: { units: TProgressRow[]; total: TProgressRow; actions?: ReadonlyMap<number, ReactNode> }) {
  if (units.length === 0) return <p className="panel">{t.noForms}</p>;
  const stats: [string, string][] = [
    [t.sampled, formatInt(total.sampled)],
    [t.issued, formatInt(total.issued)],
    [t.returned, formatInt(total.returned)],
    [t.entered, formatInt(total.entered)],
    [t.verified, formatInt(total.verified)],
    [t.returnRate, pct(total.returnRate)],
    [t.replacements, formatInt(total.replacements)],
    [t.awaitingEntry, formatInt(total.awaitingEntry)],
    [t.awaitingSecond, formatInt(total.awaitingSecond)],
    [t.openDifferences, formatInt(total.openDifferences)],
    [t.online, formatInt(total.online)],
    [t.duplicates, formatInt(total.duplicates)],
  ];
  return (
    <>
      <div className="stats-row" data-testid="progress-total">
        {stats.map(([label, value]) => (
          <div key={label} className="panel">
            <div className="muted f-small">{label}</div>
            <div className="stat">{value}</div>
          </div>
        ))}
      </div>
      <div className="f-legend">
        {t.legend.map(([key, label]) => (
          <span key={key}><i className={`seg-${key}`} />{label}</span>
        ))}
      </div>
      <table data-testid="progress-units">
        <thead>
          <tr>
            <th>{t.unit}</th><th className="num">{t.sampled}</th><th className="num">{t.issued}</th><th className="num">{t.returned}</th>
            <th className="num">{t.entered}</th><th className="num">{t.verified}</th><th className="num">{t.returnRate}</th>
            <th className="num">{t.replacements}</th><th>{t.bar}</th>{actions && <th />}
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.unitId}>
              <td>{u.unitName} <span className="muted f-small">{u.unitCode}</span></td>
              <td className="num">{formatInt(u.sampled)}</td>
              <td className="num">{formatInt(u.issued)}</td>
              <td className="num">{formatInt(u.returned)}</td>
              <td className="num">{formatInt(u.entered)}</td>
              <td className="num">{formatInt(u.verified)}</td>
              <td className="num">{pct(u.returnRate)}</td>
              <td className="num">{formatInt(u.replacements)}</td>
              <td style={{ minWidth: 180 }}><Bar row={u} /></td>
              {actions && <td>{actions.get(u.unitId)}</td>}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>{t.total}</th><th className="num">{formatInt(total.sampled)}</th><th className="num">{formatInt(total.issued)}</th>
            <th className="num">{formatInt(total.returned)}</th><th className="num">{formatInt(total.entered)}</th><th className="num">{formatInt(total.verified)}</th>
            <th className="num">{pct(total.returnRate)}</th><th className="num">{formatInt(total.replacements)}</th><th><Bar row={total} /></th>{actions && <th />}
          </tr>
        </tfoot>
      </table>
    </>
  );
}
