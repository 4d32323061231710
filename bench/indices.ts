/**
 * `npx tsx bench/indices.ts [forms] [strata] [--keep]`: the whole SIPAS computation at a
 * province's scale (default 100,000 forms × 22 criteria over 300 strata).
 *
 * 1. generates the data (bench/generate-open-data.ts), creates a bench database on
 *    DATABASE_URL's server (else 127.0.0.1:5432, else embedded), bulk-inserts it as a plan
 *    with Stratum, Form, Response and Answer rows;
 * 2. times, each in a fresh process (its own peak memory), three times:
 *    from the database — lib/results/load.ts (SQL) + inputs hash + lib/sipas computeIndices;
 *    from the open-data folder exported from that database — read + hash + compute;
 * 3. checks that both give the same inputs hash and province figure, prints, and drops
 *    the database (kept with --keep; `--database=<url>` runs the timings again on a kept
 *    one). Asserts nothing about time: it prints figures.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import pg from "pg";
import { createTestDatabase } from "@/lib/db/test-database";
import { compileQuestionnaire } from "@/lib/sipas/layout";
import { generateIndexInput } from "./generate-open-data";

const run = promisify(execFile);
const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const keep = process.argv.includes("--keep");
/** --database=<url>: a database kept by an earlier --keep run; skips generating and inserting. */
const reuse = process.argv.find((a) => a.startsWith("--database="))?.slice("--database=".length);
const nForms = Number(args[0] ?? 100_000);
const nStrata = Number(args[1] ?? 300);
const ms = (t: number) => `${Math.round(t)} ms`;
const TITLE = "Kế hoạch đo hiệu năng";

type RunResult = { source: string; forms: number; province: number | null; hash: string; times: Record<string, number>; peakRssMb: number; rssStartMb: number };

async function child(source: "db" | "folder", arg: string, databaseUrl: string): Promise<RunResult> {
  const { stdout } = await run(path.join("node_modules", ".bin", "tsx"), ["bench/indices-run.ts", source, arg], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as RunResult;
}

function summary(label: string, runs: RunResult[]): void {
  const phases = Object.keys(runs[0]?.times ?? {});
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const parts = phases.map((p) => `${p} ${ms(median(runs.map((r) => r.times[p] ?? 0)))}`);
  const best = phases.map((p) => `${p} ${ms(Math.min(...runs.map((r) => r.times[p] ?? 0)))}`);
  console.log(`${label} (mỗi lần một tiến trình mới; ${runs.length} lần)`);
  console.log(`  trung vị:   ${parts.join(", ")}`);
  // On a shared machine the fastest run is the closest to the code's own cost.
  console.log(`  nhanh nhất: ${best.join(", ")}`);
  console.log(`  RSS đỉnh: ${Math.max(...runs.map((r) => r.peakRssMb)).toFixed(0)} MB (tiến trình Node rỗng sau khi nạp mã: ${runs[0]?.rssStartMb.toFixed(0)} MB)`);
}

async function main(): Promise<void> {
  const database = reuse ? { url: reuse, drop: async () => {} } : await createTestDatabase("sipas_bench");
  process.env.DATABASE_URL = database.url;
  const { insertSurvey } = await import("../tests/fixtures/survey-db");
  const { writePlanOpenData } = await import("@/lib/results/open-data");
  const { disconnectDb, db } = await import("@/lib/db");
  const dir = await mkdtemp(path.join(os.tmpdir(), "sipas-bench-"));
  try {
    let t = performance.now();
    let planId: number;
    if (reuse) {
      planId = (await db().plan.findFirstOrThrow({ where: { title: TITLE }, select: { id: true } })).id;
      // So that the snapshot below is computed, not found unchanged.
      await db().resultSnapshot.deleteMany({ where: { planId, published: false } });
    } else {
      const input = generateIndexInput({ forms: nForms, strata: nStrata });
      const layout = compileQuestionnaire(input.questionnaire);
      console.log(
        `quy mô: ${input.forms.count} phiếu × ${layout.satisfactionCodes.length} câu hài lòng (22 tiêu chí + câu chung), ` +
          `${layout.choices.length} câu lựa chọn, ${input.strata.length} tầng, ${input.units.length} đơn vị; sinh dữ liệu ${ms(performance.now() - t)}`,
      );
      t = performance.now();
      planId = (await insertSurvey(input, { year: 2025, title: TITLE, codePrefix: "B" })).planId;
      const tInsert = performance.now() - t;
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ answers: number; size: string }>(
        `SELECT (SELECT count(*) FROM "Answer")::int AS answers, pg_size_pretty(pg_database_size(current_database())) AS size`,
      );
      await client.end();
      console.log(`nạp vào CSDL (INSERT hàng loạt, kể cả trigger đóng gói câu trả lời): ${ms(tInsert)}; ${rows[0]?.answers} dòng Answer; CSDL ${rows[0]?.size}`);
    }

    t = performance.now();
    const exported = await writePlanOpenData(planId, dir);
    await disconnectDb();
    await (await import("@/lib/results/bulk-read")).closeBulkPool();
    const size = (await stat(path.join(dir, "responses.csv"))).size;
    console.log(`xuất thư mục dữ liệu mở từ CSDL: ${ms(performance.now() - t)}; responses.csv ${(size / 1048576).toFixed(1)} MB`);

    const fromDb: RunResult[] = [];
    const fromFolder: RunResult[] = [];
    for (let k = 0; k < 5; k++) {
      fromDb.push(await child("db", String(planId), database.url));
      fromFolder.push(await child("folder", dir, database.url));
    }
    summary("Từ CSDL: nạp (SQL) + băm + tính", fromDb);
    summary("Từ thư mục dữ liệu mở: đọc + băm + tính", fromFolder);
    // Storing a snapshot as the app does (load, hash, compute, JSON, insert), in this process.
    const { computeSnapshot } = await import("@/lib/results/service");
    t = performance.now();
    const snap = await computeSnapshot(planId, { id: null, name: "bench" });
    const tSnap = performance.now() - t;
    const c2 = new pg.Client({ connectionString: database.url });
    await c2.connect();
    const { rows: stored } = await c2.query<{ kb: number }>(`SELECT (octet_length(results::text) / 1024)::int AS kb FROM "ResultSnapshot" WHERE id = $1`, [snap.snapshotId]);
    await c2.end();
    console.log(`"Tính lại kết quả" trong ứng dụng (nạp + băm + tính + lưu bản chụp): ${ms(tSnap)}; JSON kết quả ${stored[0]?.kb} KB`);
    await disconnectDb();
    await (await import("@/lib/results/bulk-read")).closeBulkPool();

    const a = fromDb[0];
    const b = fromFolder[0];
    const same = a?.hash === b?.hash && a?.hash === exported.hash && a?.province === b?.province;
    console.log(`mã băm đầu vào: ${a?.hash.slice(0, 12)}…; chỉ số tỉnh ${a?.province?.toFixed(4)}; CSDL và thư mục ${same ? "khớp" : "KHÔNG KHỚP"}`);
    if (!same) process.exitCode = 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
    if (keep) console.log(`giữ CSDL: ${database.url}`);
    else await database.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
