"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/auth/guard";
import { plansText, surveyModeLabels } from "@/lib/i18n/plans";
import { milestoneLabels } from "@/lib/i18n/vi";
import { changedKeys, type PlanFormValues } from "@/lib/plans/form-values";
import type { PlanAction } from "@/lib/plans/lifecycle";
import type { PlanFormOptions } from "@/lib/plans/overview";
import { SURVEY_MODES } from "@/lib/plans/schemas";
import type { PlanConflictDetails } from "@/lib/plans/editor";
import { ConflictPanel } from "./conflict-panel";
import { RulesEditor } from "./rules-editor";
import { UnitPicker } from "./unit-picker";
import s from "./plans.module.css";

const F = plansText.fields;
const S = plansText.sections;
type Action = (input: Record<string, unknown>) => Promise<ActionResult<unknown>>;
const num = (v: string): number => (v.trim() === "" || Number.isNaN(Number(v.replace(",", "."))) ? (v as unknown as number) : Number(v.replace(",", ".")));

type Props = {
  action: Action;
  initial: PlanFormValues;
  options: PlanFormOptions;
  /** Edit mode: the plan, the version the editor starts from and what its state allows. */
  plan?: { id: number; version: number; allowed: PlanAction[]; stateLabel: string };
};

/**
 * The plan editor. Every value is held in state, so nothing typed is lost when the server
 * refuses (invalid values, a lifecycle rule, or someone else having saved first).
 */
export function PlanForm({ action, initial, options, plan }: Props) {
  const router = useRouter();
  const [values, setValues] = useState<PlanFormValues>(initial);
  const [base, setBase] = useState<PlanFormValues>(initial);
  const [version, setVersion] = useState(plan?.version ?? 0);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, start] = useTransition();
  const may = (a: PlanAction) => !plan || plan.allowed.includes(a);
  const scopeLocked = !may("plan.editScope");
  const set = <K extends keyof PlanFormValues>(k: K, v: PlanFormValues[K]) => setValues((old) => ({ ...old, [k]: v }));
  const setSetting = <K extends keyof PlanFormValues["settings"]>(k: K, v: PlanFormValues["settings"][K]) => setValues((old) => ({ ...old, settings: { ...old.settings, [k]: v } }));
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const err = (path: string) => errors[path]?.join(" ");
  const conflict = result && !result.ok && result.code === "CONFLICT" ? (result.details as PlanConflictDetails | undefined) : undefined;
  const unitCodes = useMemo(() => options.units.filter((u) => values.unitIds.includes(u.id)).map((u) => ({ code: u.code, name: u.name })), [options.units, values.unitIds]);

  function submit(expectedVersion = version) {
    const payload = {
      ...(plan ? { id: plan.id, expectedVersion } : {}),
      ...values,
      legalDate: values.legalDate || null,
      milestones: values.milestones.map((m) => ({ kind: m.kind, dueOn: m.dueOn || null })),
    };
    start(async () => {
      const r = await action(payload);
      setResult(r);
      if (r.ok) {
        const data = r.data as { version?: number; href?: string };
        if (data.href) return router.push(data.href);
        if (data.version) setVersion(data.version);
        setBase(values);
        router.refresh();
      }
    });
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit();
  };
  const locked = (a: PlanAction) => !may(a) && plan && <p className={s.locked}>{plansText.validation.scopeLocked(plan.stateLabel)}</p>;
  const allErrors = [...new Set(Object.values(errors).flat())];

  return (
    <form onSubmit={onSubmit} noValidate data-testid="plan-form">
      <section className={s.section}>
        <h2>{S.general}</h2>
        <fieldset disabled={!may("plan.editInfo")}>
          <div className={s.inline}>
            <div>
              <label htmlFor="p-year">{F.year}</label>
              <input id="p-year" inputMode="numeric" value={values.year} onChange={(e) => set("year", e.target.value)} style={{ width: 110 }} />
              {err("year") && <div className="field-error">{err("year")}</div>}
            </div>
            <div style={{ flex: 1 }}>
              <label htmlFor="p-title">{F.title}</label>
              <input id="p-title" value={values.title} onChange={(e) => set("title", e.target.value)} style={{ maxWidth: 640 }} />
              {err("title") && <div className="field-error">{err("title")}</div>}
            </div>
          </div>
          <div className={s.inline}>
            <div>
              <label htmlFor="p-legal">{F.legalNumber}</label>
              <input id="p-legal" value={values.legalNumber} placeholder="125/KH-UBND" onChange={(e) => set("legalNumber", e.target.value)} />
              {err("legalNumber") && <div className="field-error">{err("legalNumber")}</div>}
            </div>
            <div>
              <label htmlFor="p-legal-date">{F.legalDate}</label>
              <input id="p-legal-date" type="date" value={values.legalDate} onChange={(e) => set("legalDate", e.target.value)} />
              {err("legalDate") && <div className="field-error">{err("legalDate")}</div>}
            </div>
            <div>
              <label htmlFor="p-budget">{F.budget}</label>
              <input id="p-budget" inputMode="numeric" value={values.budget} onChange={(e) => set("budget", e.target.value.replace(/[.\s]/g, ""))} />
              {err("budget") && <div className="field-error">{err("budget")}</div>}
            </div>
          </div>
        </fieldset>
      </section>

      <section className={s.section}>
        <h2>{S.window}</h2>
        {locked("plan.editScope")}
        <fieldset disabled={scopeLocked}>
          <div className={s.inline}>
            <div>
              <label htmlFor="p-ws">{F.windowStart}</label>
              <input id="p-ws" type="date" value={values.windowStart} onChange={(e) => set("windowStart", e.target.value)} />
              {err("windowStart") && <div className="field-error">{err("windowStart")}</div>}
            </div>
            <div>
              <label htmlFor="p-we">{F.windowEnd}</label>
              <input id="p-we" type="date" value={values.windowEnd} onChange={(e) => set("windowEnd", e.target.value)} />
              {err("windowEnd") && <div className="field-error">{err("windowEnd")}</div>}
            </div>
          </div>
          <p className={s.help}>{F.windowHelp}</p>
        </fieldset>
      </section>

      <section className={s.section}>
        <h2>{S.questionnaire}</h2>
        <fieldset disabled={scopeLocked}>
          <label htmlFor="p-qv">{F.questionnaireVersion}</label>
          <select id="p-qv" value={values.questionnaireVersionId} onChange={(e) => set("questionnaireVersionId", e.target.value)}>
            <option value="">— Chọn mẫu phiếu —</option>
            {options.versions.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}
          </select>
          {err("questionnaireVersionId") && <div className="field-error">{err("questionnaireVersionId")}</div>}
        </fieldset>
        <fieldset disabled={!may("plan.editInfo")} style={{ marginTop: ".75rem" }}>
          <legend style={{ fontWeight: 600 }}>{F.modes}</legend>
          {SURVEY_MODES.map((m) => (
            <label key={m} className={s.checkLine}>
              <input type="checkbox" checked={values.modes.includes(m)} onChange={(e) => set("modes", e.target.checked ? [...values.modes, m] : values.modes.filter((x) => x !== m))} />
              {surveyModeLabels[m]}
            </label>
          ))}
          {err("modes") && <div className="field-error">{err("modes")}</div>}
        </fieldset>
      </section>

      <section className={s.section}>
        <h2>{S.units}</h2>
        {locked("plan.editScope")}
        <UnitPicker options={options} windowStart={values.windowStart} windowEnd={values.windowEnd} value={values.unitIds} onChange={(ids) => set("unitIds", ids)} disabled={scopeLocked} />
        {err("unitIds") && <div className="field-error">{err("unitIds")}</div>}
      </section>

      <section className={s.section}>
        <h2>{S.sample}</h2>
        {locked("plan.editScope")}
        <fieldset disabled={scopeLocked}>
          <legend style={{ fontWeight: 600 }}>{F.strata}</legend>
          <label className={s.checkLine}>
            <input type="radio" checked={values.settings.strata === "unit"} onChange={() => setSetting("strata", "unit")} /> {F.strataUnit}
          </label>
          <label className={s.checkLine}>
            <input type="radio" checked={values.settings.strata === "unit-field"} onChange={() => setSetting("strata", "unit-field")} /> {F.strataUnitField}
          </label>
          <h3 style={{ fontSize: "1rem", margin: "1rem 0 .2rem" }}>{F.rules}</h3>
          <RulesEditor settings={values.settings} onChange={(x) => set("settings", x)} options={options} unitCodes={unitCodes} disabled={scopeLocked} err={err} />
          <div className={s.inline} style={{ marginTop: "1rem" }}>
            <div>
              <label htmlFor="p-reserve">{F.reserveShare}</label>
              <input id="p-reserve" value={values.settings.reserveShare} inputMode="decimal" onChange={(e) => setSetting("reserveShare", e.target.value.trim().replace(",", "."))} style={{ width: 120 }} />
              <div className={s.help}>{F.reserveHelp}</div>
              {err("settings.reserveShare") && <div className="field-error">{err("settings.reserveShare")}</div>}
            </div>
            <div>
              <label htmlFor="p-double">{F.doubleEntryShare}</label>
              <input id="p-double" value={String(values.settings.doubleEntryShare)} inputMode="decimal" onChange={(e) => setSetting("doubleEntryShare", num(e.target.value))} style={{ width: 120 }} />
              <div className={s.help}>{F.doubleEntryHelp}</div>
              {err("settings.doubleEntryShare") && <div className="field-error">{err("settings.doubleEntryShare")}</div>}
            </div>
          </div>
        </fieldset>
      </section>

      <section className={s.section}>
        <h2>{S.method}</h2>
        <fieldset disabled={!may("plan.editMethod")}>
          <div className={s.inline}>
            <div>
              <label htmlFor="p-min">{F.minValidForms}</label>
              <input id="p-min" value={String(values.settings.minValidForms)} inputMode="numeric" onChange={(e) => setSetting("minValidForms", num(e.target.value))} style={{ width: 120 }} />
              {err("settings.minValidForms") && <div className="field-error">{err("settings.minValidForms")}</div>}
            </div>
            <div>
              <label htmlFor="p-method">{F.elementMethod}</label>
              <select id="p-method" value={values.settings.elementMethod} onChange={(e) => setSetting("elementMethod", e.target.value as "mean" | "pooled")}>
                <option value="mean">{F.elementMean}</option>
                <option value="pooled">{F.elementPooled}</option>
              </select>
            </div>
          </div>
        </fieldset>
      </section>

      <section className={s.section}>
        <h2>{S.milestones}</h2>
        <fieldset disabled={!may("plan.editInfo")}>
          <div className={s.milestones}>
            {values.milestones.map((m, i) => (
              <div key={m.kind} style={{ display: "contents" }}>
                <label htmlFor={`ms-${m.kind}`}>{milestoneLabels[m.kind]}</label>
                <div>
                  <input
                    id={`ms-${m.kind}`}
                    type="date"
                    value={m.dueOn ?? ""}
                    onChange={(e) => set("milestones", values.milestones.map((x, j) => (j === i ? { ...x, dueOn: e.target.value || null } : x)))}
                  />
                  {err(`milestones.${m.kind}`) && <div className="field-error">{err(`milestones.${m.kind}`)}</div>}
                </div>
              </div>
            ))}
          </div>
        </fieldset>
      </section>

      {conflict?.current ? (
        <ConflictPanel
          message={result && !result.ok ? result.error : ""}
          current={conflict.current}
          mine={values}
          changed={changedKeys(base, conflict.current)}
          onOverwrite={() => submit(conflict.version)}
          onReload={() => {
            setValues(conflict.current);
            setBase(conflict.current);
            setVersion(conflict.version);
            setResult(null);
            router.refresh();
          }}
        />
      ) : (
        result && !result.ok && (
          <div className="alert error" role="alert">
            {result.error}
            {allErrors.length > 0 && (
              <ul style={{ margin: ".3rem 0 0", paddingLeft: "1.2rem" }}>
                {allErrors.map((m) => <li key={m}>{m}</li>)}
              </ul>
            )}
          </div>
        )
      )}
      {result?.ok && <div className="alert success" role="status">{(result.data as { message?: string }).message}</div>}
      <div className={s.sticky}>
        <button type="submit" disabled={pending}>{pending ? plansText.saving : plan ? plansText.save : plansText.create}</button>
        {plan && <span className="muted">Phiên bản {version}</span>}
      </div>
    </form>
  );
}
