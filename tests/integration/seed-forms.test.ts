import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyAuditChain } from "@/lib/audit/service";
import { FORM_STATES } from "@/lib/forms/state-machine";
import { loadPlanInput } from "@/lib/results/load";
import { computeIndices } from "@/lib/sipas/indices";
import { seedForms } from "@/prisma/seed-forms";
import { makeFormsPlan } from "../fixtures/forms-plan";
import { makeUser, useCleanDatabase } from "./helpers";

useCleanDatabase();

async function counts(planId: number) {
  const [forms, responses, answers, differences, batches] = await Promise.all([
    db().form.count({ where: { planId } }),
    db().response.count({ where: { form: { planId } } }),
    db().answer.count({ where: { response: { form: { planId } } } }),
    db().entryDifference.count({ where: { form: { planId } } }),
    db().dispatchBatch.count({ where: { planId } }),
  ]);
  return { forms, responses, answers, differences, batches };
}

describe("demo forms (prisma/seed-forms.ts) on whatever locked draw exists", () => {
  it("puts forms in every state with realistic answers the results can use, once", async () => {
    // A draw as the sampling seed leaves it: forms are created by seedForms itself if missing.
    const p = await makeFormsPlan({ units: 12, main: 45, reserve: 6, state: "SAMPLED", doubleEntryShare: 0.15 });
    await makeUser("ADMIN");
    await seedForms(() => undefined);

    const states = await db().form.groupBy({ by: ["state"], where: { planId: p.planId }, _count: { _all: true } });
    expect(states.map((s) => s.state).sort()).toEqual([...FORM_STATES].sort());
    const plan = await db().plan.findUniqueOrThrow({ where: { id: p.planId } });
    expect(plan.state).toBe("ENTRY");

    const modes = await db().response.groupBy({ by: ["mode", "round"], where: { form: { planId: p.planId } }, _count: { _all: true } });
    expect(modes.find((m) => m.mode === "ONLINE" && m.round === 1)?._count._all).toBeGreaterThan(0);
    expect(modes.find((m) => m.round === 2)?._count._all).toBeGreaterThan(0);
    const diffs = await db().entryDifference.groupBy({ by: ["decided"], where: { form: { planId: p.planId } }, _count: { _all: true } });
    expect(diffs.length).toBeGreaterThan(0);
    const statuses = await db().answer.groupBy({ by: ["status"], where: { response: { form: { planId: p.planId } }, item: { kind: "SATISFACTION" } }, _count: { _all: true } });
    expect(statuses.map((s) => s.status).sort()).toEqual(["BLANK", "MULTIPLE", "UNREADABLE", "VALID"]);

    // The results engine reads them: most units eligible (≥ 30 valid forms), a few not, and
    // unit indices spread out so that rankings mean something.
    const loaded = await loadPlanInput(p.planId);
    const r = computeIndices(loaded.input, { method: "mean", minValid: 30 });
    const eligible = r.units.filter((u) => u.eligible);
    expect(eligible.length).toBeGreaterThanOrEqual(9);
    expect(r.units.filter((u) => u.forms > 0 && !u.eligible).length).toBeGreaterThanOrEqual(1);
    const sipas = eligible.map((u) => u.sipas.index ?? 0);
    expect(Math.max(...sipas) - Math.min(...sipas)).toBeGreaterThan(5);
    expect(Math.min(...sipas)).toBeGreaterThan(55);
    expect(Math.max(...sipas)).toBeLessThan(97);

    const first = await counts(p.planId);
    await seedForms(() => undefined);
    expect(await counts(p.planId)).toEqual(first);
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
