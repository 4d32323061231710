"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { StickyFieldError, StickyForm } from "@/components/ui/sticky-form";
import type { ActionResult } from "@/lib/auth/guard";
import { unitsText } from "@/lib/i18n/units";
import { matchesQuery } from "@/lib/units/search";
import type { OpenUnit } from "@/lib/units/service";
import s from "./units.module.css";

const R = unitsText.restructure;
const F = unitsText.f;

type Option = { id: number; name: string };
type Props = {
  action: (input: FormData | Record<string, unknown>) => Promise<ActionResult<unknown>>;
  units: OpenUnit[];
  levels: Option[];
  blocks: Option[];
  preselected: number[];
};

/** Pick the units to merge (filterable), then the successor: a new unit or an existing one. */
export function MergeForm({ action, units, levels, blocks, preselected }: Props) {
  const [selected, setSelected] = useState<Set<number>>(new Set(preselected.filter((id) => units.some((u) => u.id === id))));
  const [filter, setFilter] = useState("");
  const [target, setTarget] = useState<"new" | "existing">("new");
  const [done, setDone] = useState<{ id: number } | null>(null);
  // The successor's level and block follow the first unit picked until chosen by hand.
  const [levelId, setLevelId] = useState<string | null>(null);
  const [blockId, setBlockId] = useState<string | null>(null);
  const shown = useMemo(() => units.filter((u) => selected.has(u.id) || matchesQuery(u, filter)), [units, filter, selected]);
  const groups = useMemo(() => {
    const m = new Map<string, OpenUnit[]>();
    for (const u of shown) {
      const k = `${u.level} · ${u.block}`;
      m.set(k, [...(m.get(k) ?? []), u]);
    }
    return [...m];
  }, [shown]);
  const toggle = (id: number) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const transform = (fd: FormData) => ({
    predecessorIds: [...selected],
    effectiveDate: fd.get("effectiveDate"),
    legalBasis: fd.get("legalBasis"),
    target,
    targetId: fd.get("targetId") ?? "",
    successor:
      target === "new"
        ? {
            code: fd.get("code"), name: fd.get("name"), levelId: fd.get("levelId"), blockId: fd.get("blockId"),
            parentId: "", noPublicServices: fd.get("noPublicServices") ?? undefined, address: fd.get("address"),
          }
        : undefined,
  });
  const first = units.find((u) => selected.has(u.id));
  return (
    <StickyForm
      action={action}
      submit={R.submitMerge}
      confirm={R.confirmMerge}
      transform={transform}
      testId="merge-units"
      danger
      onSuccess={(data) => {
        setDone({ id: (data as { successorId: number }).successorId });
        setSelected(new Set());
      }}
    >
      {done && (
        <p>
          <Link href={`/admin/units/${done.id}`}>Xem đơn vị kế thừa và lịch sử sắp xếp →</Link>
        </p>
      )}
      <div className={s.sideBySide}>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend><strong>{R.pick}</strong> — {R.picked(selected.size)}</legend>
          <label htmlFor="m-filter">{R.pickFilter}</label>
          <input id="m-filter" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Ví dụ: an phu" />
          <div className={s.pickList} role="group" aria-label={R.pick}>
            {groups.map(([g, list]) => (
              <div key={g}>
                <div className={s.pickGroup}>{g}</div>
                {list.map((u) => (
                  <label key={u.id}>
                    <input type="checkbox" checked={selected.has(u.id)} onChange={() => toggle(u.id)} />
                    <span className="mono">{u.code}</span> {u.name}
                  </label>
                ))}
              </div>
            ))}
            {groups.length === 0 && <p className="muted">{unitsText.none}</p>}
          </div>
          <StickyFieldError name="predecessorIds" />
        </fieldset>
        <div>
          <label htmlFor="m-date">{F.effectiveDate}</label>
          <input id="m-date" name="effectiveDate" type="date" required />
          <div className="muted" style={{ fontSize: ".85rem" }}>{F.effectiveHelp}</div>
          <StickyFieldError name="effectiveDate" />
          <label htmlFor="m-legal">{F.legalBasis}</label>
          <input id="m-legal" name="legalBasis" required maxLength={300} placeholder="Nghị quyết số …/NQ-UBTVQH15 ngày …" />
          <StickyFieldError name="legalBasis" />
          <fieldset style={{ border: 0, padding: 0, margin: "1rem 0 0" }}>
            <legend><strong>{R.target}</strong></legend>
            <label style={{ fontWeight: 400 }}>
              <input type="radio" name="target" checked={target === "new"} onChange={() => setTarget("new")} /> {R.targetNew}
            </label>
            <label style={{ fontWeight: 400 }}>
              <input type="radio" name="target" checked={target === "existing"} onChange={() => setTarget("existing")} /> {R.targetExisting}
            </label>
          </fieldset>
          {target === "new" ? (
            <>
              <label htmlFor="m-code">{F.code}</label>
              <input id="m-code" name="code" maxLength={32} style={{ textTransform: "uppercase", maxWidth: 200 }} />
              <StickyFieldError name="successor.code" />
              <label htmlFor="m-name">{F.name}</label>
              <input id="m-name" name="name" maxLength={200} />
              <StickyFieldError name="successor.name" />
              <label htmlFor="m-level">{F.level}</label>
              <select id="m-level" name="levelId" value={levelId ?? String(levels.find((l) => first && l.name === first.level)?.id ?? levels[0]?.id ?? "")} onChange={(e) => setLevelId(e.target.value)}>
                {levels.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
              </select>
              <StickyFieldError name="successor.levelId" />
              <label htmlFor="m-block">{F.block}</label>
              <select id="m-block" name="blockId" value={blockId ?? String(blocks.find((b) => first && b.name === first.block)?.id ?? blocks[0]?.id ?? "")} onChange={(e) => setBlockId(e.target.value)}>
                {blocks.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
              </select>
              <StickyFieldError name="successor.blockId" />
              <label htmlFor="m-address">{F.address}</label>
              <input id="m-address" name="address" maxLength={300} />
              <label style={{ fontWeight: 400, display: "flex", gap: ".5rem", alignItems: "center" }}>
                <input type="checkbox" name="noPublicServices" /> {F.noPublicServices}
              </label>
            </>
          ) : (
            <>
              <label htmlFor="m-target">{R.targetCode}</label>
              <select id="m-target" name="targetId" defaultValue="">
                <option value="">—</option>
                {units.filter((u) => !selected.has(u.id)).map((u) => <option key={u.id} value={u.id}>{u.code} — {u.name}</option>)}
              </select>
              <StickyFieldError name="targetId" />
            </>
          )}
        </div>
      </div>
    </StickyForm>
  );
}
