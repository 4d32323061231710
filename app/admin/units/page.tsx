import Link from "next/link";
import { requirePage } from "@/lib/auth/page";
import { unitsText } from "@/lib/i18n/units";
import { ZIsoDate } from "@/lib/plans/schemas";
import { dmy, todayInVietnam } from "@/lib/units/days";
import { findUnitTree } from "@/lib/units/service";
import { UnitTreeTable } from "@/components/units/unit-tree-table";
import s from "@/components/units/units.module.css";

const T = unitsText;

export default async function UnitsPage({ searchParams }: { searchParams: Promise<{ q?: string; on?: string; all?: string }> }) {
  await requirePage("units.write", "/admin/units");
  const sp = await searchParams;
  const today = todayInVietnam();
  const on = sp.on && ZIsoDate.safeParse(sp.on).success ? sp.on : undefined;
  const all = sp.all === "1";
  const q = sp.q?.trim() ? sp.q.trim().slice(0, 100) : undefined;
  const { tree, total, on: day } = await findUnitTree({ q, on, all }, today);
  return (
    <>
      <div className={s.toolbar}>
        <h1>{T.title}</h1>
        <Link className={`${s.linkButton} ${s.primary}`} href="/admin/units/new">{T.create}</Link>
        <Link className={s.linkButton} href="/admin/units/merge">{T.merge}</Link>
        <Link className={s.linkButton} href="/admin/units/import">{T.importLabel}</Link>
        <a className={s.linkButton} href="/api/units/export">{T.exportLabel}</a>
        <Link className={s.linkButton} href="/admin/fields">{T.fields}</Link>
      </div>
      <form className={s.filters} role="search">
        <div>
          <label htmlFor="q">{T.search}</label>
          <input id="q" name="q" defaultValue={q ?? ""} style={{ width: 360 }} />
        </div>
        <div>
          <label htmlFor="on">{T.validOn}</label>
          <input id="on" name="on" type="date" defaultValue={on ?? today} />
        </div>
        <label className={s.check}>
          <input type="checkbox" name="all" value="1" defaultChecked={all} /> {T.allHistory}
        </label>
        <div>
          <button type="submit" className="secondary">{T.filter}</button>
        </div>
      </form>
      <p className="muted" data-testid="unit-count">
        {T.count(total)}
        {all ? " (toàn bộ lịch sử)" : ` có hiệu lực ngày ${dmy(day)}`}
        {q ? ` khớp với “${q}”` : ""}
      </p>
      {total === 0 && <p>{T.none}</p>}
      {tree.map((level) => (
        <details key={level.id} className={s.level} open>
          <summary>
            {level.name}
            <span className={s.count}>
              {level.count} đơn vị{level.validTo ? ` · cấp này có hiệu lực đến ${dmy(level.validTo)}` : ""}
            </span>
          </summary>
          {level.blocks.map((block) => (
            <details key={block.id} className={s.block} open>
              <summary>
                {block.name}
                <span className={s.count}>{block.units.length} đơn vị</span>
              </summary>
              <UnitTreeTable units={block.units} />
            </details>
          ))}
        </details>
      ))}
    </>
  );
}
