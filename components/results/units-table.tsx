import Link from "next/link";
import { resultsText as t } from "@/lib/i18n/results";
import { formatNumber } from "@/lib/i18n/format";
import { ciText, pct } from "@/lib/results/display";
import type { IndicesJson, UnitJson } from "@/lib/results/snapshot";
import s from "./results.module.css";

type Entry = [string, UnitJson];

/** Ranked first (by rank), then the units not eligible to be ranked (by code). */
export function orderedUnits(indices: IndicesJson): Entry[] {
  return Object.entries(indices.units).sort(([ca, a], [cb, b]) => {
    const ra = a.rank ?? Number.POSITIVE_INFINITY;
    const rb = b.rank ?? Number.POSITIVE_INFINITY;
    // Infinity − Infinity is NaN, which is falsy: unranked units fall through to code order.
    return ra - rb || (ca < cb ? -1 : ca > cb ? 1 : 0);
  });
}

function pValue(p: number): string {
  return p < 0.001 ? `p < ${formatNumber(0.001, 3)}` : `p = ${formatNumber(p, 3)}`;
}

/**
 * The units of a snapshot: rank (≈ marks a gap to the next unit that is not significant at
 * 5%), SIPAS with its 95% interval, and, for a unit below the minimum of valid forms,
 * "Chưa đủ dữ liệu" instead of a figure.
 */
export function UnitsTable({ indices, unitHref }: { indices: IndicesJson; unitHref: ((code: string) => string) | null }) {
  const ranking = new Map(indices.ranking.map((r) => [r.unit_code, r]));
  return (
    <div className={s.tableWrap}>
      <table className={s.units} data-testid="units-table">
        <thead>
          <tr>
            <th className="num">{t.col.rank}</th>
            <th>{t.col.unit}</th>
            <th>{t.col.levelBlock}</th>
            <th className="num">{t.col.forms}</th>
            <th className="num">{t.col.sipas}</th>
            <th className="num">{t.col.ci}</th>
            <th>{t.col.vsNext}</th>
          </tr>
        </thead>
        <tbody>
          {orderedUnits(indices).map(([code, u]) => {
            const r = ranking.get(code);
            const approx = r && r.significantly_above_next === false;
            return (
              <tr key={code} data-testid={`unit-row-${code}`}>
                <td className="num">
                  {u.rank ?? "—"}
                  {approx && <span className={s.approx} title={r.tied_with_next ? t.tieNext : t.notSignificant}>≈</span>}
                </td>
                <td className={s.name}>
                  {unitHref ? <Link href={unitHref(code)}>{u.name}</Link> : u.name}
                  <div className={`${s.muted} ${s.small}`}>{code}</div>
                </td>
                <td>
                  {u.level}
                  <div className={`${s.muted} ${s.small}`}>{u.block}</div>
                </td>
                <td className="num">{u.forms}</td>
                {u.eligible ? (
                  <>
                    <td className="num"><strong>{pct(u.sipas.index)}</strong></td>
                    <td className="num" data-testid="unit-ci">{ciText(u.sipas.ci_low, u.sipas.ci_high)}</td>
                  </>
                ) : (
                  <td colSpan={2}>
                    <span className="badge warn">{t.notEligible}</span>
                    <div className={`${s.muted} ${s.small}`}>{t.notEligibleHelp(u.forms, indices.min_valid)}</div>
                  </td>
                )}
                <td className={`${s.small} ${s.next}`}>
                  {!r || r.significantly_above_next === null ? "" : r.tied_with_next ? t.tieNext : r.significantly_above_next ? t.significant : t.notSignificant}
                  {r?.p_value_to_next != null && !r.tied_with_next && <span className={s.muted}> ({pValue(r.p_value_to_next)})</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className={`${s.muted} ${s.small}`}>{t.rankHelp}</p>
    </div>
  );
}
