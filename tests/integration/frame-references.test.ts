import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeFramePlan } from "../fixtures/frames-plan";
import { useCleanDatabase } from "./helpers";

// FrameRecord has no per-row foreign keys: triggers check its references once per statement
// (prisma/migrations/20261123140000_frame_reference_triggers, 20261123165000_frame_personal_columns).
// These tests hold the triggers to what the foreign keys guaranteed.
useCleanDatabase();

async function planWithImport() {
  const { planId, units } = await makeFramePlan();
  const imp = await db().frameImport.create({ data: { planId, source: "FILE", checksum: "c".repeat(64), rowCount: 0 } });
  const field = await db().field.findFirstOrThrow({ where: { code: "DAT_DAI" } });
  return { planId, importId: imp.id, unitId: units.get("S01")!, fieldId: field.id };
}

function insertRecords(rows: { planId: number; importId: number; unitId: number; fieldId: number | null; dossier: string }[]) {
  return db().$queryRawUnsafe<{ id: number }[]>(
    `INSERT INTO "FrameRecord" ("planId", "importId", "unitId", "fieldId", "dossierCode", "kind", "resultDate", "rowNumber", "personKey")
     SELECT p, i, u, f, d, 'INDIVIDUAL', DATE '2025-03-01', 2, 'p' || repeat('0', 64)
       FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::text[]) AS t(p, i, u, f, d) RETURNING "id"`,
    rows.map((r) => r.planId), rows.map((r) => r.importId), rows.map((r) => r.unitId), rows.map((r) => r.fieldId), rows.map((r) => r.dossier),
  );
}

const fkViolation = expect.objectContaining({ message: expect.stringMatching(/23503|does not exist|foreign/i) });

describe("frame record references (checked per statement)", () => {
  it("accepts records whose import, plan, unit and field exist", async () => {
    const r = await planWithImport();
    const ids = await insertRecords([{ ...r, dossier: "A" }, { ...r, fieldId: null, dossier: "B" }]);
    expect(ids).toHaveLength(2);
  });

  it("checks every distinct reference of a statement, wherever the bad one is", async () => {
    const r = await planWithImport();
    const other = (await db().unit.findUniqueOrThrow({ where: { code: "S02" } })).id;
    // Many rows, two units, two fields, the bad value last: the check is per distinct value.
    const rows = Array.from({ length: 500 }, (_, i) => ({ ...r, unitId: i % 2 ? r.unitId : other, fieldId: i % 3 ? r.fieldId : null, dossier: `X${i}` }));
    await expect(insertRecords([...rows, { ...r, unitId: 999_999, dossier: "Y" }])).rejects.toEqual(fkViolation);
    await expect(insertRecords([...rows, { ...r, fieldId: 999_999, dossier: "Y" }])).rejects.toEqual(fkViolation);
    await expect(insertRecords([...rows, { ...r, importId: 999_999, dossier: "Y" }])).rejects.toEqual(fkViolation);
    expect(await db().frameRecord.count()).toBe(0);
    expect(await insertRecords(rows)).toHaveLength(500);
    // A record moved to another plan's import by UPDATE is checked the same way.
    const b = await planWithImport();
    await expect(db().$executeRawUnsafe(`UPDATE "FrameRecord" SET "importId" = $1 WHERE "dossierCode" = 'X7'`, b.importId)).rejects.toEqual(fkViolation);
  });

  it("refuses a whole statement with one record of an unknown unit, field or import", async () => {
    const r = await planWithImport();
    await expect(insertRecords([{ ...r, dossier: "A" }, { ...r, unitId: 999_999, dossier: "B" }])).rejects.toEqual(fkViolation);
    await expect(insertRecords([{ ...r, fieldId: 999_999, dossier: "C" }])).rejects.toEqual(fkViolation);
    await expect(insertRecords([{ ...r, importId: 999_999, dossier: "D" }])).rejects.toEqual(fkViolation);
    expect(await db().frameRecord.count()).toBe(0);
  });

  it("refuses a record whose plan is not its import's plan", async () => {
    const a = await planWithImport();
    const b = await makeFramePlan();
    await expect(insertRecords([{ ...a, planId: b.planId, dossier: "A" }])).rejects.toEqual(fkViolation);
    const [rec] = await insertRecords([{ ...a, dossier: "B" }]);
    await expect(db().frameRecord.update({ where: { id: rec!.id }, data: { planId: b.planId } })).rejects.toEqual(fkViolation);
    await expect(db().frameImport.update({ where: { id: a.importId }, data: { planId: b.planId } })).rejects.toEqual(fkViolation);
  });

  it("deleting an import, or its plan, deletes its records and their personal data", async () => {
    const r = await planWithImport();
    const ids = await insertRecords([{ ...r, dossier: "A" }, { ...r, dossier: "B" }]);
    await db().$executeRawUnsafe(`UPDATE "FrameRecord" SET "fullName" = 'Trần Thị Bình' WHERE "id" = ANY($1::int[])`, ids.map((x) => x.id));
    const other = await planWithImport();
    await insertRecords([{ ...other, dossier: "A" }]);
    await db().frameImport.delete({ where: { id: r.importId } });
    expect(await db().frameRecord.count({ where: { planId: r.planId } })).toBe(0);
    expect(await db().$queryRawUnsafe(`SELECT "id" FROM "FrameRecord" WHERE "fullName" IS NOT NULL`)).toEqual([]);
    expect(await db().frameRecord.count({ where: { planId: other.planId } })).toBe(1);
    await db().plan.delete({ where: { id: other.planId } });
    expect(await db().frameRecord.count()).toBe(0);
  });

  it("a unit listed in a frame cannot be deleted; a deleted field leaves its records without a field", async () => {
    const r = await planWithImport();
    await insertRecords([{ ...r, dossier: "A" }]);
    await db().planUnit.deleteMany({ where: { unitId: r.unitId } });
    await expect(db().unit.delete({ where: { id: r.unitId } })).rejects.toEqual(fkViolation);
    expect(await db().unit.count({ where: { id: r.unitId } })).toBe(1);
    await db().field.delete({ where: { id: r.fieldId } });
    expect((await db().frameRecord.findFirstOrThrow({ where: { planId: r.planId } })).fieldId).toBeNull();
  });

  it("ids referenced by frame records never change", async () => {
    const r = await planWithImport();
    await insertRecords([{ ...r, dossier: "A" }]);
    await expect(db().$executeRawUnsafe(`UPDATE "Unit" SET "id" = 999999 WHERE "id" = $1`, r.unitId)).rejects.toEqual(fkViolation);
  });
});
