"use client";

import { useState } from "react";
import { StickyFieldError, StickyForm } from "@/components/ui/sticky-form";
import type { ActionResult } from "@/lib/auth/guard";
import { unitsText } from "@/lib/i18n/units";
import s from "./units.module.css";

const R = unitsText.restructure;
const F = unitsText.f;

type Option = { id: number; name: string };
type Props = {
  action: (input: FormData | Record<string, unknown>) => Promise<ActionResult<unknown>>;
  unit: { id: number; levelId: number; blockId: number };
  levels: Option[];
  blocks: Option[];
};

/** Split one unit into several new ones (with optional population shares). */
export function SplitForm({ action, unit, levels, blocks }: Props) {
  const [rows, setRows] = useState([0, 1]);
  const [next, setNext] = useState(2);
  const transform = (fd: FormData) => ({
    predecessorId: unit.id,
    effectiveDate: fd.get("effectiveDate"),
    legalBasis: fd.get("legalBasis"),
    successors: rows.map((r) => ({
      code: fd.get(`code-${r}`),
      name: fd.get(`name-${r}`),
      share: String(fd.get(`share-${r}`) ?? "").trim().replace(",", "."),
      levelId: fd.get("levelId"),
      blockId: fd.get("blockId"),
      parentId: null,
      noPublicServices: false,
      address: null,
    })),
  });
  return (
    <StickyForm action={action} submit={R.submitSplit} confirm={R.confirmSplit} transform={transform} testId="split-unit" danger>
      <p className="muted">{R.splitHelp}</p>
      <div className="row">
        <div>
          <label htmlFor="sp-date">{F.effectiveDate}</label>
          <input id="sp-date" name="effectiveDate" type="date" required />
          <StickyFieldError name="effectiveDate" />
        </div>
        <div style={{ flex: 1 }}>
          <label htmlFor="sp-legal">{F.legalBasis}</label>
          <input id="sp-legal" name="legalBasis" required />
          <StickyFieldError name="legalBasis" />
        </div>
      </div>
      <div className="row">
        <div>
          <label htmlFor="sp-level">{F.level}</label>
          <select id="sp-level" name="levelId" defaultValue={unit.levelId}>
            {levels.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="sp-block">{F.block}</label>
          <select id="sp-block" name="blockId" defaultValue={unit.blockId}>
            {blocks.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </select>
        </div>
      </div>
      <h4 style={{ margin: "1rem 0 .4rem" }}>{R.newUnits}</h4>
      <div className={s.splitRow} aria-hidden>
        <strong>{F.code}</strong>
        <strong>{F.name}</strong>
        <strong title={F.share}>Tỷ lệ (0–1)</strong>
        <span />
      </div>
      {rows.map((r, i) => (
        <div key={r}>
          <div className={s.splitRow}>
            <input name={`code-${r}`} aria-label={`${F.code} ${i + 1}`} required maxLength={32} style={{ textTransform: "uppercase" }} />
            <input name={`name-${r}`} aria-label={`${F.name} ${i + 1}`} required maxLength={200} />
            <input name={`share-${r}`} aria-label={`${F.share} ${i + 1}`} inputMode="decimal" placeholder="0.5" />
            <button type="button" className="secondary" disabled={rows.length <= 2} onClick={() => setRows(rows.filter((x) => x !== r))}>
              {R.removeRow}
            </button>
          </div>
          <StickyFieldError name={`successors.${i}.code`} />
          <StickyFieldError name={`successors.${i}.name`} />
          <StickyFieldError name={`successors.${i}.share`} />
          <StickyFieldError name={`successors.${i}.levelId`} />
        </div>
      ))}
      <StickyFieldError name="successors" />
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setRows([...rows, next]);
          setNext(next + 1);
        }}
      >
        {R.addRow}
      </button>
    </StickyForm>
  );
}
