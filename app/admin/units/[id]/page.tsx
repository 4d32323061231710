import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { unitsText } from "@/lib/i18n/units";
import { planStateLabels } from "@/lib/i18n/plans";
import { dmy, isoDay } from "@/lib/units/days";
import { getUnitDetail, unitFormOptions } from "@/lib/units/service";
import { StickyFieldError, StickyForm } from "@/components/ui/sticky-form";
import { Lineage } from "@/components/units/lineage";
import { SplitForm } from "@/components/units/split-form";
import { UnitForm } from "@/components/units/unit-form";
import s from "@/components/units/units.module.css";
import { renameUnitAction, splitUnitAction, updateUnitAction } from "../actions";

const T = unitsText;
const D = unitsText.detail;

async function load(id: number) {
  try {
    return await getUnitDetail(id);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}

export default async function UnitPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  await requirePage("units.write", `/admin/units/${raw}`);
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const [{ unit, lineage }, options] = await Promise.all([load(id), unitFormOptions()]);
  const open = unit.validTo === null;
  return (
    <>
      <div className={s.breadcrumb}>
        <Link href="/admin/units">{T.title}</Link> ›
      </div>
      <h1>
        <span className="mono" style={{ fontSize: "1.1rem" }}>{unit.code}</span> — {unit.name}{" "}
        {!open && <span className="badge">{T.closed}</span>}{" "}
        {!unit.providesPublicServices && <span className="badge warn">{T.noServices}</span>}
      </h1>
      <div className={s.infoGrid}>
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>{D.info}</h2>
          <dl className={s.dl}>
            <dt>{T.f.level}</dt>
            <dd>{unit.level.name}</dd>
            <dt>{T.f.block}</dt>
            <dd>{unit.block.name}</dd>
            <dt>{T.parent}</dt>
            <dd>{unit.parent ? <Link href={`/admin/units/${unit.parent.id}`}>{unit.parent.code} — {unit.parent.name}</Link> : "—"}</dd>
            <dt>{T.validity}</dt>
            <dd>
              {dmy(isoDay(unit.validFrom))} – {unit.validTo ? dmy(isoDay(unit.validTo)) : T.now}
            </dd>
            {unit.shortName && (
              <>
                <dt>{T.f.shortName}</dt>
                <dd>{unit.shortName}</dd>
              </>
            )}
            <dt>{T.f.address}</dt>
            <dd>{unit.address ?? "—"}</dd>
            {unit.note && (
              <>
                <dt>{T.f.note}</dt>
                <dd>{unit.note}</dd>
              </>
            )}
            <dt>Cán bộ nhập phiếu được giao</dt>
            <dd>{unit._count.clerks}</dd>
          </dl>
          <h3>{D.plans}</h3>
          {unit.planUnits.length === 0 ? (
            <p className="muted">{D.noPlans}</p>
          ) : (
            <ul>
              {unit.planUnits.map(({ plan }) => (
                <li key={plan.id}>
                  <Link href={`/admin/plans/${plan.id}`}>{plan.year} — {plan.title}</Link> <span className="badge">{planStateLabels[plan.state]}</span>
                </li>
              ))}
            </ul>
          )}
          {unit.children.length > 0 && (
            <>
              <h3>{D.children}</h3>
              <ul>
                {unit.children.map((c) => (
                  <li key={c.id}>
                    <Link href={`/admin/units/${c.id}`} className="mono">{c.code}</Link> {c.name}
                    {c.validTo && <span className="muted"> (đến {dmy(isoDay(c.validTo))})</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>{D.history}</h2>
          <Lineage before={lineage.before} after={lineage.after} current={unit.id} />
        </section>
      </div>

      <details className="panel">
        <summary><strong>{D.edit}</strong></summary>
        <UnitForm
          action={updateUnitAction}
          options={options}
          submit={D.save}
          testId="edit-unit"
          defaults={{
            id: unit.id, name: unit.name, shortName: unit.shortName, levelId: unit.levelId, blockId: unit.blockId, parentId: unit.parentId,
            validFrom: isoDay(unit.validFrom), validTo: unit.validTo ? isoDay(unit.validTo) : null, providesPublicServices: unit.providesPublicServices,
            address: unit.address, note: unit.note, updatedAt: unit.updatedAt.toISOString(),
          }}
        />
      </details>

      {open ? (
        <>
          <h2>{D.actions}</h2>
          <p>
            <Link href={`/admin/units/merge?ids=${unit.id}`}>{T.merge}: chọn thêm các đơn vị khác để sáp nhập cùng {unit.code} →</Link>
          </p>
          <details className="panel">
            <summary><strong>{T.restructure.splitTitle}</strong></summary>
            <SplitForm action={splitUnitAction} unit={unit} levels={options.levels} blocks={options.blocks} />
          </details>
          <details className="panel">
            <summary><strong>{T.restructure.renameTitle}</strong></summary>
            <StickyForm action={renameUnitAction} submit={T.restructure.submitRename} confirm={T.restructure.confirmRename} testId="rename-unit" danger>
              <p className="muted">{T.restructure.renameHelp}</p>
              <input type="hidden" name="unitId" value={unit.id} readOnly />
              <div className="row">
                <div>
                  <label htmlFor="rn-code">{T.restructure.newCode}</label>
                  <input id="rn-code" name="code" required maxLength={32} style={{ textTransform: "uppercase", maxWidth: 180 }} />
                  <StickyFieldError name="code" />
                </div>
                <div style={{ flex: 1 }}>
                  <label htmlFor="rn-name">{T.restructure.newName}</label>
                  <input id="rn-name" name="name" required maxLength={200} defaultValue={unit.name} />
                  <StickyFieldError name="name" />
                </div>
              </div>
              <div className="row">
                <div>
                  <label htmlFor="rn-date">{T.f.effectiveDate}</label>
                  <input id="rn-date" name="effectiveDate" type="date" required />
                  <StickyFieldError name="effectiveDate" />
                </div>
                <div style={{ flex: 1 }}>
                  <label htmlFor="rn-legal">{T.f.legalBasis}</label>
                  <input id="rn-legal" name="legalBasis" required maxLength={300} />
                  <StickyFieldError name="legalBasis" />
                </div>
              </div>
            </StickyForm>
          </details>
        </>
      ) : (
        <p className="muted">{D.closedNote(dmy(isoDay(unit.validTo!)))}</p>
      )}
    </>
  );
}
