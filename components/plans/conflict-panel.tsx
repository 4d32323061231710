"use client";

import { plansText } from "@/lib/i18n/plans";
import { milestoneLabels } from "@/lib/i18n/vi";
import type { PlanFormValues, ValueKey } from "@/lib/plans/form-values";
import { describeRule } from "@/lib/plans/rules";
import s from "./plans.module.css";

const F = plansText.fields;

const LABELS: Record<string, string> = {
  year: F.year, title: F.title, legalNumber: F.legalNumber, legalDate: F.legalDate, budget: F.budget,
  windowStart: `${plansText.sections.window}: ${F.windowStart.toLowerCase()}`, windowEnd: `${plansText.sections.window}: ${F.windowEnd.toLowerCase()}`,
  questionnaireVersionId: F.questionnaireVersion, modes: F.modes, unitIds: plansText.sections.units,
  "settings.strata": F.strata, "settings.rules": F.rules, "settings.overrides": F.overrides, "settings.reserveShare": F.reserveShare,
  "settings.minValidForms": F.minValidForms, "settings.elementMethod": F.elementMethod, "settings.doubleEntryShare": F.doubleEntryShare,
};

export function labelOf(key: ValueKey): string {
  if (key.startsWith("milestones.")) return milestoneLabels[key.slice(11) as keyof typeof milestoneLabels];
  return LABELS[key] ?? key;
}

function show(v: PlanFormValues, key: ValueKey): string {
  if (key === "unitIds") return `${v.unitIds.length} đơn vị`;
  if (key === "settings.rules") return v.settings.rules.map((r) => describeRule(r.rule)).join("; ");
  if (key.startsWith("milestones.")) {
    const d = v.milestones.find((m) => m.kind === key.slice(11))?.dueOn;
    return d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : "—";
  }
  if (key.startsWith("settings.")) return JSON.stringify(v.settings[key.slice(9) as keyof PlanFormValues["settings"]]);
  const x = v[key as keyof PlanFormValues];
  return Array.isArray(x) ? x.join(", ") : String(x ?? "") || "—";
}

/** Someone else saved first: what they changed, and the two ways out; nothing typed is lost. */
export function ConflictPanel({ message, current, mine, changed, onOverwrite, onReload }: {
  message: string; current: PlanFormValues; mine: PlanFormValues; changed: ValueKey[]; onOverwrite: () => void; onReload: () => void;
}) {
  return (
    <div className={s.conflict} role="alert" data-testid="plan-conflict">
      <p style={{ marginTop: 0 }}>{message}</p>
      {changed.length > 0 && (
        <table>
          <thead>
            <tr><th>Mục</th><th>Nội dung của bạn</th><th>{plansText.theirValue}</th></tr>
          </thead>
          <tbody>
            {changed.map((k) => (
              <tr key={k}><td>{labelOf(k)}</td><td>{show(mine, k)}</td><td>{show(current, k)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={onOverwrite}>{plansText.overwrite}</button>{" "}
      <button type="button" className="secondary" onClick={onReload}>{plansText.reload}</button>
    </div>
  );
}
