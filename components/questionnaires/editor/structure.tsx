"use client";

import type { TAspect, TElement } from "@/lib/sipas/questionnaire";
import { questionnairesText } from "@/lib/i18n/questionnaires";
import s from "../questionnaires.module.css";
import { Errors } from "./item-card";
import { freshCode, move, removeAt, replaceAt, row, type Row } from "./model";

const t = questionnairesText.editor;

type ErrorsAt = (path: string) => string[] | undefined;

/** Aspects: optional grouping of elements (newer national forms). */
export function AspectsEditor({ aspects, errorsAt, onChange }: { aspects: Row<TAspect>[]; errorsAt: ErrorsAt; onChange: (rows: Row<TAspect>[]) => void }) {
  return (
    <section className={s.section}>
      <h2>{t.aspects}</h2>
      <p className={s.help}>{t.aspectsHelp}</p>
      {aspects.map((r, i) => (
        <div key={r.key}>
          <div className={s.row} style={{ gridTemplateColumns: "9rem 1fr auto" }}>
            <input aria-label={`${t.code} khía cạnh ${i + 1}`} value={r.value.code} onChange={(e) => onChange(replaceAt(aspects, i, { ...r, value: { ...r.value, code: e.target.value } }))} />
            <input aria-label={`${t.titleField} khía cạnh ${i + 1}`} value={r.value.title} onChange={(e) => onChange(replaceAt(aspects, i, { ...r, value: { ...r.value, title: e.target.value } }))} />
            <button type="button" className={`secondary ${s.small}`} onClick={() => onChange(removeAt(aspects, i))}>{t.remove}</button>
          </div>
          <Errors messages={errorsAt(`aspects.${i}.code`) ?? errorsAt(`aspects.${i}.title`)} />
        </div>
      ))}
      <button type="button" className={`secondary ${s.small}`} onClick={() => onChange([...aspects, row({ code: freshCode(aspects.map((a) => a.value.code), "KC"), title: "Khía cạnh mới" })])}>
        {t.addAspect}
      </button>
    </section>
  );
}

/** Elements (yếu tố): each satisfaction criterion belongs to one. */
export function ElementsEditor({ elements, aspects, errorsAt, onChange }: { elements: Row<TElement>[]; aspects: TAspect[]; errorsAt: ErrorsAt; onChange: (rows: Row<TElement>[]) => void }) {
  const set = (i: number, value: TElement) => onChange(replaceAt(elements, i, { key: elements[i]?.key ?? 0, value }));
  return (
    <section className={s.section}>
      <h2>{t.elements}</h2>
      <Errors messages={errorsAt("elements")} />
      {elements.map((r, i) => (
        <div key={r.key} data-testid={`element-${i}`}>
          <div className={s.row}>
            <input aria-label={`${t.code} yếu tố ${i + 1}`} value={r.value.code} onChange={(e) => set(i, { ...r.value, code: e.target.value })} />
            <input aria-label={`${t.titleField} yếu tố ${i + 1}`} value={r.value.title} onChange={(e) => set(i, { ...r.value, title: e.target.value })} />
            <select aria-label={`${t.aspect} yếu tố ${i + 1}`} value={r.value.aspect ?? ""} onChange={(e) => set(i, { ...r.value, aspect: e.target.value === "" ? null : e.target.value })}>
              <option value="">{t.noAspect}</option>
              {aspects.map((a) => <option key={a.code} value={a.code}>{a.code} — {a.title}</option>)}
            </select>
            <div className={s.buttons}>
              <button type="button" className={`secondary ${s.small}`} onClick={() => onChange(move(elements, i, i - 1))} disabled={i === 0} aria-label={`${t.up}: ${r.value.code}`}>↑</button>
              <button type="button" className={`secondary ${s.small}`} onClick={() => onChange(move(elements, i, i + 1))} disabled={i === elements.length - 1} aria-label={`${t.down}: ${r.value.code}`}>↓</button>
              <button type="button" className={`secondary ${s.small}`} onClick={() => onChange(removeAt(elements, i))}>{t.remove}</button>
            </div>
          </div>
          <Errors messages={[...(errorsAt(`elements.${i}.code`) ?? []), ...(errorsAt(`elements.${i}.title`) ?? []), ...(errorsAt(`elements.${i}.aspect`) ?? [])].filter(Boolean)} />
        </div>
      ))}
      <button
        type="button"
        className={`secondary ${s.small}`}
        onClick={() => onChange([...elements, row({ code: freshCode(elements.map((e) => e.value.code), "YT"), title: "Yếu tố mới", aspect: aspects[0]?.code ?? null })])}
      >
        {t.addElement}
      </button>
    </section>
  );
}
