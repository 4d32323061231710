"use client";

import { forwardRef, type KeyboardEvent } from "react";
import type { TItem } from "@/lib/sipas/questionnaire";
import { CELL_MULTIPLE, CELL_UNREADABLE, describeCell, optionsOf } from "@/lib/entry/answer-cells";
import { optionKey } from "@/lib/entry/keys";
import { RATE3_SCALE } from "@/lib/forms/print/messages";
import { entryText as t } from "@/lib/i18n/entry";

/** One item of the entry grid: its code, text, the keys for its options and the answer so far. */

type Props = {
  item: TItem;
  number: number;
  cell: string | undefined;
  active: boolean;
  sub: number;
  errors?: string[];
  /** The saved value, when the clerk reopened a form after a conflict and it differs. */
  saved?: string;
  onText: (value: string) => void;
  onTextKey: (e: KeyboardEvent<HTMLInputElement>) => void;
};

function specialLabel(cell: string | undefined): string | null {
  if (cell === "") return t.cells.blank;
  if (cell === CELL_MULTIPLE) return t.cells.multiple;
  if (cell === CELL_UNREADABLE) return t.cells.unreadable;
  return null;
}

function Chips({ item, cell, sub, active }: { item: TItem; cell: string | undefined; sub: number; active: boolean }) {
  if (item.kind === "text") return null;
  if (item.kind === "expectation" && item.mode === "rate3") {
    const levels = new Map((cell ?? "").split(";").filter(Boolean).map((p) => p.split("=") as [string, string]));
    return (
      <div className="f-chips">
        {item.options.map((o, k) => {
          const level = levels.get(o.code);
          const label = level === undefined ? "·" : (RATE3_SCALE.find((s) => s.code === level)?.code ?? level);
          return (
            <span key={o.code} className={`f-chip${active && k === sub ? " current" : ""}${level ? " on" : ""}`} title={o.label}>
              {o.code}: {label}
            </span>
          );
        })}
      </div>
    );
  }
  const chosen = new Set(cell && !specialLabel(cell) ? cell.split(";") : []);
  return (
    <div className="f-chips">
      {optionsOf(item).map((o, k) => (
        <span key={o.code} className={`f-chip${chosen.has(o.code) ? " on" : ""}`} title={o.label}>
          <kbd>{optionKey(k)}</kbd> {item.kind === "satisfaction" ? "" : o.label}
        </span>
      ))}
    </div>
  );
}

export const ItemRow = forwardRef<HTMLInputElement, Props>(function ItemRow({ item, number, cell, active, sub, errors, saved, onText, onTextKey }, ref) {
  const hint =
    item.kind === "expectation" ? (item.mode === "choose" ? t.screen.chooseUpTo(item.maxChoices ?? item.options.length) : t.screen.rateEach) : item.kind === "text" ? t.screen.textHint : null;
  return (
    <tr className={`entry-row${active ? " active" : ""}${errors?.length ? " invalid" : ""}`} data-item={item.code} aria-current={active ? "step" : undefined}>
      <td className="num muted">{number}</td>
      <td className="mono">{item.code}</td>
      <td>
        <div className="item-text">{item.text}</div>
        {hint && active && <div className="muted f-small">{hint}</div>}
        <Chips item={item} cell={cell} sub={sub} active={active} />
        {errors?.map((e) => (
          <div key={e} className="field-error">
            {e}
          </div>
        ))}
        {saved !== undefined && <div className="f-small warn-text">Bản đã lưu: {describeCell(item, saved)}</div>}
      </td>
      <td className="f-answer" data-testid={`answer-${item.code}`}>
        {item.kind === "text" ? (
          <input ref={ref} className="text-answer" value={cell ?? ""} maxLength={item.maxLength} onChange={(e) => onText(e.target.value)} onKeyDown={onTextKey} aria-label={item.text} tabIndex={-1} />
        ) : cell === undefined ? (
          <span className="muted">—</span>
        ) : (
          <strong>{specialLabel(cell) ?? describeCell(item, cell)}</strong>
        )}
      </td>
    </tr>
  );
});
