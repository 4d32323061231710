import type { TItem, TQuestionnaire } from "@/lib/sipas/questionnaire";
import { SATISFACTION_SCALE } from "@/lib/sipas/questionnaire";
import { questionnairesText as t } from "@/lib/i18n/questionnaires";
import s from "./questionnaires.module.css";

/**
 * The questionnaire as a respondent sees it on paper: the satisfaction table grouped by
 * aspect and element, then the other questions with their tick boxes. Codes are shown
 * small beside each question for the people who edit the form. Server-safe, no state.
 */
export function QuestionnairePreview({ q }: { q: TQuestionnaire }) {
  const satisfaction = q.items.filter((i): i is Extract<TItem, { kind: "satisfaction" }> => i.kind === "satisfaction");
  const others = q.items.filter((i) => i.kind !== "satisfaction");
  const groups = q.aspects.length > 0 ? q.aspects.map((a) => ({ aspect: a, elements: q.elements.filter((e) => e.aspect === a.code) })) : [{ aspect: null, elements: q.elements }];
  const standalone = satisfaction.filter((i) => i.element === null);
  return (
    <article className={s.sheet} data-testid="questionnaire-preview">
      <h2>{q.title}</h2>
      {q.instructions && <p className={s.instructions}>{q.instructions}</p>}
      <table className={s.grid}>
        <thead>
          <tr>
            <th>{t.previewText.satisfactionHead}</th>
            {SATISFACTION_SCALE.map((x) => (
              <th key={x.code} title={x.label}>
                {x.code}
                <br />
                <small>{x.label}</small>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map(({ aspect, elements }) => (
            <PreviewGroup key={aspect?.code ?? "-"} aspect={aspect} elements={elements} items={satisfaction} />
          ))}
          {standalone.length > 0 && (
            <>
              <tr className={s.element}><td colSpan={6}>{t.previewText.standalone}</td></tr>
              {standalone.map((i) => <SatisfactionRow key={i.code} item={i} />)}
            </>
          )}
        </tbody>
      </table>
      {others.map((item) => <OtherItem key={item.code} item={item} />)}
    </article>
  );
}

function PreviewGroup({ aspect, elements, items }: { aspect: { code: string; title: string } | null; elements: TQuestionnaire["elements"]; items: Extract<TItem, { kind: "satisfaction" }>[] }) {
  return (
    <>
      {aspect && <tr className={s.aspect}><td colSpan={6}><span className={s.code}>{aspect.code}</span>{aspect.title}</td></tr>}
      {elements.map((e) => (
        <PreviewElement key={e.code} element={e} items={items.filter((i) => i.element === e.code)} />
      ))}
    </>
  );
}

function PreviewElement({ element, items }: { element: { code: string; title: string }; items: Extract<TItem, { kind: "satisfaction" }>[] }) {
  return (
    <>
      <tr className={s.element}><td colSpan={6}><span className={s.code}>{element.code}</span>{element.title}</td></tr>
      {items.map((i) => <SatisfactionRow key={i.code} item={i} />)}
    </>
  );
}

function SatisfactionRow({ item }: { item: TItem }) {
  return (
    <tr>
      <td><span className={s.code}>{item.code}</span>{item.text}</td>
      {SATISFACTION_SCALE.map((x) => <td key={x.code} className={s.box}>☐</td>)}
    </tr>
  );
}

function OtherItem({ item }: { item: TItem }) {
  if (item.kind === "satisfaction") return null;
  const hint = item.kind === "expectation" ? (item.mode === "choose" ? ` (${t.previewText.chooseUpTo(item.maxChoices ?? item.options.length)})` : ` (${t.previewText.rateLevels})`) : "";
  return (
    <section>
      <p className={s.question}><span className={s.code}>{item.code}</span>{item.text}{hint}</p>
      {item.kind === "text" ? (
        <div className={s.comment}>{t.previewText.commentBox}</div>
      ) : (
        <div className={s.options}>
          {item.options.map((o) => <span key={o.code}>{o.code}. {o.label}</span>)}
        </div>
      )}
    </section>
  );
}
