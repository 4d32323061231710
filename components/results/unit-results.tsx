import { resultsText as t } from "@/lib/i18n/results";
import { ciText, pct } from "@/lib/results/display";
import type { SnapshotLabels, UnitJson } from "@/lib/results/snapshot";
import { IntervalChart } from "./interval-chart";
import s from "./results.module.css";

type Props = { code: string; unit: UnitJson; labels: SnapshotLabels; minValid: number; ranked: number };

/** One unit of a snapshot: SIPAS, elements (and aspects), every criterion, and the choice items. */
export function UnitResults({ code, unit, labels, minValid, ranked }: Props) {
  const elementTitle = new Map(labels.elements.map((e) => [e.code, e.title]));
  const criterionLabel = new Map(labels.criteria.map((c) => [c.code, c]));
  const criteria = new Map(unit.criteria.map((c) => [c.code, c]));
  const standalone = labels.criteria.filter((c) => c.element === null);
  return (
    <>
      {!unit.eligible && (
        <div className="alert error" role="status" data-testid="provisional">
          <strong>{t.notEligible}</strong> ({t.notEligibleHelp(unit.forms, minValid)}). {t.provisional}
        </div>
      )}
      <div className={s.cards}>
        <div className={s.card} data-testid="unit-sipas">
          <div className={s.label}>SIPAS</div>
          <div className={s.big}>{unit.eligible ? pct(unit.sipas.index) : t.notEligible}</div>
          <div className={s.small}>{t.col.ci}: {ciText(unit.sipas.ci_low, unit.sipas.ci_high)}</div>
          {!unit.eligible && unit.sipas.index !== null && <div className={`${s.muted} ${s.small}`}>Tham khảo: {pct(unit.sipas.index)}</div>}
        </div>
        <div className={s.card}>
          <div className={s.label}>{t.unitPage.rankLabel}</div>
          <div className={s.big} style={{ color: "var(--ink)" }}>{unit.rank === null ? "—" : `${unit.rank}/${ranked}`}</div>
          <div className={`${s.muted} ${s.small}`}>{unit.level} · {unit.block} · {code}</div>
        </div>
        <div className={s.card}>
          <div className={s.label}>{t.col.forms}</div>
          <div className={s.big} style={{ color: "var(--ink)" }}>{unit.forms}</div>
          <div className={`${s.muted} ${s.small}`}>{t.col.excluded}: {unit.excluded_forms} · {t.col.se}: {pct(unit.sipas.se)} · {t.col.df}: {unit.df}</div>
          {unit.lonely_strata.length > 0 && <div className={`${s.muted} ${s.small}`}>{t.unitPage.lonely(unit.lonely_strata.join(", "))}</div>}
        </div>
      </div>

      {unit.aspects.length > 0 && (
        <>
          <h2>{t.unitPage.aspects}</h2>
          <table>
            <thead><tr><th>{t.col.aspect}</th><th className="num">{t.col.index}</th><th className="num">{t.col.ci}</th></tr></thead>
            <tbody>
              {unit.aspects.map((a) => (
                <tr key={a.code}><td>{a.code} — {labels.aspects.find((x) => x.code === a.code)?.title}</td><td className="num">{pct(a.index)}</td><td className="num">{ciText(a.ci_low, a.ci_high)}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h2>{t.unitPage.elements}</h2>
      <IntervalChart
        testId="elements-chart"
        labelWidth={300}
        rows={unit.elements.filter((e) => e.index !== null).map((e) => ({ code: e.code, label: `${e.code}. ${elementTitle.get(e.code) ?? ""}`, index: e.index ?? 0, low: e.ci_low, high: e.ci_high }))}
      />
      <table data-testid="elements-table">
        <thead>
          <tr><th>{t.col.element}</th><th className="num">{t.col.index}</th><th className="num">{t.col.se}</th><th className="num">{t.col.ci}</th><th className="num">{t.col.partsUsed}</th></tr>
        </thead>
        <tbody>
          {unit.elements.map((e) => (
            <tr key={e.code}><td>{e.code} — {elementTitle.get(e.code)}</td><td className="num"><strong>{pct(e.index)}</strong></td><td className="num">{pct(e.se)}</td><td className="num">{ciText(e.ci_low, e.ci_high)}</td><td className="num">{e.parts_used}</td></tr>
          ))}
        </tbody>
      </table>

      <h2>{t.unitPage.criteria}</h2>
      <div className={s.tableWrap}>
        <table data-testid="criteria-table">
          <thead>
            <tr><th>{t.col.criterion}</th><th>{t.col.criterionText}</th><th className="num">{t.col.valid}</th><th className="num">{t.col.satisfied}</th><th className="num">{t.col.index}</th><th className="num">{t.col.ci}</th></tr>
          </thead>
          <tbody>
            {[...labels.elements.map((e) => ({ key: e.code, title: `${e.code} — ${e.title}`, codes: labels.criteria.filter((c) => c.element === e.code) })), { key: "-", title: t.unitPage.standalone, codes: standalone }]
              .filter((g) => g.codes.length > 0)
              .map((g) => [
                <tr key={`h-${g.key}`} className={s.elementRow}><td colSpan={6}>{g.title}</td></tr>,
                ...g.codes.map((c) => {
                  const x = criteria.get(c.code);
                  return (
                    <tr key={c.code}>
                      <td className="mono">{c.code}</td>
                      <td>{criterionLabel.get(c.code)?.text}</td>
                      <td className="num">{x?.n_valid ?? 0}</td>
                      <td className="num">{x?.n_hits ?? 0}</td>
                      <td className="num">{pct(x?.index)}</td>
                      <td className="num">{ciText(x?.ci_low, x?.ci_high)}</td>
                    </tr>
                  );
                }),
              ])}
          </tbody>
        </table>
      </div>

      {labels.choices.length > 0 && (
        <>
          <h2>{t.unitPage.choices}</h2>
          <p className={`${s.muted} ${s.small}`}>{t.unitPage.choicesHelp}</p>
          {labels.choices.map((item) => {
            const shares = unit.choices[item.code]?.options ?? [];
            return (
              <details key={item.code} className="panel">
                <summary><strong>{item.code}.</strong> {item.text}</summary>
                <table>
                  <thead><tr><th>{t.col.option}</th><th className="num">{t.col.chosen}</th><th className="num">{t.col.valid}</th><th className="num">{t.col.share}</th><th className="num">{t.col.ci}</th></tr></thead>
                  <tbody>
                    {item.options.map((o) => {
                      const x = shares.find((sh) => sh.code === o.code);
                      return (
                        <tr key={o.code}><td>{o.code}. {o.label}</td><td className="num">{x?.n_hits ?? 0}</td><td className="num">{x?.n_valid ?? 0}</td><td className="num">{pct(x?.index)}</td><td className="num">{ciText(x?.ci_low, x?.ci_high)}</td></tr>
                      );
                    })}
                  </tbody>
                </table>
              </details>
            );
          })}
        </>
      )}
    </>
  );
}
