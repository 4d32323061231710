"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { plansText } from "@/lib/i18n/plans";
import type { PlanFormOptions } from "@/lib/plans/overview";
import { unitOffered } from "@/lib/plans/validate";
import { matchesQuery } from "@/lib/units/search";
import s from "./plans.module.css";

const P = plansText.picker;
type Unit = PlanFormOptions["units"][number];

function TriCheckbox({ ids, selected, onSet, label, disabled }: { ids: number[]; selected: ReadonlySet<number>; onSet: (ids: number[], on: boolean) => void; label: string; disabled?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  const n = ids.filter((id) => selected.has(id)).length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = n > 0 && n < ids.length;
  }, [n, ids.length]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={label}
      checked={ids.length > 0 && n === ids.length}
      disabled={disabled || ids.length === 0}
      onChange={(e) => onSet(ids, e.target.checked)}
      onClick={(e) => e.stopPropagation()}
    />
  );
}

/**
 * Units in scope: whole levels or blocks with one tick, or single units. Only units valid
 * during the window and providing public services are offered; units chosen earlier that
 * no longer qualify (after a restructuring, or a changed window) are listed to be removed.
 */
export function UnitPicker({ options, windowStart, windowEnd, value, onChange, disabled }: {
  options: PlanFormOptions; windowStart: string; windowEnd: string; value: number[]; onChange: (ids: number[]) => void; disabled?: boolean;
}) {
  const [filter, setFilter] = useState("");
  const selected = useMemo(() => new Set(value), [value]);
  const validWindow = /^\d{4}-\d{2}-\d{2}$/.test(windowStart) && /^\d{4}-\d{2}-\d{2}$/.test(windowEnd) && windowStart <= windowEnd;
  const offered = useMemo(() => (validWindow ? options.units.filter((u) => unitOffered(u, windowStart, windowEnd)) : []), [options.units, windowStart, windowEnd, validWindow]);
  const offeredIds = useMemo(() => new Set(offered.map((u) => u.id)), [offered]);
  const stale = options.units.filter((u) => selected.has(u.id) && !offeredIds.has(u.id));
  const shown = filter ? offered.filter((u) => matchesQuery(u, filter)) : offered;
  const set = (ids: number[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    onChange([...next].sort((a, b) => a - b));
  };
  const ids = (list: Unit[]) => list.map((u) => u.id);
  const chosen = offered.filter((u) => selected.has(u.id)).length;
  return (
    <div data-testid="unit-picker">
      <p className={s.countLine} data-testid="unit-count">{validWindow ? P.count(chosen, offered.length) : P.noWindow}</p>
      {stale.length > 0 && (
        <div className={s.stale} role="alert">
          {P.stale}
          <ul style={{ margin: ".3rem 0" }}>
            {stale.map((u) => <li key={u.id}><span className="mono">{u.code}</span> {u.name}</li>)}
          </ul>
          <button type="button" className="secondary" disabled={disabled} onClick={() => set(ids(stale), false)}>Bỏ chọn các đơn vị này</button>
        </div>
      )}
      <div className="row" style={{ marginBottom: ".5rem" }}>
        <div>
          <label htmlFor="picker-filter">{P.search}</label>
          <input id="picker-filter" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        <button type="button" className="secondary" disabled={disabled} onClick={() => set(ids(offered), true)}>{P.selectAll}</button>
        <button type="button" className="secondary" disabled={disabled} onClick={() => set(ids(offered), false)}>{P.selectNone}</button>
      </div>
      <div className={s.picker}>
        {options.levels.map((level) => {
          const inLevel = shown.filter((u) => u.levelId === level.id);
          if (inLevel.length === 0) return null;
          const n = inLevel.filter((u) => selected.has(u.id)).length;
          return (
            <details key={level.id} className={s.pickLevel} open={Boolean(filter)}>
              <summary>
                <TriCheckbox ids={ids(inLevel)} selected={selected} onSet={set} label={`Chọn cả ${level.name}`} disabled={disabled} />
                <strong>{level.name}</strong> <span className="muted">({n}/{inLevel.length})</span>
              </summary>
              {options.blocks.map((block) => {
                const inBlock = inLevel.filter((u) => u.blockId === block.id);
                if (inBlock.length === 0) return null;
                const m = inBlock.filter((u) => selected.has(u.id)).length;
                return (
                  <details key={block.id} className={s.pickBlock} open={Boolean(filter)}>
                    <summary>
                      <TriCheckbox ids={ids(inBlock)} selected={selected} onSet={set} label={`Chọn cả khối ${block.name} (${level.name})`} disabled={disabled} />
                      {block.name} <span className="muted">({m}/{inBlock.length})</span>
                    </summary>
                    <div className={s.pickUnits}>
                      {inBlock.map((u) => (
                        <label key={u.id}>
                          <input type="checkbox" checked={selected.has(u.id)} disabled={disabled} onChange={(e) => set([u.id], e.target.checked)} />
                          <span><span className="mono">{u.code}</span> {u.name}</span>
                        </label>
                      ))}
                    </div>
                  </details>
                );
              })}
            </details>
          );
        })}
      </div>
    </div>
  );
}
