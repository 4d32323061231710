import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/service";
import { closeBulkPool } from "@/lib/results/bulk-read";
import { loadPlanInput } from "@/lib/results/load";
import { writePlanOpenData } from "@/lib/results/open-data";
import { loadResultsPage } from "@/lib/results/page-data";
import { getSnapshot } from "@/lib/results/queries";
import { computeSnapshot, currentInputsHash, getReadablePlan, publishSnapshot } from "@/lib/results/service";
import { computeIndices } from "@/lib/sipas/indices";
import { indicesJson } from "@/lib/open-data/indices-json";
import { insertSurvey } from "../fixtures/survey-db";
import { smallSurvey } from "../fixtures/results-input";
import { expectClose } from "../fixtures/close";
import { makeUser, useCleanDatabase } from "./helpers";

const run = promisify(execFile);
useCleanDatabase();
afterAll(() => closeBulkPool());

const actor = SYSTEM_ACTOR;

async function setup(opts: { state?: "ENTRY" | "ANALYSIS"; formState?: (i: number) => string; blankRows?: boolean } = {}) {
  const input = smallSurvey();
  const fx = await insertSurvey(input, {
    year: 2025, title: "Kế hoạch thử kết quả", codePrefix: "R", planState: opts.state ?? "ENTRY",
    formState: opts.formState, blankRows: opts.blankRows,
    settings: { elementMethod: "mean", minValidForms: 30 },
  });
  return { input, ...fx };
}

describe("results from the database", () => {
  it("reads back exactly the answers that were stored, whether blanks are rows or absent", async () => {
    for (const blankRows of [true, false]) {
      const { input, planId } = await setup({ blankRows });
      const loaded = await loadPlanInput(planId);
      expect(loaded.input.forms.count).toBe(input.forms.count);
      expect(loaded.input.forms.codes).toEqual(input.forms.codes.map((c) => `R${c}`));
      // Strata and units come back in code order; each form keeps its stratum.
      const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : 1);
      expect(loaded.input.strata).toEqual([...input.strata].sort(byCode));
      expect(loaded.input.units).toEqual([...input.units].sort(byCode));
      const stratumOf = (x: typeof input, i: number) => x.strata[x.forms.stratum[i] ?? 0]?.code;
      expect(loaded.input.forms.codes.map((_, i) => stratumOf(loaded.input, i))).toEqual(input.forms.codes.map((_, i) => stratumOf(input, i)));
      expect(Buffer.from(loaded.input.forms.satisfaction)).toEqual(Buffer.from(input.forms.satisfaction));
      loaded.input.forms.choices.forEach((col, j) => expect([...col]).toEqual([...(input.forms.choices[j] ?? [])]));
      // Comments are never loaded.
      expect(loaded.input.forms.texts.flat().every((x) => x === "")).toBe(true);
      await db().$executeRawUnsafe(`TRUNCATE "Plan", "Answer", "Response", "Form", "Stratum" CASCADE`);
    }
  });

  it("counts round 1 of ENTERED and VERIFIED forms only, each once", async () => {
    const states = ["ENTERED", "VERIFIED", "RETURNED", "ENTERED"];
    const { planId, formIds } = await setup({ formState: (i) => states[i % 4]! });
    // A second (double-entry) round with different answers must not count.
    const [first] = await db().response.findMany({ where: { formId: formIds[0] }, select: { id: true } });
    const second = await db().response.create({ data: { formId: formIds[0]!, round: 2, mode: "POST" } });
    const answers = await db().answer.findMany({ where: { responseId: first!.id } });
    await db().answer.createMany({ data: answers.map((a) => ({ ...a, responseId: second.id, status: "BLANK" as const, value: null, text: null })) });
    const loaded = await loadPlanInput(planId);
    expect(loaded.input.forms.count).toBe(450);
    expect(loaded.formsByState).toEqual({ ENTERED: 300, VERIFIED: 150 });
    const again = await loadPlanInput(planId);
    expect(Buffer.from(again.input.forms.satisfaction)).toEqual(Buffer.from(loaded.input.forms.satisfaction));
  });

  it("stores a snapshot whose figures `npm run sipas -- indices` reproduces from the exported folder", async () => {
    const { input, planId } = await setup();
    const { snapshotId } = await computeSnapshot(planId, actor);
    const snapshot = await getSnapshot(planId, snapshotId);
    expect(snapshot?.results.indices.totals.forms).toBe(input.forms.count);
    // The same as computing on the generated input directly.
    expectClose(snapshot?.results.indices, JSON.parse(JSON.stringify(indicesJson(computeIndices(input)))), 1e-9);

    const dir = await mkdtemp(path.join(os.tmpdir(), "sipas-od-"));
    try {
      const exported = await writePlanOpenData(planId, dir);
      expect(exported.hash).toBe(snapshot?.inputsHash);
      const { stdout } = await run(path.join("node_modules", ".bin", "tsx"), ["scripts/sipas.ts", "indices", dir, "--method", "mean", "--min-valid", "30"], {
        maxBuffer: 64 << 20,
      });
      expectClose(JSON.parse(stdout), snapshot?.results.indices, 1e-9);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("changes the inputs hash when one answer changes; the old snapshot stays as it was", async () => {
    const { planId, responseIds } = await setup();
    const first = await computeSnapshot(planId, actor);
    expect(await computeSnapshot(planId, actor)).toEqual({ snapshotId: first.snapshotId, unchanged: true });
    const before = await getSnapshot(planId, first.snapshotId);
    const hash = await currentInputsHash(planId);
    expect(hash).toBe(before?.inputsHash);

    const item = await db().qItem.findFirstOrThrow({ where: { code: "TC3.1", version: { plans: { some: { id: planId } } } } });
    const answer = await db().answer.findUniqueOrThrow({ where: { responseId_itemId: { responseId: responseIds[0]!, itemId: item.id } } });
    await db().answer.update({
      where: { responseId_itemId: { responseId: answer.responseId, itemId: item.id } },
      data: answer.value === 1 ? { status: "VALID", value: 5 } : { status: "VALID", value: 1 },
    });
    const changed = await currentInputsHash(planId);
    expect(changed).not.toBe(hash);
    const page = await loadResultsPage(await makeUser("LEADER"), planId, null);
    expect(page.currentHash).not.toBe(page.snapshot?.inputsHash);

    const second = await computeSnapshot(planId, actor);
    expect(second.unchanged).toBe(false);
    expect((await getSnapshot(planId, second.snapshotId))?.inputsHash).toBe(changed);
    expect(await getSnapshot(planId, first.snapshotId)).toEqual(before);

    // Deleting the answer (a blank) changes it again; restoring it gives back the first hash.
    await db().answer.delete({ where: { responseId_itemId: { responseId: answer.responseId, itemId: item.id } } });
    expect(await currentInputsHash(planId)).not.toBe(changed);
    await db().answer.create({ data: answer });
    expect(await currentInputsHash(planId)).toBe(hash);
  });

  it("publishes only in ANALYSIS, only a current snapshot, once; then nothing changes", async () => {
    const { planId, responseIds } = await setup();
    const { snapshotId } = await computeSnapshot(planId, actor);
    await expect(publishSnapshot({ planId, snapshotId }, actor)).rejects.toThrow(/Phân tích/);

    await db().plan.update({ where: { id: planId }, data: { state: "ANALYSIS" } });
    await db().answer.updateMany({ where: { responseId: responseIds[1], status: "VALID", value: { gte: 1, lte: 3 } }, data: { value: 5 } });
    await expect(publishSnapshot({ planId, snapshotId }, actor)).rejects.toThrow(/đã thay đổi/);

    const current = await computeSnapshot(planId, actor);
    await publishSnapshot({ planId, snapshotId: current.snapshotId }, actor);
    const plan = await db().plan.findUniqueOrThrow({ where: { id: planId } });
    expect(plan.state).toBe("PUBLISHED");
    expect((await getSnapshot(planId, current.snapshotId))?.published).toBe(true);

    await expect(publishSnapshot({ planId, snapshotId: current.snapshotId }, actor)).rejects.toThrow(/đã được công bố/);
    await expect(computeSnapshot(planId, actor)).rejects.toThrow(/công bố/);
    // The database refuses to change or delete a published snapshot, whatever the code does.
    await expect(db().$executeRawUnsafe(`UPDATE "ResultSnapshot" SET results = '{}' WHERE id = ${current.snapshotId}`)).rejects.toThrow(/immutable/);
    await expect(db().$executeRawUnsafe(`DELETE FROM "ResultSnapshot" WHERE id = ${current.snapshotId}`)).rejects.toThrow(/published/);
    // An unpublished snapshot's figures cannot be rewritten either.
    await expect(db().$executeRawUnsafe(`UPDATE "ResultSnapshot" SET "inputsHash" = 'x' WHERE id = ${snapshotId}`)).rejects.toThrow(/immutable/);
  });

  it("stores one snapshot when two computations of the same data race", async () => {
    const { planId } = await setup();
    const [a, b] = await Promise.all([computeSnapshot(planId, actor), computeSnapshot(planId, actor)]);
    expect(a.snapshotId).toBe(b.snapshotId);
    expect([a.unchanged, b.unchanged].sort()).toEqual([false, true]);
    expect(await db().resultSnapshot.count({ where: { planId } })).toBe(1);
  });

  it("shows a monitor only the plans assigned to them", async () => {
    const { planId } = await setup();
    const outsider = await makeUser("MONITOR", { planIds: [] });
    const monitor = await makeUser("MONITOR", { planIds: [planId] });
    await expect(getReadablePlan(outsider, planId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getReadablePlan(monitor, planId)).resolves.toMatchObject({ id: planId });
  });

  it("reports an answer that cannot be read instead of computing from it", async () => {
    const { planId, responseIds } = await setup();
    const item = await db().qItem.findFirstOrThrow({ where: { code: "NĐ2", version: { plans: { some: { id: planId } } } } });
    await db().answer.update({ where: { responseId_itemId: { responseId: responseIds[2]!, itemId: item.id } }, data: { status: "VALID", value: null, text: "X" } });
    await expect(computeSnapshot(planId, actor)).rejects.toThrow(/NĐ2.*"X" không phải mã phương án/);
  });
});
