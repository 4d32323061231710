import { resultsText as t } from "@/lib/i18n/results";
import { ciText, pct } from "@/lib/results/display";
import type { GroupJson, IndicesJson } from "@/lib/results/snapshot";
import s from "./results.module.css";

/** The province and each level and block: the mean of eligible units (as published) and the weighted estimate. */
export function GroupsTable({ indices }: { indices: IndicesJson }) {
  const order = { province: 0, level: 1, block: 2 } as const;
  const groups = (Object.entries(indices.groups) as [string, GroupJson][]).sort(
    ([, a], [, b]) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name, "vi"),
  );
  return (
    <div className={s.tableWrap}>
      <table data-testid="groups-table">
        <thead>
          <tr>
            <th>{t.col.kind}</th>
            <th>{t.col.group}</th>
            <th className="num">{t.col.unitsEligible}</th>
            <th className="num">{t.col.meanIndex}</th>
            <th className="num">{t.col.ci}</th>
            <th className="num">{t.col.weightedIndex}</th>
            <th className="num">{t.col.ci}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map(([key, g]) => (
            <tr key={key}>
              <td>{t.groupKinds[g.kind]}</td>
              <td>{g.name}</td>
              <td className="num">{g.units}/{g.units_total}</td>
              <td className="num">{g.index === null ? <span className="badge warn">{t.notEligible}</span> : <strong>{pct(g.index)}</strong>}</td>
              <td className="num">{ciText(g.ci_low, g.ci_high)}</td>
              <td className="num">{pct(g.weighted.sipas.index)}</td>
              <td className="num">{ciText(g.weighted.sipas.ci_low, g.weighted.sipas.ci_high)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The province's headline figures. */
export function ProvinceCards({ indices }: { indices: IndicesJson }) {
  const p = indices.groups.province;
  const w = indices.province_weighted.sipas;
  return (
    <div className={s.cards}>
      <div className={s.card} data-testid="province-index">
        <div className={s.label}>{t.provinceIndex}</div>
        <div className={s.big}>{p?.index == null ? t.notEligible : pct(p.index)}</div>
        <div className={s.small}>{t.col.ci}: {ciText(p?.ci_low, p?.ci_high)}</div>
        <div className={`${s.muted} ${s.small}`}>{t.provinceHelp(p?.units ?? 0, p?.units_total ?? 0)}</div>
      </div>
      <div className={s.card}>
        <div className={s.label}>{t.weighted}</div>
        <div className={s.big} style={{ color: "var(--ink)" }}>{pct(w.index)}</div>
        <div className={s.small}>{t.col.ci}: {ciText(w.ci_low, w.ci_high)}</div>
        <div className={`${s.muted} ${s.small}`}>{indices.totals.valid_forms} phiếu hợp lệ, {indices.province_weighted.strata} tầng</div>
      </div>
    </div>
  );
}
