import type { indicesJson } from "@/lib/open-data/indices-json";
import type { TQuestionnaire } from "@/lib/sipas/questionnaire";
import type { PlanMethod } from "./method";

/**
 * What a ResultSnapshot stores. `results.indices` is exactly the JSON of
 * `npm run sipas -- indices` (docs/open-data.md), so a snapshot can be compared figure by
 * figure with a recomputation from the open-data folder. Labels travel with it so that a
 * snapshot says what it shows even if wording changes later (a new questionnaire version).
 */
export type IndicesJson = ReturnType<typeof indicesJson>;
export type UnitJson = IndicesJson["units"][string];
export type GroupJson = IndicesJson["groups"][string];
export type DomainJson = IndicesJson["province_weighted"];
export type CompositeJson = DomainJson["elements"][number];
export type ShareJson = DomainJson["criteria"][number];

export type SnapshotLabels = {
  title: string;
  aspects: { code: string; title: string }[];
  elements: { code: string; title: string; aspect: string | null }[];
  /** Satisfaction items (criteria and stand-alone ones), in questionnaire order. */
  criteria: { code: string; text: string; element: string | null }[];
  choices: { code: string; kind: string; text: string; options: { code: string; label: string }[] }[];
};

export type SnapshotResults = {
  plan: { id: number; year: number; title: string };
  labels: SnapshotLabels;
  /** Counted forms by state (ENTERED, VERIFIED) when computed. */
  formsByState: Record<string, number>;
  indices: IndicesJson;
};

export type SnapshotMethod = PlanMethod & {
  countedStates: readonly string[];
  questionnaire: { versionId: number; template: string; version: number; checksum: string | null };
  engine: string;
};

export const ENGINE_VERSION = "lib/sipas computeIndices, 2026-11";

export function labelsOf(q: TQuestionnaire): SnapshotLabels {
  return {
    title: q.title,
    aspects: q.aspects.map((a) => ({ code: a.code, title: a.title })),
    elements: q.elements.map((e) => ({ code: e.code, title: e.title, aspect: e.aspect })),
    criteria: q.items.flatMap((i) => (i.kind === "satisfaction" ? [{ code: i.code, text: i.text, element: i.element }] : [])),
    choices: q.items.flatMap((i) =>
      i.kind === "assessment" || i.kind === "respondent" || i.kind === "expectation"
        ? [{ code: i.code, kind: i.kind, text: i.text, options: i.options.map((o) => ({ code: o.code, label: o.label })) }]
        : [],
    ),
  };
}
