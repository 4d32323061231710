import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { anonymisedFrameLines, selectionCsvLines, strataCsvLines } from "@/lib/draws/exports";
import { previewAllocation } from "@/lib/draws/preview";
import { findSelections } from "@/lib/draws/queries";
import { drawSample, lockDraw } from "@/lib/draws/service";
import { verifyStoredDraw } from "@/lib/draws/verify";
import { loadFrame } from "@/lib/draws/load-frame";
import { drawFromDatabase } from "@/lib/draws/draw-db";
import { withDedicatedConnection } from "@/lib/db/dedicated";
import { pickDoubleEntry } from "@/lib/forms/double-entry";
import { encodeFormCode } from "@/lib/forms/form-code";
import { anonymisedChecksum } from "@/lib/frames/anonymised";
import { runDraw } from "@/lib/sampling/draw";
import { importFrameFile } from "@/lib/frames/import-file";
import { frameCsv, makeFramePlan, unitRows } from "../fixtures/frames-plan";
import { tempDir } from "../unit/frames/files";
import { makeUser, useCleanDatabase } from "./helpers";

useCleanDatabase();
const tmp = tempDir();
afterAll(() => tmp.cleanup());

const actorOf = (u: SessionUser) => ({ id: u.id, name: u.username });
const collect = async (lines: AsyncIterable<string> | Iterable<string>) => {
  const out: string[] = [];
  for await (const l of lines) out.push(l);
  return `${out.join("\n")}\n`;
};

/**
 * A plan with a clean frame of 3 units: S01 400 rows (some repeated people), S02 90, X01 3
 * (a census under quota 5). `shuffle`: the rows in another order than their dossier codes.
 */
async function framedPlan(opts: { shuffle?: boolean } = {}) {
  const plan = await makeFramePlan();
  const admin = await makeUser("ADMIN");
  let rows = [...unitRows("S01", 400), ...unitRows("S02", 90), ...unitRows("X01", 3)];
  // Rows 2 and 3 of S01 are the same person as row 1 (same phone), with later dates.
  rows[1] = { ...rows[1], phone: rows[0]!.phone, date: "20/03/2025" };
  rows[2] = { ...rows[2], phone: rows[0]!.phone, date: "19/03/2025" };
  if (opts.shuffle) rows = rows.map((r, i) => ({ r, k: (i * 7919) % 493 })).sort((a, b) => a.k - b.k).map((x) => x.r);
  const csv = frameCsv(rows);
  const path = tmp.path(`frame-${plan.planId}.csv`);
  writeFileSync(path, csv);
  const o = await importFrameFile({ planId: plan.planId, actor: actorOf(admin), path, fileName: "ds.csv", checksum: "x".repeat(64), scope: { kind: "units-in-file" }, reportPath: null });
  expect(o.status).toBe("committed");
  return { ...plan, admin, path };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

async function storedSelections(drawId: number) {
  const rows = await db().$queryRaw<{ code: string; dossierCode: string; role: string; order: number; key: string; pi: number }[]>`
    SELECT st."code", r."dossierCode", s."role"::text AS "role", s."order", s."key", s."inclusionProbability" AS "pi"
      FROM "Selection" s JOIN "Stratum" st ON st."id" = s."stratumId" JOIN "FrameRecord" r ON r."id" = s."frameRecordId"
     WHERE s."drawId" = ${drawId}`;
  return rows.map((s) => `${s.code}|${s.dossierCode}|${s.role}|${s.order}|${s.key}|${s.pi}`).sort();
}

describe("sampling from the stored frame", () => {
  it("previews the allocation per stratum: dedup, Yamane, the block's quota, census flags, totals", async () => {
    const p = await framedPlan();
    const view = await previewAllocation(p.admin, p.planId);
    const row = (code: string) => view.rows.find((r) => r.code === code)!;
    expect(row("S01")).toMatchObject({ rawCount: 400, N: 398, n: 200, r: 40, census: false });
    expect(row("S02")).toMatchObject({ rawCount: 90, N: 90, n: 74, r: 15 });
    expect(row("X01")).toMatchObject({ N: 3, n: 3, r: 0, census: true, rule: "Chỉ tiêu 5 phiếu" });
    expect(view.totals).toEqual({ rawCount: 493, N: 491, n: 277, r: 55 });
    expect(view.byBlock.map((b) => [b.name, b.n])).toEqual([["Sở, ban, ngành", 274], ["UBND cấp xã", 3]]);
  });

  it("the same seed gives the same draw, and the command line gives it too, from the file or the anonymised export", async () => {
    const p = await framedPlan();
    const first = await drawSample({ planId: p.planId, seed: "Xổ số 17/11/2025: 359214", expectedLatestDrawId: 0 }, actorOf(p.admin));
    const a = await storedSelections(first.drawId);
    const drawA = await db().sampleDraw.findUniqueOrThrow({ where: { id: first.drawId } });
    const second = await drawSample({ planId: p.planId, seed: "Xổ số 17/11/2025: 359214", expectedLatestDrawId: first.drawId }, actorOf(p.admin));
    expect(second.drawId).not.toBe(first.drawId);
    expect(await storedSelections(second.drawId)).toEqual(a);
    const drawB = await db().sampleDraw.findUniqueOrThrow({ where: { id: second.drawId } });
    expect([drawB.frameChecksum, drawB.allocationChecksum]).toEqual([drawA.frameChecksum, drawA.allocationChecksum]);
    expect((await db().sampleDraw.findUniqueOrThrow({ where: { id: first.drawId } })).status).toBe("SUPERSEDED");
    expect(await db().selection.count({ where: { drawId: first.drawId } })).toBe(0);
    // The selected person of the repeated ones is the record with the latest date (row 3, S01-00002).
    expect(a.some((s) => s.startsWith("S01|S01-00001|")) || a.some((s) => s.startsWith("S01|S01-00003|"))).toBe(false);

    const app = await collect(selectionCsvLines(second.drawId));
    const strata = tmp.path(`strata-${p.planId}.csv`);
    writeFileSync(strata, await collect(strataCsvLines(drawB.allocation)));
    const anon = tmp.path(`anon-${p.planId}.csv`);
    writeFileSync(anon, await collect(anonymisedFrameLines(p.planId, "unit")));
    for (const frame of [p.path, anon]) {
      const cli = spawnSync("npx", ["tsx", "scripts/sipas.ts", "sample", "--frame", frame, "--seed", "Xổ số 17/11/2025: 359214", "--rules", strata, "--reserve", "0.2"], { encoding: "utf8" });
      expect(cli.status, cli.stderr).toBe(0);
      expect(cli.stdout).toBe(app);
      expect(cli.stderr).toContain(drawB.allocationChecksum);
      const checksum = frame === anon ? (drawB.allocation as { anonymisedFrameChecksum: string }).anonymisedFrameChecksum : drawB.frameChecksum;
      expect(cli.stderr).toContain(checksum);
    }
  }, 120_000);

  it("reads personal data as bytes, yet stores lib/sampling's checksums, also for values that need cleaning", async () => {
    const p = await framedPlan();
    // Values an import would never store, written behind its back: every slow path of
    // lib/draws/draw-frame.ts (escapes, spaces, NFD, wide spaces, other scripts, NULLs).
    const records = await db().frameRecord.findMany({ where: { planId: p.planId }, orderBy: { id: "asc" }, select: { id: true } });
    const odd = ["  hai  dấu cách ", "Nguye\u0302\u0303n NFD", "tab\there", "gạch \\ ngược", "nbsp\u00a0x", "line\nbreak", "漢字 テスト", "emoji 😀", "Ω ohm \u2126", "ﬁ ligature"];
    for (const [i, value] of odd.entries()) {
      await db().$executeRawUnsafe(`UPDATE "FrameRecord" SET "fullName" = E'${value}', "address" = ${i % 2 ? "NULL" : `E'${value}'`}, "phone" = ${i % 3 ? "NULL" : "'0912 345 678'"} WHERE "id" = $1`, records[i * 7]!.id);
    }
    await db().$executeRawUnsafe(`UPDATE "FrameRecord" SET "procedure" = E'thủ  tục\t', "dossierCode" = "dossierCode" || ' ' WHERE "id" = $1`, records[400 + 5]!.id);
    const d = await drawSample({ planId: p.planId, seed: "làm sạch", expectedLatestDrawId: 0 }, actorOf(p.admin));
    const stored = await db().sampleDraw.findUniqueOrThrow({ where: { id: d.drawId } });
    const frame = await loadFrame(db(), p.planId, { personal: true });
    const rerun = runDraw({
      seed: "làm sạch", records: frame, strata: "unit", reserveShare: "0.2",
      ruleFor: (s) => ({ kind: "manual", n: (stored.allocation as { strata: { code: string; n: number }[] }).strata.find((x) => x.code === s.code)!.n }),
    });
    expect(stored.frameChecksum).toBe(rerun.frameChecksum);
    expect((stored.allocation as { anonymisedFrameChecksum: string }).anonymisedFrameChecksum).toBe(anonymisedChecksum(frame, "unit"));
    await lockDraw({ planId: p.planId, drawId: d.drawId }, actorOf(p.admin));
    expect(await verifyStoredDraw(p.admin, actorOf(p.admin), p.planId)).toMatchObject({ matches: true });
  });

  it("a double click draws once; a stale page is refused", async () => {
    const p = await framedPlan();
    const input = { planId: p.planId, seed: "bấm-hai-lần", expectedLatestDrawId: 0 };
    const [x, y] = await Promise.all([drawSample(input, actorOf(p.admin)), drawSample(input, actorOf(p.admin))]);
    expect(x.drawId).toBe(y.drawId);
    expect([x.repeated, y.repeated].sort()).toEqual([false, true]);
    expect(await db().sampleDraw.count({ where: { planId: p.planId } })).toBe(1);
    const stale = await refusal(drawSample({ ...input, seed: "khác" }, actorOf(p.admin)));
    expect(stale.message).toContain("Đã có lần chọn mẫu mới hơn");
  });

  it("locking creates the forms and moves the plan to SAMPLED; then no re-draw and no new frame", async () => {
    const p = await framedPlan();
    const d = await drawSample({ planId: p.planId, seed: "khóa", expectedLatestDrawId: 0 }, actorOf(p.admin));
    const locked = await lockDraw({ planId: p.planId, drawId: d.drawId }, actorOf(p.admin));
    expect(locked).toMatchObject({ forms: 277, alreadyLocked: false });
    expect((await db().plan.findUniqueOrThrow({ where: { id: p.planId } })).state).toBe("SAMPLED");
    expect(await db().form.count({ where: { planId: p.planId } })).toBe(277);
    expect(await lockDraw({ planId: p.planId, drawId: d.drawId }, actorOf(p.admin))).toMatchObject({ alreadyLocked: true });
    expect(await db().form.count({ where: { planId: p.planId } })).toBe(277);
    const redraw = await refusal(drawSample({ planId: p.planId, seed: "lại", expectedLatestDrawId: d.drawId }, actorOf(p.admin)));
    expect(redraw.message).toContain("không thể chọn lại");
    await expect(importFrameFile({ planId: p.planId, actor: actorOf(p.admin), path: p.path, fileName: "lai.csv", checksum: "y".repeat(64), scope: { kind: "units-in-file" }, reportPath: null })).rejects.toThrow(/Không thể nhập danh sách/);
    expect(await db().auditEvent.count({ where: { planId: p.planId, action: { in: ["sample.draw", "sample.lock", "plan.transition", "forms.create"] } } })).toBe(4);
  });

  it("a monitor re-verifies: matches; after tampering, exactly what differs", async () => {
    const p = await framedPlan();
    const monitor = await makeUser("MONITOR", { planIds: [p.planId] });
    const outsider = await makeUser("MONITOR");
    const d = await drawSample({ planId: p.planId, seed: "giám sát", expectedLatestDrawId: 0 }, actorOf(p.admin));
    await lockDraw({ planId: p.planId, drawId: d.drawId }, actorOf(p.admin));
    expect(await verifyStoredDraw(monitor, actorOf(monitor), p.planId)).toMatchObject({ matches: true, result: { matches: true } });
    await refusal(verifyStoredDraw(outsider, actorOf(outsider), p.planId));

    // Swap a selected S02 person for one who was not drawn.
    const stratum = await db().stratum.findFirstOrThrow({ where: { planId: p.planId, code: "S02" } });
    const chosen = await db().selection.findFirstOrThrow({ where: { drawId: d.drawId, stratumId: stratum.id, role: "MAIN", order: 3 } });
    const chosenRecord = await db().frameRecord.findUniqueOrThrow({ where: { id: chosen.frameRecordId } });
    const selected = (await db().selection.findMany({ where: { drawId: d.drawId }, select: { frameRecordId: true } })).map((x) => x.frameRecordId);
    const notChosen = await db().frameRecord.findFirstOrThrow({ where: { planId: p.planId, unitId: stratum.unitId, id: { notIn: selected } } });
    await db().selection.update({ where: { id: chosen.id }, data: { frameRecordId: notChosen.id } });
    // Change the address of someone selected in S01.
    const s01Stratum = await db().stratum.findFirstOrThrow({ where: { planId: p.planId, code: "S01" } });
    const s01 = await db().selection.findFirstOrThrow({ where: { drawId: d.drawId, stratumId: s01Stratum.id } });
    await db().$executeRaw`UPDATE "FrameRecord" SET "address" = 'Địa chỉ khác' WHERE "id" = ${s01.frameRecordId}`;
    const v = await verifyStoredDraw(monitor, actorOf(monitor), p.planId);
    expect(v.matches).toBe(false);
    if (v.result.matches) throw new Error("expected differences");
    expect(v.result.frameChecksum).toBeDefined();
    expect(v.result.seed).toBeUndefined();
    expect(v.result.allocationChecksum).toBeUndefined();
    expect(v.result.strata).toEqual([
      {
        stratum: "S02", sizes: [], reordered: [],
        missing: [{ dossierCode: chosenRecord.dossierCode, role: "main", order: 3 }],
        extra: [{ dossierCode: notChosen.dossierCode, role: "main", order: 3 }],
      },
    ]);
    const audits = await db().auditEvent.findMany({ where: { action: "sample.verify", planId: p.planId }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.actorId, (a.after as { matches: boolean }).matches])).toEqual([[monitor.id, true], [monitor.id, false]]);
  });

  it("monitors see selected people masked; ADMIN sees them in full", async () => {
    const p = await framedPlan();
    const monitor = await makeUser("MONITOR", { planIds: [p.planId] });
    const d = await drawSample({ planId: p.planId, seed: "che", expectedLatestDrawId: 0 }, actorOf(p.admin));
    const full = await findSelections(p.admin, d.drawId, { limit: 5 });
    const masked = await findSelections(monitor, d.drawId, { limit: 5 });
    expect(full[0]!.name).toMatch(/^Người Thứ \d+$/);
    expect(masked[0]!.name).toBe(`Người T*** ${full[0]!.name.split(" ")[2]![0]}***`);
    expect(masked[0]!.phone).toMatch(/^09\*{6}\d\d$/);
    expect(masked[0]!.address).toBe("***, phường Hải Châu");
    expect(masked.map((m) => m.dossierCode)).toEqual(full.map((f) => f.dossierCode));
  });
  it("draws from columns a frame as imported, in any order, with dirty personal data too; lib/sampling's way otherwise; the same draw", async () => {
    for (const [shuffle, dirty] of [[false, false], [true, false], [true, true]] as const) {
      const p = await framedPlan({ shuffle });
      if (dirty) {
        const records = await db().frameRecord.findMany({ where: { planId: p.planId }, orderBy: { id: "asc" }, select: { id: true } });
        const odd = ["  hai  dấu cách ", "Nguye\u0302\u0303n NFD", "tab\there", "gạch \\ ngược", "nbsp\u00a0x", "line\nbreak", "漢字 テスト", "Ω ohm \u2126"];
        for (const [i, value] of odd.entries()) {
          await db().$executeRawUnsafe(`UPDATE "FrameRecord" SET "fullName" = $1, "address" = $2, "procedure" = $3 WHERE "id" = $4`, value, i % 2 ? null : value, `  ${value}`, records[i * 11]!.id);
        }
      }
      const input = { mode: "unit" as const, seed: "cột", reserveShare: "0.2", anonymised: true, ruleFor: () => ({ kind: "quota" as const, q: 40 }) };
      const read = () => withDedicatedConnection((prisma, raw) => prisma.$transaction(() => drawFromDatabase(raw, p.planId, input)));
      const columns = await read();
      expect(columns.way).toBe("columns");
      const frame = await loadFrame(db(), p.planId, { personal: true });
      const want = runDraw({ ...input, strata: "unit", records: frame });
      expect(columns.draw.frameChecksum).toBe(want.frameChecksum);
      expect(columns.draw.allocationChecksum).toBe(want.allocationChecksum);
      expect(columns.draw.anonymisedFrameChecksum).toBe(anonymisedChecksum(frame, "unit"));
      expect(columns.draw.selections).toEqual(want.selections.map((x) => ({
        stratum: x.stratum, dossierCode: x.dossierCode, role: x.role, order: x.order, key: x.key, inclusionProbability: x.inclusionProbability, recordId: x.record.id,
      })));
      expect(columns.draw.duplicates).toBe(want.duplicates.length);
      // A dossier code the import would never store sends the draw to lib/sampling's way: the same draw.
      await db().$executeRawUnsafe(`UPDATE "FrameRecord" SET "dossierCode" = "dossierCode" || ' x' WHERE "id" = $1`, frame[5]!.id);
      const records = await read();
      expect(records.way).toBe("records");
      const again = runDraw({ ...input, strata: "unit", records: await loadFrame(db(), p.planId, { personal: true }) });
      expect([records.draw.frameChecksum, records.draw.selections.length]).toEqual([again.frameChecksum, again.selections.length]);
    }
  }, 120_000);

  it("locking writes the forms by COPY as the rule says: draw order, numbers per unit, the seeded double-entry choice", async () => {
    const p = await framedPlan();
    const d = await drawSample({ planId: p.planId, seed: "phiếu", expectedLatestDrawId: 0 }, actorOf(p.admin));
    await lockDraw({ planId: p.planId, drawId: d.drawId }, actorOf(p.admin));
    const main = await db().$queryRaw<{ id: number; key: string; code: string; unitId: number; order: number }[]>`
      SELECT s."id", s."key", st."code", st."unitId", s."order" FROM "Selection" s JOIN "Stratum" st ON st."id" = s."stratumId"
       WHERE s."drawId" = ${d.drawId} AND s."role" = 'MAIN'`;
    main.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.order - b.order));
    const chosen = pickDoubleEntry("phiếu", main.map((s) => s.key), 0.1);
    const seq = new Map<number, number>();
    const want = main.map((s) => {
      const n = (seq.get(s.unitId) ?? 0) + 1;
      seq.set(s.unitId, n);
      return { selectionId: s.id, unitId: s.unitId, sequence: n, code: encodeFormCode({ plan: p.planId, unit: s.unitId, seq: n }), doubleEntry: chosen.has(s.key), state: "CREATED" };
    });
    const forms = await db().form.findMany({ where: { planId: p.planId }, orderBy: { id: "asc" }, select: { selectionId: true, unitId: true, sequence: true, code: true, doubleEntry: true, state: true, createdAt: true, updatedAt: true } });
    expect(forms.map(({ createdAt: _c, updatedAt: _u, ...f }) => f)).toEqual(want);
    expect(forms.every((f) => f.updatedAt.getTime() === f.createdAt.getTime())).toBe(true);
  });
});
