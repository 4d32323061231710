import { z } from "zod";
import type { AllocationRule, StratumMode } from "@/lib/sampling/types";
import type { FrameDraw } from "./fast-draw";
import { formatRule, parseRule } from "./rule-text";

/**
 * What SampleDraw.allocation holds: everything needed to re-run the draw the same way
 * (strata mode, reserve share, each stratum's rule) and to show it (sizes, flags, totals),
 * whatever happens to the plan's settings afterwards.
 */
const ZStoredStratum = z.object({
  code: z.string(),
  unitCode: z.string(),
  fieldCode: z.string().nullable(),
  rawCount: z.number().int(),
  N: z.number().int(),
  n: z.number().int(),
  r: z.number().int(),
  target: z.number().int(),
  /** formatRule text (lib/draws/rule-text.ts). */
  rule: z.string(),
  census: z.boolean(),
  raisedToMinimum: z.boolean(),
});

export const ZStoredAllocation = z.object({
  version: z.literal(1),
  strataMode: z.enum(["unit", "unit-field"]),
  reserveShare: z.string(),
  /** lib/frames/anonymised.ts: what a monitor's export reproduces. */
  anonymisedFrameChecksum: z.string(),
  rawCount: z.number().int(),
  duplicates: z.number().int(),
  strata: z.array(ZStoredStratum),
  groups: z.array(
    z.object({
      group: z.string(), total: z.number().int(), min: z.number().int(), strata: z.number().int(), population: z.number().int(),
      allocatedBeforeMinimum: z.number().int(), allocated: z.number().int(), exceedsTotalBy: z.number().int(),
    }),
  ),
  totals: z.object({ N: z.number().int(), n: z.number().int(), r: z.number().int() }),
});
export type TStoredAllocation = z.infer<typeof ZStoredAllocation>;
export type TStoredStratum = TStoredAllocation["strata"][number];

export function toStoredAllocation(
  result: Pick<FrameDraw, "strata" | "allocation" | "duplicates">,
  meta: { strataMode: StratumMode; reserveShare: string; anonymisedFrameChecksum: string },
): TStoredAllocation {
  const byCode = new Map(result.strata.map((s) => [s.code, s]));
  return {
    version: 1,
    ...meta,
    rawCount: result.strata.reduce((s, x) => s + x.rawCount, 0),
    duplicates: result.duplicates,
    strata: result.allocation.strata.map((a) => {
      const s = byCode.get(a.code);
      return {
        code: a.code, unitCode: s?.unitCode ?? a.code, fieldCode: s?.fieldCode ?? null, rawCount: s?.rawCount ?? a.N,
        N: a.N, n: a.n, r: a.r, target: a.target, rule: formatRule(a.rule), census: a.census, raisedToMinimum: a.raisedToMinimum,
      };
    }),
    groups: result.allocation.groups,
    totals: result.allocation.totals,
  };
}

/** The rule each stratum was drawn with, for a re-run. */
export function storedRules(allocation: TStoredAllocation): Map<string, AllocationRule> {
  const out = new Map<string, AllocationRule>();
  for (const s of allocation.strata) {
    const rule = parseRule(s.rule);
    if (rule) out.set(s.code, rule);
  }
  return out;
}
