import { writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importFrameFile } from "@/lib/frames/import-file";
import { personalRecordCount, purgePersonalData } from "@/lib/plans/purge";
import { frameCsv, makeFramePlan, unitRows } from "../fixtures/frames-plan";
import { tempDir } from "../unit/frames/files";
import { makeUser, useCleanDatabase } from "./helpers";

useCleanDatabase();
const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function archivedPlanWithFrame() {
  const { planId } = await makeFramePlan();
  const admin = await makeUser("ADMIN");
  const path = tmp.path(`purge-${planId}.csv`);
  writeFileSync(path, frameCsv([...unitRows("S01", 4), ...unitRows("S02", 3)]));
  const o = await importFrameFile({
    planId, actor: { id: admin.id, name: admin.username }, path, fileName: "ds.csv", checksum: "c".repeat(64),
    scope: { kind: "units-in-file" }, reportPath: null,
  });
  expect(o.status).toBe("committed");
  return { planId, actor: { id: admin.id, name: admin.username } };
}

describe("purging personal data of an archived plan (§9)", () => {
  it("is refused before the plan is archived, with what to do instead", async () => {
    const { planId, actor } = await archivedPlanWithFrame();
    await expect(purgePersonalData(planId, actor)).rejects.toThrow(/lưu trữ/);
    expect(await personalRecordCount(planId)).toBe(7);
  });

  it("deletes names, addresses and phones only; records and keys stay; audited; a second purge finds nothing", async () => {
    const { planId, actor } = await archivedPlanWithFrame();
    const other = await archivedPlanWithFrame();
    await db().plan.update({ where: { id: planId }, data: { state: "ARCHIVED" } });
    const keys = (await db().frameRecord.findMany({ where: { planId }, orderBy: { id: "asc" }, select: { personKey: true } })).map((r) => r.personKey);
    expect(await purgePersonalData(planId, actor)).toEqual({ purged: 7 });
    expect(await personalRecordCount(planId)).toBe(0);
    expect((await db().frameRecord.findMany({ where: { planId }, orderBy: { id: "asc" }, select: { personKey: true } })).map((r) => r.personKey)).toEqual(keys);
    expect(await personalRecordCount(other.planId)).toBe(7);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "plan.personal_purge", planId } });
    expect(event.after).toEqual({ purgedRecords: 7 });
    expect(await purgePersonalData(planId, actor)).toEqual({ purged: 0 });
  });
});
