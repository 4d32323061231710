/**
 * `npx tsx bench/sampling-db.ts [records] [strata]`: the draw from the database. Fills a
 * bench database with a frame of `records` dossiers in `strata` units (default 1,000,000
 * in 500, through the real import path, not timed), then times the app's draw
 * (lib/draws/service.ts drawSample: frame read with personal data, dedup, allocation,
 * selection, both checksums, strata and selections stored) and the monitor's re-verify.
 * Target: the draw under 5 s. Prints each phase and the peak RSS.
 */
import { performance } from "node:perf_hooks";
import { benchDatabase, benchPlans, frameRow, HEADER, memoryMeter } from "./frame-fixture";

const RECORDS = Number(process.argv[2] ?? 1_000_000);
const STRATA = Number(process.argv[3] ?? 500);

async function main(): Promise<void> {
  const database = await benchDatabase();
  const { db, disconnectDb } = await import("@/lib/db");
  const { commitFrame } = await import("@/lib/frames/import");
  const { resolveColumns } = await import("@/lib/frames/columns");
  const { validateRow } = await import("@/lib/frames/validate");
  const { loadFrame } = await import("@/lib/draws/load-frame");
  const { drawSample, lockDraw } = await import("@/lib/draws/service");
  const { verifyStoredDraw } = await import("@/lib/draws/verify");
  const { runDraw } = await import("@/lib/sampling/draw");
  const { anonymisedChecksum } = await import("@/lib/frames/anonymised");
  try {
    const [planId] = await benchPlans(1, STRATA);
    let t = performance.now();
    const { columns } = resolveColumns(HEADER);
    const filled = await commitFrame({
      planId: planId!, actor: { id: null, name: "bench" }, source: "FILE", fileName: "bench", checksum: "0".repeat(64),
      scope: { kind: "units-in-file" }, columns: { unitCode: HEADER[0]!, dossierCode: HEADER[1]!, fieldCode: HEADER[6]! },
      read: async function* (ctx) {
        for (let i = 0; i < RECORDS; i++) yield { row: i + 2, result: validateRow({ row: i + 2, cells: frameRow(i, STRATA) }, columns, ctx) };
      },
      onProblem: (p) => console.error(p),
    });
    if (!filled.ok) throw new Error("bench frame has problems");
    console.log(`frame of ${RECORDS.toLocaleString("en")} records in ${STRATA} units imported (${((performance.now() - t) / 1000).toFixed(1)} s, not counted)`);
    await db().$executeRawUnsafe(`VACUUM ANALYZE "FrameRecord"`);
    await db().$executeRawUnsafe(`VACUUM ANALYZE "FrameRecordPersonal"`);

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
    const draw = await phase("drawSample (everything, stored)", () => drawSample({ planId: planId!, seed: "XSKT 17/11/2025: 359214", expectedLatestDrawId: 0 }, { id: null, name: "bench" }));
    const drawSeconds = (performance.now() - t) / 1000;
    const drawPeak = meter.peakMb();
    console.log(`draw ${drawSeconds.toFixed(2)} s (target < 5 s): main ${draw.main.toLocaleString("en")}, reserve ${draw.reserve.toLocaleString("en")}; peak RSS ${drawPeak.toFixed(0)} MB`);
    console.log("where the time goes:");
    {
      const { withDedicatedConnection } = await import("@/lib/db/dedicated");
      const records = await phase("  read the frame with personal data (pg)", () =>
        withDedicatedConnection((prisma, raw) => loadFrame(prisma, planId!, { personal: true, raw })),
      );
      await phase("  lib/sampling runDraw (dedup, allocation, selection, checksum)", () =>
        runDraw({ seed: "bench", records, strata: "unit", ruleFor: () => ({ kind: "yamane", e: "0.05" }), reserveShare: "0.2" }),
      );
      await phase("  anonymised checksum", () => anonymisedChecksum(records, "unit"));
    }
    await phase("lock (forms for the main sample)", () => lockDraw({ planId: planId!, drawId: draw.drawId }, { id: null, name: "bench" }));
    const admin = { id: 0, username: "bench", fullName: "bench", role: "ADMIN" as const, unitIds: [], planIds: [] };
    const v = await phase("re-verify (monitor)", () => verifyStoredDraw(admin, { id: null, name: "bench" }, planId!));
    console.log(`verify: ${v.matches ? "matches" : "DIFFERS"}; peak RSS ${meter.peakMb().toFixed(0)} MB`);
    meter.stop();
  } finally {
    await disconnectDb();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
