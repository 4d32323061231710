/**
 * The plan editor's values (what the form shows and sends), and how they differ: shared by
 * the server (initial values, the "someone else saved" details) and the client form. Pure.
 */
import { isoDay } from "@/lib/units/days";
import { MILESTONE_KINDS, ZPlanSettings, type TMilestoneKind, type TPlanSettings } from "./schemas";

export type PlanFormValues = {
  year: string;
  title: string;
  legalNumber: string;
  legalDate: string;
  budget: string;
  windowStart: string;
  windowEnd: string;
  questionnaireVersionId: string;
  modes: string[];
  unitIds: number[];
  settings: TPlanSettings;
  milestones: { kind: TMilestoneKind; dueOn: string | null }[];
};

export const DEFAULT_SETTINGS: TPlanSettings = {
  strata: "unit",
  rules: [{ scope: { type: "default" }, rule: { kind: "yamane", e: "0.05" } }],
  overrides: {},
  reserveShare: "0.2",
  minValidForms: 30,
  elementMethod: "mean",
  doubleEntryShare: 0.1,
};

export function emptyPlanValues(year: number): PlanFormValues {
  return {
    year: String(year), title: "", legalNumber: "", legalDate: "", budget: "",
    windowStart: `${year}-01-01`, windowEnd: `${year}-08-31`, questionnaireVersionId: "",
    modes: ["POST", "DIRECT", "ONLINE"], unitIds: [], settings: DEFAULT_SETTINGS,
    milestones: MILESTONE_KINDS.map((kind) => ({ kind, dueOn: null })),
  };
}

type PlanRow = {
  year: number; title: string; legalNumber: string | null; legalDate: Date | null; budget: { toString(): string } | null;
  windowStart: Date; windowEnd: Date; questionnaireVersionId: number; modes: readonly string[]; settings: unknown;
  units: { unitId: number }[]; milestones: { kind: TMilestoneKind; dueOn: Date }[];
};

export function planToFormValues(p: PlanRow): PlanFormValues {
  const parsed = ZPlanSettings.safeParse(p.settings);
  return {
    year: String(p.year), title: p.title, legalNumber: p.legalNumber ?? "", legalDate: p.legalDate ? isoDay(p.legalDate) : "",
    budget: p.budget ? p.budget.toString() : "", windowStart: isoDay(p.windowStart), windowEnd: isoDay(p.windowEnd),
    questionnaireVersionId: String(p.questionnaireVersionId), modes: [...p.modes],
    unitIds: p.units.map((u) => u.unitId).sort((a, b) => a - b),
    settings: parsed.success ? parsed.data : DEFAULT_SETTINGS,
    milestones: MILESTONE_KINDS.map((kind) => {
      const m = p.milestones.find((x) => x.kind === kind);
      return { kind, dueOn: m ? isoDay(m.dueOn) : null };
    }),
  };
}

export type ValueKey = Exclude<keyof PlanFormValues, "settings"> | `settings.${keyof TPlanSettings}` | `milestones.${TMilestoneKind}`;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sortedIds = (ids: readonly number[]) => [...ids].sort((a, b) => a - b);

/** The keys whose values differ between two versions of the form. */
export function changedKeys(a: PlanFormValues, b: PlanFormValues): ValueKey[] {
  const out: ValueKey[] = [];
  for (const k of ["year", "title", "legalNumber", "legalDate", "budget", "windowStart", "windowEnd", "questionnaireVersionId"] as const) {
    if (a[k].trim() !== b[k].trim()) out.push(k);
  }
  if (!same([...a.modes].sort(), [...b.modes].sort())) out.push("modes");
  if (!same(sortedIds(a.unitIds), sortedIds(b.unitIds))) out.push("unitIds");
  for (const k of Object.keys(DEFAULT_SETTINGS) as (keyof TPlanSettings)[]) {
    if (!same(a.settings[k], b.settings[k])) out.push(`settings.${k}`);
  }
  for (const kind of MILESTONE_KINDS) {
    const x = a.milestones.find((m) => m.kind === kind)?.dueOn ?? null;
    const y = b.milestones.find((m) => m.kind === kind)?.dueOn ?? null;
    if (x !== y) out.push(`milestones.${kind}`);
  }
  return out;
}

/** Which lifecycle permission each key needs (lib/plans/lifecycle.ts). */
export function actionForKey(key: ValueKey): "plan.editInfo" | "plan.editScope" | "plan.editMethod" {
  if (key === "windowStart" || key === "windowEnd" || key === "unitIds" || key === "questionnaireVersionId") return "plan.editScope";
  if (key === "settings.minValidForms" || key === "settings.elementMethod") return "plan.editMethod";
  if (key.startsWith("settings.")) return "plan.editScope";
  return "plan.editInfo";
}
