/**
 * `npx tsx bench/frame-import.ts [rows] [units]`: generates a frame of `rows` rows
 * (default 1,000,000 in 500 units) as .xlsx and as .csv, then imports each through the
 * real import path (lib/frames/import-file.ts: streaming read, validation of every row,
 * one transaction) into a PostgreSQL database created for the bench, and prints the time,
 * the CPU time and the peak memory (RSS) of each. Each import runs in a fresh Node process,
 * as one upload does in the server, so that one file's garbage is not counted against the
 * other's. The .xlsx is written twice: with inline strings (exceljs's streaming default)
 * and with the shared-string table Excel itself uses. Targets on a 2-core machine: .xlsx < 60 s, .csv < 20 s, both < 500 MB. The
 * database is dropped at the end (`--keep` keeps it for bench/sampling-db.ts).
 */
import { spawnSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { benchDatabase, benchPlans, frameRow, HEADER, memoryMeter } from "./frame-fixture";

const args = process.argv.includes("--import-one") ? [] : process.argv.slice(2).filter((a) => !a.startsWith("--"));
const ROWS = Number(args[0] ?? 1_000_000);
const UNITS = Number(args[1] ?? 500);
const KEEP = process.argv.includes("--keep");
const dir = join(tmpdir(), "sipas-bench");

async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  out.write(`\uFEFF${HEADER.join(",")}\n`);
  for (let i = 0; i < ROWS; i++) {
    if (!out.write(`${frameRow(i, UNITS).map(q).join(",")}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

/** `shared`: text in the shared-string table, as Excel saves it (exceljs's default is inline). */
async function writeXlsx(path: string, shared: boolean): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: shared, useStyles: false });
  const sheet = wb.addWorksheet("Danh sách");
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < ROWS; i++) sheet.addRow(frameRow(i, UNITS)).commit();
  sheet.commit();
  await wb.commit();
}

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

async function benchAll(): Promise<void> {
  await mkdir(dir, { recursive: true });
  const csv = join(dir, `frame-${ROWS}.csv`);
  const xlsx = join(dir, `frame-${ROWS}.xlsx`);
  const xlsxShared = join(dir, `frame-${ROWS}-shared.xlsx`);
  if (process.argv.includes("--generate")) {
    await writeCsv(csv);
    await writeXlsx(xlsx, false);
    await writeXlsx(xlsxShared, true);
    return;
  }
  let t = performance.now();
  // Generated in a child process, so that its garbage does not inflate the memory measured here.
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), String(ROWS), String(UNITS), "--generate"], { stdio: "inherit" });
  if (child.status !== 0) throw new Error("generation failed");
  console.log(`generated ${ROWS.toLocaleString("en")} rows in ${UNITS} units: csv ${mb((await stat(csv)).size)}, xlsx ${mb((await stat(xlsx)).size)}, xlsx with shared strings ${mb((await stat(xlsxShared)).size)} (${((performance.now() - t) / 1000).toFixed(1)} s, not counted)`);

  const database = await benchDatabase();
  const { db, disconnectDb } = await import("@/lib/db");
  try {
    const [csvPlan, xlsxPlan, sharedPlan] = await benchPlans(3, UNITS);
    console.log(`node ${process.version}, database ${database.url.replace(/\/\/[^@]*@/, "//")}`);
    for (const [label, path, planId, target] of [["csv", csv, csvPlan!, 20], ["xlsx", xlsx, xlsxPlan!, 60], ["xlsx-shared", xlsxShared, sharedPlan!, 60]] as const) {
      const one = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--import-one", label.slice(0, 4) === "xlsx" ? "xlsx" : "csv", path, String(planId)], {
        env: { ...process.env, DATABASE_URL: database.url },
        stdio: ["ignore", "pipe", "inherit"],
        encoding: "utf8",
      });
      if (one.status !== 0) throw new Error(`import of ${label} failed`);
      const r = JSON.parse(one.stdout.trim().split("\n").pop()!) as { seconds: number; cpu: number; peakMb: number; startMb: number; duplicates: number };
      const stored = await db().frameRecord.count({ where: { planId } });
      console.log(
        `${label.padEnd(11)} ${r.seconds.toFixed(1).padStart(6)} s (target < ${target} s)  cpu ${r.cpu.toFixed(1)} s  ` +
          `peak RSS ${r.peakMb.toFixed(0)} MB (process at start ${r.startMb.toFixed(0)} MB; target < 500 MB)  rows ${stored.toLocaleString("en")}  duplicates ${r.duplicates.toLocaleString("en")}`,
      );
    }
  } finally {
    await disconnectDb();
    if (KEEP) console.log(`kept: DATABASE_URL=${database.url}`);
    else await database.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** One import in this process (the child): prints its figures as JSON. */
async function importOne(label: string, path: string, planId: number): Promise<void> {
  const { importFrameFile } = await import("@/lib/frames/import-file");
  const { disconnectDb } = await import("@/lib/db");
  const meter = memoryMeter();
  const startMb = meter.peakMb();
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const outcome = await importFrameFile({
    planId, actor: { id: null, name: "bench" }, path, fileName: `frame.${label}`, checksum: "0".repeat(64),
    scope: { kind: "units-in-file" }, reportPath: join(dir, `report-${label}.xlsx`),
  });
  const seconds = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpu0);
  meter.stop();
  await disconnectDb();
  if (outcome.status !== "committed") throw new Error(`import failed: ${JSON.stringify(outcome).slice(0, 500)}`);
  console.log(JSON.stringify({ seconds, cpu: (cpu.user + cpu.system) / 1e6, peakMb: meter.peakMb(), startMb, duplicates: outcome.duplicateRecords }));
}

const importOneAt = process.argv.indexOf("--import-one");
const main = importOneAt >= 0 ? () => importOne(process.argv[importOneAt + 1]!, process.argv[importOneAt + 2]!, Number(process.argv[importOneAt + 3])) : benchAll;

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
