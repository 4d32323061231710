/**
 * One timed computation, in a fresh process so that its peak memory is its own:
 *   npx tsx bench/indices-run.ts db <planId>      (DATABASE_URL: the bench database)
 *   npx tsx bench/indices-run.ts folder <dir>
 * Prints one JSON line: phase times (ms; `total` from a cold start, `warm` a second run in the
 * same process) and the process's peak RSS (MB). Run by bench/indices.ts.
 */
import { performance } from "node:perf_hooks";
import { db, disconnectDb } from "@/lib/db";
import { readOpenDataFolder } from "@/lib/open-data/read";
import { closeBulkPool } from "@/lib/results/bulk-read";
import { inputsHash } from "@/lib/results/hash";
import { loadPlanInput } from "@/lib/results/load";
import { computeIndices } from "@/lib/sipas/indices";

async function main(): Promise<void> {
  const [source, arg] = process.argv.slice(2);
  const rssStart = process.memoryUsage().rss;
  const t0 = performance.now();
  let t = t0;
  const times: Record<string, number> = {};
  const lap = (name: string) => {
    const now = performance.now();
    times[name] = Math.round(now - t);
    t = now;
  };
  let result;
  let hash = "";
  let peakMb = 0;
  if (source === "db") {
    // Prisma's first query builds its client (query compiler, pool): a cost the running app has paid already.
    await db().$queryRaw`SELECT 1`;
    lap("connect");
    const loaded = await loadPlanInput(Number(arg));
    lap("load");
    hash = inputsHash(loaded.input, loaded.method);
    lap("hash");
    result = computeIndices(loaded.input, { method: loaded.method.elementMethod, minValid: loaded.method.minValidForms });
    lap("compute");
    times.total = Math.round(performance.now() - t0);
    peakMb = (process.resourceUsage().maxRSS * 1024) / 1048576;
    // Again in the same process: what the running app pays (connections open, code compiled).
    const warm = performance.now();
    const again = await loadPlanInput(Number(arg));
    inputsHash(again.input, again.method);
    computeIndices(again.input, { method: again.method.elementMethod, minValid: again.method.minValidForms });
    times.warm = Math.round(performance.now() - warm);
    await disconnectDb();
    await closeBulkPool();
  } else {
    const read = await readOpenDataFolder(arg ?? ".");
    if (!read.ok) throw new Error(read.issues[0]?.message);
    lap("read");
    hash = inputsHash(read.input, { elementMethod: "mean", minValidForms: 30 });
    lap("hash");
    result = computeIndices(read.input);
    lap("compute");
    times.total = Math.round(performance.now() - t0);
    peakMb = (process.resourceUsage().maxRSS * 1024) / 1048576;
  }
  console.log(
    JSON.stringify({
      source,
      forms: result.totals.forms,
      province: result.groups[0]?.index ?? null,
      hash,
      times,
      rssStartMb: rssStart / 1048576,
      // Peak of the cold run (load, hash, compute), before the warm repeat.
      peakRssMb: peakMb,
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
