import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeFramePlan } from "../fixtures/frames-plan";
import { useCleanDatabase } from "./helpers";

// Selection has no per-row foreign keys, nor Form's stratum and selection: triggers check
// them once per statement (prisma/migrations/20261123174000_selection_statement_checks,
// 20261123175000_form_statement_checks). These tests hold the triggers to what the foreign
// keys guaranteed, and to the plan they add.
useCleanDatabase();

async function planWithDraw() {
  const { planId, units } = await makeFramePlan();
  const imp = await db().frameImport.create({ data: { planId, source: "FILE", checksum: "c".repeat(64), rowCount: 0 } });
  const unitId = units.get("S01")!;
  const records = await db().$queryRawUnsafe<{ id: number }[]>(
    `INSERT INTO "FrameRecord" ("planId", "importId", "unitId", "dossierCode", "kind", "resultDate", "rowNumber", "personKey")
     SELECT $1, $2, $3, 'HS' || g, 'INDIVIDUAL', DATE '2025-03-01', g, 'p' || repeat('0', 64) FROM generate_series(1, 6) g ORDER BY g RETURNING "id"`,
    planId, imp.id, unitId,
  );
  const draw = await db().sampleDraw.create({ data: { planId, seed: "s", frameChecksum: "x", allocation: {}, allocationChecksum: "x", algorithmVersion: "v" } });
  const stratum = await db().stratum.create({ data: { planId, code: "S01", unitId, population: 6, rawCount: 6, sampleSize: 2, reserve: 1, rule: "quota:q=2" } });
  return { planId, importId: imp.id, unitId, drawId: draw.id, stratumId: stratum.id, recordIds: records.map((r) => r.id) };
}

type Row = { drawId: number; stratumId: number; frameRecordId: number; order: number };

function insertSelections(rows: Row[]) {
  return db().$queryRawUnsafe<{ id: number }[]>(
    `INSERT INTO "Selection" ("drawId", "stratumId", "frameRecordId", "role", "order", "key", "inclusionProbability")
     SELECT d, s, r, 'MAIN', o, 'k' || o, 0.5 FROM unnest($1::int[], $2::int[], $3::int[], $4::int[]) AS t(d, s, r, o) RETURNING "id"`,
    rows.map((r) => r.drawId), rows.map((r) => r.stratumId), rows.map((r) => r.frameRecordId), rows.map((r) => r.order),
  );
}

const rowsOf = (p: Awaited<ReturnType<typeof planWithDraw>>, n: number): Row[] =>
  p.recordIds.slice(0, n).map((frameRecordId, i) => ({ drawId: p.drawId, stratumId: p.stratumId, frameRecordId, order: i + 1 }));

const fkViolation = expect.objectContaining({ message: expect.stringMatching(/23503|does not exist|foreign|plan/i) });

/** Two connections of their own, for a race between a delete and an insert. */
async function withTwoClients(fn: (deleter: pg.Client, inserter: pg.Client) => Promise<void>): Promise<void> {
  const url = process.env.DATABASE_URL!;
  const deleter = new pg.Client({ connectionString: url });
  const inserter = new pg.Client({ connectionString: url });
  await deleter.connect();
  await inserter.connect();
  try {
    await fn(deleter, inserter);
  } finally {
    await deleter.end();
    await inserter.end();
  }
}

/** Whether `p` has settled yet, asked later. */
function settled(p: Promise<unknown>): () => boolean {
  let done = false;
  void p.then(() => (done = true), () => (done = true));
  return () => done;
}

describe("selection references (checked per statement)", () => {
  it("accepts selections whose draw, stratum and frame record exist in one plan", async () => {
    const p = await planWithDraw();
    expect(await insertSelections(rowsOf(p, 3))).toHaveLength(3);
    // Prisma's createMany (the test fixtures) goes through the same check.
    await db().selection.createMany({ data: [{ drawId: p.drawId, stratumId: p.stratumId, frameRecordId: p.recordIds[3]!, role: "RESERVE", order: 1, key: "r", inclusionProbability: 0.5 }] });
    expect(await db().selection.count()).toBe(4);
  });

  it("refuses a whole statement with one unknown draw, stratum or frame record, wherever it is", async () => {
    const p = await planWithDraw();
    const good = rowsOf(p, 5);
    const last = { ...good[0]!, frameRecordId: p.recordIds[5]!, order: 9 };
    await expect(insertSelections([...good, { ...last, drawId: 999_999 }])).rejects.toEqual(fkViolation);
    await expect(insertSelections([...good, { ...last, stratumId: 999_999 }])).rejects.toEqual(fkViolation);
    await expect(insertSelections([...good, { ...good[0]!, frameRecordId: 999_999, order: 9 }])).rejects.toEqual(fkViolation);
    expect(await db().selection.count()).toBe(0);
  });

  it("refuses a stratum or a frame record of another plan than the draw's", async () => {
    const a = await planWithDraw();
    const b = await planWithDraw();
    await expect(insertSelections([{ ...rowsOf(a, 1)[0]!, stratumId: b.stratumId }])).rejects.toEqual(fkViolation);
    await expect(insertSelections([{ ...rowsOf(a, 1)[0]!, frameRecordId: b.recordIds[0]! }])).rejects.toEqual(fkViolation);
    expect(await db().selection.count()).toBe(0);
  });

  it("checks an update that changes a reference; marking a reserve used checks nothing", async () => {
    const p = await planWithDraw();
    const other = await planWithDraw();
    const [sel] = await insertSelections(rowsOf(p, 1));
    await db().selection.update({ where: { id: sel!.id }, data: { usedAt: new Date() } });
    await db().selection.update({ where: { id: sel!.id }, data: { frameRecordId: p.recordIds[5]! } });
    await expect(db().selection.update({ where: { id: sel!.id }, data: { frameRecordId: 999_999 } })).rejects.toEqual(fkViolation);
    await expect(db().selection.update({ where: { id: sel!.id }, data: { frameRecordId: other.recordIds[0]! } })).rejects.toEqual(fkViolation);
    await expect(db().selection.update({ where: { id: sel!.id }, data: { drawId: other.drawId } })).rejects.toEqual(fkViolation);
    expect((await db().selection.findUniqueOrThrow({ where: { id: sel!.id } })).frameRecordId).toBe(p.recordIds[5]);
  });

  it("deleting a draw, a stratum or frame records deletes their selections, and only theirs", async () => {
    const p = await planWithDraw();
    const other = await planWithDraw();
    await insertSelections(rowsOf(other, 2));
    await insertSelections(rowsOf(p, 4));
    await db().$executeRawUnsafe(`DELETE FROM "FrameRecord" WHERE "id" = ANY($1::int[])`, p.recordIds.slice(0, 2));
    expect(await db().selection.count({ where: { drawId: p.drawId } })).toBe(2);
    await db().stratum.delete({ where: { id: p.stratumId } });
    expect(await db().selection.count({ where: { drawId: p.drawId } })).toBe(0);
    expect(await db().selection.count({ where: { drawId: other.drawId } })).toBe(2);
    await db().sampleDraw.delete({ where: { id: other.drawId } });
    expect(await db().selection.count()).toBe(0);
    // Deleting the import (its records with it) and the plan cascade the same way.
    const q = await planWithDraw();
    await insertSelections(rowsOf(q, 3));
    await db().frameImport.delete({ where: { id: q.importId } });
    expect(await db().selection.count()).toBe(0);
    const r = await planWithDraw();
    await insertSelections(rowsOf(r, 3));
    await db().$executeRawUnsafe(`DELETE FROM "Plan" WHERE "id" = $1`, r.planId);
    expect(await db().selection.count()).toBe(0);
  });

  it("ids of draws and strata never change, nor the plan of a draw or stratum with selections", async () => {
    const p = await planWithDraw();
    const other = await planWithDraw();
    await insertSelections(rowsOf(p, 1));
    await expect(db().$executeRawUnsafe(`UPDATE "SampleDraw" SET "id" = 999999 WHERE "id" = $1`, p.drawId)).rejects.toEqual(fkViolation);
    await expect(db().$executeRawUnsafe(`UPDATE "Stratum" SET "id" = 999999 WHERE "id" = $1`, p.stratumId)).rejects.toEqual(fkViolation);
    await expect(db().$executeRawUnsafe(`UPDATE "SampleDraw" SET "planId" = $1 WHERE "id" = $2`, other.planId, p.drawId)).rejects.toEqual(fkViolation);
    await expect(db().$executeRawUnsafe(`UPDATE "Stratum" SET "planId" = $1 WHERE "id" = $2`, other.planId, p.stratumId)).rejects.toEqual(fkViolation);
    // Without selections they may.
    await db().$executeRawUnsafe(`UPDATE "SampleDraw" SET "planId" = $1 WHERE "id" = $2`, p.planId, other.drawId);
  });

  it("a selection and a concurrent delete of its frame record never leave a selection without its record", async () => {
    // Frame records are not locked one by one: the plan's frame lock (pg_advisory_xact_lock(580231, plan))
    // is taken by the check and by the delete, whichever comes second waits for the first.
    await withTwoClients(async (deleter, inserter) => {
      const insertSql = `INSERT INTO "Selection" ("drawId", "stratumId", "frameRecordId", "role", "order", "key", "inclusionProbability") VALUES ($1, $2, $3, 'MAIN', $4, 'k', 0.5)`;

      // 1. The delete first: the insert waits, then finds the record gone.
      const a = await planWithDraw();
      await deleter.query("BEGIN");
      await deleter.query(`DELETE FROM "FrameRecord" WHERE "id" = $1`, [a.recordIds[0]]);
      await inserter.query("BEGIN");
      const insert = inserter.query(insertSql, [a.drawId, a.stratumId, a.recordIds[0], 1]);
      const insertDone = settled(insert);
      await new Promise((r) => setTimeout(r, 300));
      expect(insertDone()).toBe(false);
      await deleter.query("COMMIT");
      await expect(insert).rejects.toEqual(fkViolation);
      await inserter.query("ROLLBACK");

      // 2. The insert first: the delete waits, then deletes the selection with its record.
      const b = await planWithDraw();
      await inserter.query("BEGIN");
      await inserter.query(insertSql, [b.drawId, b.stratumId, b.recordIds[0], 1]);
      await deleter.query("BEGIN");
      const del = deleter.query(`DELETE FROM "FrameRecord" WHERE "id" = $1`, [b.recordIds[0]]);
      const delDone = settled(del);
      await new Promise((r) => setTimeout(r, 300));
      expect(delDone()).toBe(false);
      await inserter.query("COMMIT");
      await del;
      await deleter.query("COMMIT");
      expect(await db().selection.count({ where: { drawId: b.drawId } })).toBe(0);
    });
  });
});

describe("form references to strata and selections (checked per statement)", () => {
  async function planWithSelections() {
    const p = await planWithDraw();
    const selections = await insertSelections(rowsOf(p, 4));
    return { ...p, selectionIds: selections.map((x) => x.id) };
  }
  let code = 0;
  function insertForms(rows: { planId: number; unitId: number; stratumId: number; selectionId: number | null }[]) {
    return db().$queryRawUnsafe<{ id: number }[]>(
      `INSERT INTO "Form" ("planId", "unitId", "stratumId", "selectionId", "code", "sequence", "updatedAt")
       SELECT p, u, st, se, 'F' || c, c, now() FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[]) AS t(p, u, st, se, c) RETURNING "id"`,
      rows.map((r) => r.planId), rows.map((r) => r.unitId), rows.map((r) => r.stratumId), rows.map((r) => r.selectionId), rows.map(() => ++code),
    );
  }
  const formOf = (p: Awaited<ReturnType<typeof planWithSelections>>, i: number) => ({ planId: p.planId, unitId: p.unitId, stratumId: p.stratumId, selectionId: p.selectionIds[i]! });

  it("accepts forms whose stratum and selection are of their plan, or without a selection; refuses others", async () => {
    const p = await planWithSelections();
    const q = await planWithSelections();
    expect(await insertForms([formOf(p, 0), formOf(p, 1), { ...formOf(p, 2), selectionId: null }])).toHaveLength(3);
    await expect(insertForms([formOf(p, 3), { ...formOf(p, 3), selectionId: 999_999 }])).rejects.toEqual(fkViolation);
    await expect(insertForms([{ ...formOf(p, 3), stratumId: 999_999 }])).rejects.toEqual(fkViolation);
    await expect(insertForms([{ ...formOf(p, 3), stratumId: q.stratumId }])).rejects.toEqual(fkViolation);
    await expect(insertForms([{ ...formOf(p, 3), selectionId: q.selectionIds[0]! }])).rejects.toEqual(fkViolation);
    expect(await db().form.count()).toBe(3);
  });

  it("checks a form whose stratum or selection changes; data entry's updates check nothing", async () => {
    const p = await planWithSelections();
    const q = await planWithSelections();
    const [f] = await insertForms([formOf(p, 0)]);
    await db().form.update({ where: { id: f!.id }, data: { state: "PRINTED", version: { increment: 1 } } });
    await db().form.update({ where: { id: f!.id }, data: { selectionId: p.selectionIds[1]! } });
    await expect(db().form.update({ where: { id: f!.id }, data: { selectionId: q.selectionIds[1]! } })).rejects.toEqual(fkViolation);
    await expect(db().form.update({ where: { id: f!.id }, data: { stratumId: q.stratumId } })).rejects.toEqual(fkViolation);
    await expect(db().form.update({ where: { id: f!.id }, data: { selectionId: 999_999 } })).rejects.toEqual(fkViolation);
    expect((await db().form.findUniqueOrThrow({ where: { id: f!.id } })).selectionId).toBe(p.selectionIds[1]);
  });

  it("deleting a selection (or its draw, stratum, frame record) leaves its form without one; a stratum with forms stays", async () => {
    const p = await planWithSelections();
    const [a, b, c] = await insertForms([formOf(p, 0), formOf(p, 1), formOf(p, 2)]);
    await db().selection.delete({ where: { id: p.selectionIds[0]! } });
    expect((await db().form.findUniqueOrThrow({ where: { id: a!.id } })).selectionId).toBeNull();
    await db().$executeRawUnsafe(`DELETE FROM "FrameRecord" WHERE "id" = $1`, p.recordIds[1]);
    expect((await db().form.findUniqueOrThrow({ where: { id: b!.id } })).selectionId).toBeNull();
    await expect(db().stratum.delete({ where: { id: p.stratumId } })).rejects.toEqual(fkViolation);
    await db().sampleDraw.delete({ where: { id: p.drawId } });
    expect((await db().form.findUniqueOrThrow({ where: { id: c!.id } })).selectionId).toBeNull();
    expect(await db().form.count()).toBe(3);
    // The plan of a stratum with forms, the id and the draw of a selection with a form never change.
    const q = await planWithSelections();
    await insertForms([formOf(q, 0)]);
    await expect(db().$executeRawUnsafe(`UPDATE "Stratum" SET "planId" = $1 WHERE "id" = $2`, p.planId, q.stratumId)).rejects.toEqual(fkViolation);
    await expect(db().$executeRawUnsafe(`UPDATE "Selection" SET "id" = 999999 WHERE "id" = $1`, q.selectionIds[0])).rejects.toEqual(fkViolation);
  });

  it("a form and a concurrent delete of its selection never leave the form pointing at nothing", async () => {
    await withTwoClients(async (deleter, inserter) => {
      const insertSql = `INSERT INTO "Form" ("planId", "unitId", "stratumId", "selectionId", "code", "sequence", "updatedAt") VALUES ($1, $2, $3, $4, $5, 1, now())`;
      // 1. The delete first: the insert waits, then finds the selection gone.
      const a = await planWithSelections();
      await deleter.query("BEGIN");
      await deleter.query(`DELETE FROM "Selection" WHERE "id" = $1`, [a.selectionIds[0]]);
      await inserter.query("BEGIN");
      const insert = inserter.query(insertSql, [a.planId, a.unitId, a.stratumId, a.selectionIds[0], "C1"]);
      const insertDone = settled(insert);
      await new Promise((r) => setTimeout(r, 300));
      expect(insertDone()).toBe(false);
      await deleter.query("COMMIT");
      await expect(insert).rejects.toEqual(fkViolation);
      await inserter.query("ROLLBACK");
      // 2. The insert first: the delete waits, then leaves the form without its selection.
      const b = await planWithSelections();
      await inserter.query("BEGIN");
      await inserter.query(insertSql, [b.planId, b.unitId, b.stratumId, b.selectionIds[0], "C2"]);
      await deleter.query("BEGIN");
      const del = deleter.query(`DELETE FROM "Selection" WHERE "id" = $1`, [b.selectionIds[0]]);
      const delDone = settled(del);
      await new Promise((r) => setTimeout(r, 300));
      expect(delDone()).toBe(false);
      await inserter.query("COMMIT");
      await del;
      await deleter.query("COMMIT");
      expect((await db().form.findUniqueOrThrow({ where: { code: "C2" } })).selectionId).toBeNull();
    });
  });
});
