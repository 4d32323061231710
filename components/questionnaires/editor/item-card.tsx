"use client";

import type { TElement, TItem, TOption } from "@/lib/sipas/questionnaire";
import { itemKindLabels, questionnairesText } from "@/lib/i18n/questionnaires";
import s from "../questionnaires.module.css";
import { changeKind, removeAt, replaceAt } from "./model";

const t = questionnairesText.editor;
const KINDS = Object.keys(itemKindLabels) as TItem["kind"][];

export function Errors({ messages }: { messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return <div className={s.err} role="alert">{messages.join(" ")}</div>;
}

type Props = {
  item: TItem;
  index: number;
  count: number;
  elements: TElement[];
  errorsAt: (path: string) => string[] | undefined;
  hasErrors: boolean;
  onChange: (item: TItem) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
};

/** One question of the draft: code, kind, wording and what its kind needs. */
export function ItemCard({ item, index, count, elements, errorsAt, hasErrors, onChange, onMove, onRemove }: Props) {
  const id = `item-${index}`;
  const at = (field: string) => errorsAt(`items.${index}.${field}`);
  return (
    <div className={`${s.card} ${hasErrors ? s.bad : ""}`} data-testid={`item-${index}`}>
      <div className={s.cardHead}>
        <div>
          <label htmlFor={`${id}-code`}>{t.code}</label>
          <input id={`${id}-code`} value={item.code} onChange={(e) => onChange({ ...item, code: e.target.value })} />
        </div>
        <div>
          <label htmlFor={`${id}-kind`}>{t.kind}</label>
          <select id={`${id}-kind`} value={item.kind} onChange={(e) => onChange(changeKind(item, e.target.value as TItem["kind"], elements[0]?.code ?? null))}>
            {KINDS.map((k) => <option key={k} value={k}>{itemKindLabels[k]}</option>)}
          </select>
        </div>
        <div className={s.buttons}>
          <button type="button" className={`secondary ${s.small}`} onClick={() => onMove(-1)} disabled={index === 0} aria-label={`${t.up}: ${item.code}`}>↑</button>
          <button type="button" className={`secondary ${s.small}`} onClick={() => onMove(1)} disabled={index === count - 1} aria-label={`${t.down}: ${item.code}`}>↓</button>
          <button type="button" className={`danger ${s.small}`} onClick={onRemove} aria-label={`${t.remove}: ${item.code}`}>{t.remove}</button>
        </div>
      </div>
      <Errors messages={at("code")} />
      <div className={s.cardBody}>
        <div className={s.wide}>
          <label htmlFor={`${id}-text`}>{t.text}</label>
          <textarea id={`${id}-text`} rows={2} value={item.text} onChange={(e) => onChange({ ...item, text: e.target.value })} />
          <Errors messages={at("text")} />
        </div>
        {item.kind === "satisfaction" && (
          <div>
            <label htmlFor={`${id}-element`}>{t.element}</label>
            <select id={`${id}-element`} value={item.element ?? ""} onChange={(e) => onChange({ ...item, element: e.target.value === "" ? null : e.target.value })}>
              <option value="">{t.standalone}</option>
              {elements.map((el) => <option key={el.code} value={el.code}>{el.code} — {el.title}</option>)}
              {item.element !== null && !elements.some((el) => el.code === item.element) && <option value={item.element}>{item.element}</option>}
            </select>
            <Errors messages={at("element")} />
          </div>
        )}
        {item.kind === "expectation" && (
          <div>
            <label htmlFor={`${id}-mode`}>{t.mode}</label>
            <select id={`${id}-mode`} value={item.mode} onChange={(e) => onChange({ ...item, mode: e.target.value as "choose" | "rate3" })}>
              <option value="choose">{t.modeChoose}</option>
              <option value="rate3">{t.modeRate3}</option>
            </select>
            {item.mode === "choose" && (
              <>
                <label htmlFor={`${id}-max`}>{t.maxChoices}</label>
                <input id={`${id}-max`} type="number" min={1} value={item.maxChoices ?? ""} onChange={(e) => onChange({ ...item, maxChoices: e.target.value === "" ? undefined : Number(e.target.value) })} />
                <Errors messages={at("maxChoices")} />
              </>
            )}
          </div>
        )}
        {item.kind === "text" && (
          <div>
            <label htmlFor={`${id}-len`}>{t.maxLength}</label>
            <input id={`${id}-len`} type="number" min={1} max={4000} value={item.maxLength} onChange={(e) => onChange({ ...item, maxLength: Number(e.target.value) })} />
            <Errors messages={at("maxLength")} />
          </div>
        )}
        <div>
          <label className={s.check}>
            <input type="checkbox" checked={item.required} onChange={(e) => onChange({ ...item, required: e.target.checked })} /> {t.required}
          </label>
        </div>
        {"options" in item && (
          <div className={s.wide}>
            <strong>{t.options}</strong>
            <Errors messages={at("options")} />
            {item.options.map((o, k) => (
              <OptionRow
                key={k}
                id={`${id}-opt-${k}`}
                option={o}
                errors={[...(errorsAt(`items.${index}.options.${k}.code`) ?? []), ...(errorsAt(`items.${index}.options.${k}.label`) ?? [])]}
                onChange={(opt) => onChange({ ...item, options: replaceAt(item.options, k, opt) })}
                onRemove={() => onChange({ ...item, options: removeAt(item.options, k) })}
              />
            ))}
            <button
              type="button"
              className={`secondary ${s.small}`}
              onClick={() => onChange({ ...item, options: [...item.options, { code: String(item.options.length + 1), label: "" }] })}
            >
              {t.addOption}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

function OptionRow({ id, option, errors, onChange, onRemove }: { id: string; option: TOption; errors: string[]; onChange: (o: TOption) => void; onRemove: () => void }) {
  return (
    <>
      <div className={s.optionRow}>
        <input aria-label={`${t.optionCode} (${id})`} value={option.code} onChange={(e) => onChange({ ...option, code: e.target.value })} />
        <input aria-label={`${t.optionLabel} (${id})`} value={option.label} onChange={(e) => onChange({ ...option, label: e.target.value })} />
        <button type="button" className={`secondary ${s.small}`} onClick={onRemove}>{t.remove}</button>
      </div>
      <Errors messages={errors.length ? errors : undefined} />
    </>
  );
}
