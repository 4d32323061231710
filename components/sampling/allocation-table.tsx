import type { AllocationView, GroupTotal } from "@/lib/draws/preview";
import { formatInt } from "@/lib/i18n/format";
import { samplingText as t } from "@/lib/i18n/sampling";
import styles from "../frames/frames.module.css";

function Totals({ title, groups }: { title: string; groups: GroupTotal[] }) {
  return (
    <table>
      <thead>
        <tr><th>{title}</th><th className="num">Số tầng</th><th className="num">{t.col.raw}</th><th className="num">{t.col.N}</th><th className="num">{t.col.n}</th><th className="num">{t.col.r}</th></tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.name}>
            <td>{g.name}</td>
            <td className="num">{formatInt(g.strata)}</td>
            <td className="num">{formatInt(g.rawCount)}</td>
            <td className="num">{formatInt(g.N)}</td>
            <td className="num">{formatInt(g.n)}</td>
            <td className="num">{formatInt(g.r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The allocation per stratum (§5) with the totals per level, per block and overall. */
export function AllocationTable({ view }: { view: AllocationView }) {
  return (
    <>
      <p className="muted">
        {t.strataMode[view.strataMode]} · {t.reserveShare(view.reserveShare)}
      </p>
      {view.notes.map((n) => <div key={n} className="alert error">{n}</div>)}
      <div className={styles.scroll}>
        <table data-testid="allocation">
          <thead>
            <tr>
              <th>{t.col.stratum}</th><th>{t.col.unit}</th><th>{t.col.block}</th>
              <th className="num">{t.col.raw}</th><th className="num">{t.col.dup}</th><th className="num">{t.col.N}</th>
              <th className="num">{t.col.n}</th><th className="num">{t.col.r}</th><th>{t.col.rule}</th><th>{t.col.flags}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.code} data-testid={`stratum-${r.code}`}>
                <td className={styles.code}>{r.code}</td>
                <td>{r.unitName}</td>
                <td>{r.blockName}</td>
                <td className="num">{formatInt(r.rawCount)}</td>
                <td className="num">{formatInt(r.rawCount - r.N)}</td>
                <td className="num">{formatInt(r.N)}</td>
                <td className="num">{formatInt(r.n)}</td>
                <td className="num">{formatInt(r.r)}</td>
                <td>{r.rule}</td>
                <td>
                  {r.census && <span className="badge warn">{t.census}</span>} {r.raisedToMinimum && <span className="badge">{t.raised}</span>}{" "}
                  {r.N === 0 && <span className="badge">{t.empty}</span>}
                </td>
              </tr>
            ))}
            <tr className={styles.totalRow}>
              <td colSpan={3}>{t.total}</td>
              <td className="num">{formatInt(view.totals.rawCount)}</td>
              <td className="num">{formatInt(view.totals.rawCount - view.totals.N)}</td>
              <td className="num" data-testid="total-N">{formatInt(view.totals.N)}</td>
              <td className="num" data-testid="total-n">{formatInt(view.totals.n)}</td>
              <td className="num">{formatInt(view.totals.r)}</td>
              <td colSpan={2} />
            </tr>
          </tbody>
        </table>
      </div>
      <div className={styles.totals}>
        <Totals title={t.byLevel} groups={view.byLevel} />
        <Totals title={t.byBlock} groups={view.byBlock} />
      </div>
    </>
  );
}
