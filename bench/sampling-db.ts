/**
 * `npx tsx --expose-gc bench/sampling-db.ts [records] [strata] [--keep] [--reuse=<url>] [--quick]`:
 * the draw from the database. Fills a bench database with a frame of `records` dossiers in
 * `strata` units (default 1,000,000 in 500, through the real import path, not timed), then
 * times the app's draw (lib/draws/service.ts drawSample: frame read, dedup, allocation,
 * selection, both checksums, strata and selections stored), the lock (forms of the main
 * sample) and the monitor's re-verify. Target: the draw under 5 s. Prints each phase and
 * the peak RSS, and the draw's steps alone, beside lib/sampling's way (the reference) on the
 * same frame unless `--quick`. `--keep` keeps the filled database (its URL is printed; its
 * name starts with SIPAS_BENCH_DB_PREFIX, default sipas_bench_draw); `--reuse=<url>` times
 * again on a kept one (its draws, strata, selections and forms are removed first).
 */
import { performance } from "node:perf_hooks";
import { createTestDatabase } from "@/lib/db/test-database";
import { benchDatabase, benchPlans, frameRow, HEADER, memoryMeter } from "./frame-fixture";

const positional = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const RECORDS = Number(positional[0] ?? 1_000_000);
const STRATA = Number(positional[1] ?? 500);
const keep = process.argv.includes("--keep");
const quick = process.argv.includes("--quick");
const reuse = process.argv.find((a) => a.startsWith("--reuse="))?.slice("--reuse=".length);

/** A kept bench database: the plan back in FRAME with no draw, strata, selections or forms. */
async function resetKept(url: string): Promise<number> {
  // Migrations added since the database was kept.
  await (await import("@/lib/db/migrations")).deployMigrations(url);
  const pg = (await import("pg")).default;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: number }>(`SELECT "id" FROM "Plan" ORDER BY "id" LIMIT 1`);
    const planId = rows[0]!.id;
    await c.query("BEGIN");
    await c.query(`DELETE FROM "Form" WHERE "planId" = $1`, [planId]);
    await c.query(`DELETE FROM "SampleDraw" WHERE "planId" = $1`, [planId]);
    await c.query(`DELETE FROM "Stratum" WHERE "planId" = $1`, [planId]);
    await c.query(`UPDATE "Plan" SET "state" = 'FRAME' WHERE "id" = $1`, [planId]);
    await c.query("COMMIT");
    await c.query(`VACUUM ANALYZE "Selection"`);
    await c.query(`VACUUM ANALYZE "Form"`);
    return planId;
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const database = reuse ? { url: reuse, drop: async () => {} } : keep ? await createTestDatabase(process.env.SIPAS_BENCH_DB_PREFIX ?? "sipas_bench_draw") : await benchDatabase();
  // lib/db reads DATABASE_URL on first use: everything below talks to the bench database.
  process.env.DATABASE_URL = database.url;
  const { db, disconnectDb } = await import("@/lib/db");
  const { commitFrame } = await import("@/lib/frames/import");
  const { resolveColumns } = await import("@/lib/frames/columns");
  const { validateRow } = await import("@/lib/frames/validate");
  const { loadDrawFrame, frameChecksumOf, frameOrder, anonymisedChecksumOf } = await import("@/lib/draws/draw-frame");
  const { drawSample, lockDraw } = await import("@/lib/draws/service");
  const { readFrameColumns } = await import("@/lib/draws/frame-columns");
  const { drawColumns } = await import("@/lib/draws/fast-draw");
  const { verifyStoredDraw } = await import("@/lib/draws/verify");
  const { runDraw } = await import("@/lib/sampling/draw");
  try {
    async function fill(): Promise<number> {
      const [planId] = await benchPlans(1, STRATA);
      const { columns } = resolveColumns(HEADER);
      const filled = await commitFrame({
        planId: planId!, actor: { id: null, name: "bench" }, source: "FILE", fileName: "bench", checksum: "0".repeat(64),
        scope: { kind: "units-in-file" }, columns: { unitCode: HEADER[0]!, dossierCode: HEADER[1]!, fieldCode: HEADER[6]! },
        read: async function* (ctx) {
          for (let i = 0; i < RECORDS; i += 1000) {
            yield Array.from({ length: Math.min(1000, RECORDS - i) }, (_, k) => ({ row: i + k + 2, result: validateRow({ row: i + k + 2, cells: frameRow(i + k, STRATA) }, columns, ctx) }));
          }
        },
        onProblem: (p) => console.error(p),
      });
      if (!filled.ok) throw new Error("bench frame has problems");
      console.log(`frame of ${RECORDS.toLocaleString("en")} records in ${STRATA} units imported (${((performance.now() - t) / 1000).toFixed(1)} s, not counted)`);
      await db().$executeRawUnsafe(`VACUUM ANALYZE "FrameRecord"`);
      return planId!;
    }
    let t = performance.now();
    const planId = reuse ? await resetKept(reuse) : await fill();
    if (reuse) console.log(`kept database ${reuse}: plan ${planId} reset to FRAME`);
    if (keep) console.log(`database kept: ${database.url}`);

    const meter = memoryMeter();
    const phase = async <T>(label: string, fn: () => Promise<T> | T): Promise<T> => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const out = await fn();
      const c = process.cpuUsage(c0);
      console.log(`  ${label.padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(2).padStart(7)} s  cpu ${((c.user + c.system) / 1e6).toFixed(2)} s`);
      return out;
    };
    console.log(`node ${process.version}; phases (wall, this process's cpu):`);
    // The draw first, on a fresh heap: the phases below would otherwise keep a million
    // records alive and inflate its peak memory.
    global.gc?.();
    meter.reset();
    t = performance.now();
    const steps: string[] = [];
    const draw = await phase("drawSample (everything, stored)", () =>
      drawSample({ planId: planId!, seed: "XSKT 17/11/2025: 359214", expectedLatestDrawId: 0 }, { id: null, name: "bench" }, {
        onPhase: (label, ms) => steps.push(`    ${label.padEnd(56)} ${(ms / 1000).toFixed(2).padStart(7)} s`),
      }),
    );
    const drawSeconds = (performance.now() - t) / 1000;
    const drawPeak = meter.peakMb();
    console.log(`draw ${drawSeconds.toFixed(2)} s (target < 5 s): main ${draw.main.toLocaleString("en")}, reserve ${draw.reserve.toLocaleString("en")}; peak RSS ${drawPeak.toFixed(0)} MB`);
    console.log("inside drawSample (wall):");
    for (const line of steps) console.log(line);
    if (!quick) {
      console.log("the same steps alone (after the draw):");
      const { withDedicatedConnection } = await import("@/lib/db/dedicated");
      // In a transaction, as the app reads it: the pool would otherwise close the idle connection after 10 s.
      const read = <T>(fn: (raw: import("pg").PoolClient) => Promise<T>) =>
        withDedicatedConnection((prisma, raw) => prisma.$transaction(() => fn(raw), { timeout: 600_000 }));
      const rule = () => ({ kind: "yamane" as const, e: "0.05" });
      const columns = await phase("  read the frame as columns (COPY)", () => read((raw) => readFrameColumns(raw, planId!, "unit")));
      if (!columns.usable) console.log(`    (columns not usable: ${columns.reason})`);
      await phase("  drawColumns (dedup, allocation, selection, checksums)", () =>
        drawColumns(columns, { seed: "bench", ruleFor: rule, reserveShare: "0.2", anonymised: true }),
      );
      const frame = await phase("  the reference: read the frame as records (COPY)", () => read((raw) => loadDrawFrame(raw, planId!)));
      const order = await phase("  the reference: sort each stratum by dossier code", () => frameOrder(frame.records, "unit"));
      await phase("  the reference: lib/sampling runDraw", () =>
        runDraw({
          seed: "bench", records: frame.records, strata: "unit", ruleFor: rule, reserveShare: "0.2",
          frameChecksum: (strata) => frameChecksumOf(frame, strata, order),
        }),
      );
      await phase("  the reference: anonymised checksum", () => anonymisedChecksumOf(order));
    }
    global.gc?.();
    await phase("lock (forms for the main sample)", () => lockDraw({ planId: planId!, drawId: draw.drawId }, { id: null, name: "bench" }));
    const admin = { id: 0, username: "bench", fullName: "bench", role: "ADMIN" as const, unitIds: [], planIds: [] };
    const v = await phase("re-verify (monitor)", () => verifyStoredDraw(admin, { id: null, name: "bench" }, planId!));
    console.log(`verify: ${v.matches ? "matches" : "DIFFERS"}; peak RSS ${meter.peakMb().toFixed(0)} MB`);
    meter.stop();
  } finally {
    await disconnectDb();
    if (!keep && !reuse) await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
