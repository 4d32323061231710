"use client";

import { StickyFieldError, StickyForm } from "@/components/ui/sticky-form";
import type { ActionResult } from "@/lib/auth/guard";
import { unitsText } from "@/lib/i18n/units";
import type { UnitFormOptions } from "@/lib/units/service";

const F = unitsText.f;

export type UnitDefaults = {
  id?: number;
  code?: string;
  name?: string;
  shortName?: string | null;
  levelId?: number;
  blockId?: number;
  parentId?: number | null;
  validFrom?: string;
  validTo?: string | null;
  providesPublicServices?: boolean;
  address?: string | null;
  note?: string | null;
  updatedAt?: string;
};

type Props = {
  action: (input: FormData | Record<string, unknown>) => Promise<ActionResult<unknown>>;
  options: UnitFormOptions;
  defaults?: UnitDefaults;
  submit: string;
  testId?: string;
};

/** Create (with a code) or edit (code fixed) one unit. */
export function UnitForm({ action, options, defaults = {}, submit, testId }: Props) {
  const editing = defaults.id !== undefined;
  return (
    <StickyForm action={action} submit={submit} testId={testId}>
      {editing ? (
        <>
          <input type="hidden" name="id" value={defaults.id} readOnly />
          <input type="hidden" name="expectedUpdatedAt" value={defaults.updatedAt} readOnly />
        </>
      ) : (
        <>
          <label htmlFor="u-code">{F.code}</label>
          <input id="u-code" name="code" required maxLength={32} defaultValue={defaults.code} style={{ maxWidth: 200, textTransform: "uppercase" }} />
          <div className="muted" style={{ fontSize: ".85rem" }}>{F.codeHelp}</div>
          <StickyFieldError name="code" />
        </>
      )}
      <label htmlFor="u-name">{F.name}</label>
      <input id="u-name" name="name" required maxLength={200} defaultValue={defaults.name} />
      <StickyFieldError name="name" />
      <label htmlFor="u-short">{F.shortName}</label>
      <input id="u-short" name="shortName" maxLength={60} defaultValue={defaults.shortName ?? ""} style={{ maxWidth: 240 }} />
      <StickyFieldError name="shortName" />
      <label htmlFor="u-level">{F.level}</label>
      <select id="u-level" name="levelId" defaultValue={defaults.levelId ?? options.levels[0]?.id}>
        {options.levels.map((l) => (
          <option key={l.id} value={l.id}>{l.name}</option>
        ))}
      </select>
      <StickyFieldError name="levelId" />
      <label htmlFor="u-block">{F.block}</label>
      <select id="u-block" name="blockId" defaultValue={defaults.blockId ?? options.blocks[0]?.id}>
        {options.blocks.map((b) => (
          <option key={b.id} value={b.id}>{b.name}</option>
        ))}
      </select>
      <StickyFieldError name="blockId" />
      <label htmlFor="u-parent">{F.parentCode}</label>
      <select id="u-parent" name="parentId" defaultValue={defaults.parentId ?? ""}>
        <option value="">{F.noParent}</option>
        {options.parents
          .filter((p) => p.id !== defaults.id)
          .map((p) => (
            <option key={p.id} value={p.id}>
              {p.code} — {p.name}
              {p.validTo ? " (đã hết hiệu lực)" : ""}
            </option>
          ))}
      </select>
      <StickyFieldError name="parentId" />
      <div className="row">
        <div>
          <label htmlFor="u-from">{F.validFrom}</label>
          <input id="u-from" name="validFrom" type="date" required defaultValue={defaults.validFrom} />
          <StickyFieldError name="validFrom" />
        </div>
        <div>
          <label htmlFor="u-to">{F.validTo}</label>
          <input id="u-to" name="validTo" type="date" defaultValue={defaults.validTo ?? ""} />
          <StickyFieldError name="validTo" />
        </div>
      </div>
      <div className="muted" style={{ fontSize: ".85rem" }}>{F.validToHelp}</div>
      <label style={{ fontWeight: 400, display: "flex", gap: ".5rem", alignItems: "center" }}>
        <input type="checkbox" name="noPublicServices" defaultChecked={defaults.providesPublicServices === false} /> {F.noPublicServices}
      </label>
      <label htmlFor="u-address">{F.address}</label>
      <input id="u-address" name="address" maxLength={300} defaultValue={defaults.address ?? ""} />
      <StickyFieldError name="address" />
      <label htmlFor="u-note">{F.note}</label>
      <textarea id="u-note" name="note" maxLength={500} rows={2} defaultValue={defaults.note ?? ""} />
      <StickyFieldError name="note" />
    </StickyForm>
  );
}
