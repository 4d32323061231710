import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/service";
import { closeBulkPool } from "@/lib/results/bulk-read";
import { writeResultsWorkbook } from "@/lib/results/excel";
import { exportPlanOpenData } from "@/lib/results/open-data";
import { getSnapshot } from "@/lib/results/queries";
import { computeSnapshot } from "@/lib/results/service";
import { tarFolder } from "@/lib/results/tar";
import { OPEN_DATA_FILES } from "@/lib/open-data/read";
import { insertSurvey } from "../fixtures/survey-db";
import { smallSurvey } from "../fixtures/results-input";
import { useCleanDatabase } from "./helpers";

const run = promisify(execFile);
useCleanDatabase();
afterAll(() => closeBulkPool());

async function snapshotWithHostileName() {
  const input = smallSurvey({ forms: 300, strata: 6 });
  // A unit name a spreadsheet would run as a formula.
  input.units[0] = { ...input.units[0]!, name: "=HYPERLINK(\"http://x\",\"bấm\")" };
  const { planId } = await insertSurvey(input, { year: 2025, title: "Kế hoạch thử xuất", codePrefix: "X", planState: "ANALYSIS", settings: { minValidForms: 30 } });
  const { snapshotId } = await computeSnapshot(planId, SYSTEM_ACTOR);
  return { planId, snapshot: (await getSnapshot(planId, snapshotId))!, input };
}

async function workbookOf(snapshot: Awaited<ReturnType<typeof snapshotWithHostileName>>["snapshot"]) {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (c: Buffer) => chunks.push(c));
  await writeResultsWorkbook(snapshot, sink);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return wb;
}

describe("results exports", () => {
  it("writes the Excel tables with headers, frozen header rows, number formats and escaped text", async () => {
    const { snapshot, input } = await snapshotWithHostileName();
    const wb = await workbookOf(snapshot);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Đơn vị", "Yếu tố", "Tiêu chí", "Nhóm", "Thông tin"]);
    const units = wb.getWorksheet("Đơn vị")!;
    expect(units.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(units.getRow(1).getCell(8).value).toBe("SIPAS (%)");
    const rows = units.getSheetValues().slice(2) as unknown[][];
    expect(rows).toHaveLength(input.units.length);
    const hostile = rows.find((r) => String(r[3]).includes("HYPERLINK"));
    expect(hostile?.[3]).toBe("'=HYPERLINK(\"http://x\",\"bấm\")");
    const first = units.getRow(2);
    const u = snapshot.results.indices.units[String(first.getCell(2).value)]!;
    expect(first.getCell(8).value).toBe(u.sipas.index);
    expect(first.getCell(8).numFmt).toBe("0.00");
    // Every satisfaction item of every unit on the criteria sheet; empty cells where no figure.
    const criteria = wb.getWorksheet("Tiêu chí")!;
    expect(criteria.rowCount - 1).toBe(input.units.length * 23);
    const info = wb.getWorksheet("Thông tin")!;
    expect(JSON.stringify(info.getSheetValues())).toContain(snapshot.inputsHash);
  });

  it("packs the open-data folder into a .tar that tar extracts byte for byte, comments left out", async () => {
    const { planId } = await snapshotWithHostileName();
    const out = await exportPlanOpenData(planId);
    const dir = await mkdtemp(path.join(os.tmpdir(), "sipas-tar-"));
    try {
      const tar = tarFolder("sipas-test", OPEN_DATA_FILES.map((name) => ({ name, content: out.files[name] })), new Date("2026-01-02T03:04:05Z"));
      await writeFile(path.join(dir, "a.tar"), tar);
      const { stdout } = await run("tar", ["-tvf", "a.tar"], { cwd: dir });
      expect(stdout).toContain("sipas-test/responses.csv");
      await run("tar", ["-xf", "a.tar"], { cwd: dir });
      for (const name of OPEN_DATA_FILES) expect(await readFile(path.join(dir, "sipas-test", name), "utf8")).toBe(out.files[name]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // Nothing of the frame or the people: no dossier codes, names, phones; comments left empty.
    const header = out.files["responses.csv"].split("\r\n")[0];
    expect(header?.startsWith("form_code,stratum,unit_code,")).toBe(true);
    const yk = header!.split(",").indexOf("YK");
    const comments = out.files["responses.csv"].split("\r\n").slice(1, -1).map((line) => line.split(",")[yk]);
    expect(new Set(comments)).toEqual(new Set([""]));
    // …although the database holds them.
    expect(await db().answer.count({ where: { item: { code: "YK" }, status: "VALID" } })).toBeGreaterThan(0);
  });
});
