import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seed } from "@/prisma/seed";
import { deployMigrations } from "@/lib/db/migrations";
import { verifyAuditChain } from "@/lib/audit/service";
import { loadSessionUser } from "@/lib/auth/session";
import { findFormsToReconcile } from "@/lib/entry/reconcile";
import { useCleanDatabase } from "./helpers";

useCleanDatabase();

async function counts() {
  const p = db();
  return {
    units: await p.unit.count(), links: await p.unitSuccession.count(), plans: await p.plan.count(), planUnits: await p.planUnit.count(),
    users: await p.user.count(), templates: await p.questionnaireTemplate.count(), items: await p.qItem.count(), audit: await p.auditEvent.count(),
    verifiers: await p.planVerifier.count(),
  };
}

// The full demo (frames, draws, forms, answers, a results snapshot) takes tens of seconds.
const SEED_TIMEOUT = 300_000;

describe("demo seed and migrations", () => {
  it("builds the demo province once; a second run changes nothing", async () => {
    await seed(() => undefined);
    const first = await counts();
    expect(first.units).toBeGreaterThan(200);
    expect(first.plans).toBe(2);
    expect(first.users).toBe(5);
    // The plan being entered has a designated verifier with open differences they may decide.
    expect(first.verifiers).toBe(1);
    const v = await db().planVerifier.findFirstOrThrow({ select: { userId: true, user: { select: { username: true } }, plan: { select: { state: true } } } });
    expect([v.user.username, v.plan.state]).toEqual(["nhapphieu.xa", "ENTRY"]);
    const verifier = await loadSessionUser(v.userId, 1);
    expect((await findFormsToReconcile(verifier!)).forms.length).toBeGreaterThan(0);
    await seed(() => undefined);
    expect(await counts()).toEqual(first);
    expect((await verifyAuditChain()).ok).toBe(true);
  }, SEED_TIMEOUT);

  it("has about 20 provincial units and 60 communes valid today, linked to their predecessors", async () => {
    await seed(() => undefined);
    const today = new Date("2026-11-23");
    const valid = await db().unit.findMany({
      where: { validFrom: { lte: today }, OR: [{ validTo: null }, { validTo: { gte: today } }] },
      select: { level: { select: { code: true } }, predecessorLinks: { select: { id: true } } },
    });
    const byLevel = (c: string) => valid.filter((u) => u.level.code === c);
    expect(byLevel("TINH").length).toBeGreaterThanOrEqual(18);
    expect(byLevel("XA").length).toBe(60);
    expect(byLevel("HUYEN").length).toBe(0);
    expect(byLevel("XA").every((u) => u.predecessorLinks.length >= 2)).toBe(true);
    const plan2025 = await db().plan.findFirstOrThrow({ where: { year: 2025 }, include: { units: { include: { unit: true } } } });
    expect(plan2025.units.every((pu) => pu.unit.validTo === null && pu.unit.providesPublicServices)).toBe(true);
  }, SEED_TIMEOUT);

  it("re-applying migrations is a no-op", async () => {
    expect(await deployMigrations(process.env.DATABASE_URL!)).toEqual([]);
  });
});
