"use client";

import { plansText } from "@/lib/i18n/plans";
import type { PlanFormOptions } from "@/lib/plans/overview";
import type { TPlanSettings, TRuleScope, TSizeRule } from "@/lib/plans/schemas";
import s from "./plans.module.css";

const F = plansText.fields;
type Rule = TPlanSettings["rules"][number];
type Err = (path: string) => string | undefined;

const scopeValue = (sc: TRuleScope) => (sc.type === "default" ? "default" : `${sc.type}:${sc.code}`);
function parseScope(v: string): TRuleScope {
  if (v === "default") return { type: "default" };
  const [type, code] = v.split(":") as ["level" | "block", string];
  return { type, code };
}
/** Numbers as typed: a number when it is one, the text otherwise (the server says what is wrong). */
const num = (v: string): number => (v.trim() === "" || Number.isNaN(Number(v)) ? (v as unknown as number) : Number(v));
const decimal = (v: string) => v.trim().replace(",", ".");

function defaultRule(kind: TSizeRule["kind"]): TSizeRule {
  if (kind === "yamane") return { kind, e: "0.05" };
  if (kind === "quota") return { kind, n: 50 };
  return { kind, total: 1000, min: 30 };
}

function Params({ rule, onChange, disabled, err, i }: { rule: TSizeRule; onChange: (r: TSizeRule) => void; disabled?: boolean; err: Err; i: number }) {
  const e = (k: string) => err(`settings.rules.${i}.rule.${k}`);
  const field = (label: string, key: string, value: string | number, set: (v: string) => TSizeRule) => (
    <div>
      <label htmlFor={`rule-${i}-${key}`}>{label}</label>
      <input id={`rule-${i}-${key}`} value={String(value)} disabled={disabled} inputMode="decimal" onChange={(ev) => onChange(set(ev.target.value))} />
      {e(key) && <div className="field-error">{e(key)}</div>}
    </div>
  );
  return (
    <div className={s.params}>
      {rule.kind === "yamane" && field(F.e, "e", rule.e, (v) => ({ ...rule, e: decimal(v) }))}
      {rule.kind === "quota" && field(F.quotaN, "n", rule.n, (v) => ({ ...rule, n: num(v) }))}
      {rule.kind === "proportional" && (
        <>
          {field(F.total, "total", rule.total, (v) => ({ ...rule, total: num(v) }))}
          {field(F.min, "min", rule.min, (v) => ({ ...rule, min: num(v) }))}
        </>
      )}
    </div>
  );
}

/** Sample-size rules per level or block (plus a default) and manual sizes per unit. */
export function RulesEditor({ settings, onChange, options, unitCodes, disabled, err }: {
  settings: TPlanSettings; onChange: (s: TPlanSettings) => void; options: PlanFormOptions; unitCodes: { code: string; name: string }[]; disabled?: boolean; err: Err;
}) {
  const setRule = (i: number, r: Rule) => onChange({ ...settings, rules: settings.rules.map((x, j) => (j === i ? r : x)) });
  const overrides = Object.entries(settings.overrides);
  const setOverrides = (list: [string, number][]) => onChange({ ...settings, overrides: Object.fromEntries(list) });
  return (
    <>
      <p className={s.help}>{F.rulesHelp}</p>
      {settings.rules.map((r, i) => (
        <div key={i} className={s.ruleRow} data-testid={`rule-${i}`}>
          <div>
            <label htmlFor={`rule-${i}-scope`}>{F.scope}</label>
            <select id={`rule-${i}-scope`} value={scopeValue(r.scope)} disabled={disabled} onChange={(e) => setRule(i, { ...r, scope: parseScope(e.target.value) })}>
              <option value="default">{F.scopeDefault}</option>
              {options.levels.map((l) => <option key={`l${l.id}`} value={`level:${l.code}`}>{F.scopeLevel(l.name)}</option>)}
              {options.blocks.map((b) => <option key={`b${b.id}`} value={`block:${b.code}`}>{F.scopeBlock(b.name)}</option>)}
            </select>
            {err(`settings.rules.${i}.scope`) && <div className="field-error">{err(`settings.rules.${i}.scope`)}</div>}
          </div>
          <div>
            <label htmlFor={`rule-${i}-kind`}>{F.rule}</label>
            <select id={`rule-${i}-kind`} value={r.rule.kind} disabled={disabled} onChange={(e) => setRule(i, { ...r, rule: defaultRule(e.target.value as TSizeRule["kind"]) })}>
              <option value="yamane">{F.yamane}</option>
              <option value="quota">{F.quota}</option>
              <option value="proportional">{F.proportional}</option>
            </select>
          </div>
          <Params rule={r.rule} i={i} err={err} disabled={disabled} onChange={(rule) => setRule(i, { ...r, rule })} />
          <button type="button" className="secondary" style={{ marginTop: "1.9rem" }} disabled={disabled || settings.rules.length <= 1} onClick={() => onChange({ ...settings, rules: settings.rules.filter((_, j) => j !== i) })}>
            {F.removeRule}
          </button>
        </div>
      ))}
      {err("settings.rules") && <div className="field-error">{err("settings.rules")}</div>}
      <p>
        <button type="button" className="secondary" disabled={disabled} onClick={() => onChange({ ...settings, rules: [...settings.rules, { scope: { type: "default" }, rule: defaultRule("quota") }] })}>
          {F.addRule}
        </button>
      </p>
      <h3 style={{ fontSize: "1rem", margin: "1rem 0 .4rem" }}>{F.overrides}</h3>
      {overrides.map(([code, n], i) => (
        <div key={i} className="row" style={{ marginBottom: ".4rem" }}>
          <select aria-label={F.overrideUnit} value={code} disabled={disabled} onChange={(e) => setOverrides(overrides.map((o, j) => (j === i ? [e.target.value, o[1]] : o)))} style={{ maxWidth: 420 }}>
            {!unitCodes.some((u) => u.code === code) && <option value={code}>{code}</option>}
            {unitCodes.map((u) => <option key={u.code} value={u.code}>{u.code} — {u.name}</option>)}
          </select>
          <input aria-label={F.overrideN} value={String(n)} disabled={disabled} inputMode="numeric" style={{ width: 110 }} onChange={(e) => setOverrides(overrides.map((o, j) => (j === i ? [o[0], num(e.target.value)] : o)))} />
          <button type="button" className="secondary" disabled={disabled} onClick={() => setOverrides(overrides.filter((_, j) => j !== i))}>{F.removeRule}</button>
        </div>
      ))}
      {err("settings.overrides") && <div className="field-error">{err("settings.overrides")}</div>}
      <button
        type="button"
        className="secondary"
        disabled={disabled || unitCodes.length === 0}
        onClick={() => {
          const free = unitCodes.find((u) => !(u.code in settings.overrides));
          if (free) setOverrides([...overrides, [free.code, 50]]);
        }}
      >
        {F.addOverride}
      </button>
    </>
  );
}
