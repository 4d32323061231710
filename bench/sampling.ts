/**
 * `npx tsx bench/sampling.ts [records] [strata]`: the sampling pipeline on a synthetic
 * frame (default 1,000,000 records in 500 strata, about 2% duplicates). Prints the time
 * of each phase, the total and the peak RSS. Target: dedup + allocation + selection < 5 s.
 */
import { performance } from "node:perf_hooks";
import { allocate } from "@/lib/sampling/allocation";
import { frameChecksum, allocationChecksum } from "@/lib/sampling/checksum";
import { dedupStratum } from "@/lib/sampling/dedup";
import { selectStratum } from "@/lib/sampling/selection";
import { groupByStratum } from "@/lib/sampling/strata";
import type { FrameRecord } from "@/lib/sampling/types";

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const STRATA = Number(process.argv[3] ?? 500);
const SEED = "bench-2025-11-23";

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const timer = setInterval(sampleRss, 20);

/** A small deterministic generator (mulberry32) so every run sees the same frame. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(): FrameRecord[] {
  const rand = rng(20251123);
  const names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Võ Thị Giang"];
  const records: FrameRecord[] = new Array(TOTAL);
  for (let i = 0; i < TOTAL; i++) {
    const unit = `U${String(i % STRATA).padStart(3, "0")}`;
    const duplicateOf = i >= STRATA && rand() < 0.02 ? records[i - STRATA] : undefined; // same unit, earlier record
    const withPhone = rand() < 0.8;
    const record: FrameRecord = {
      unitCode: unit,
      dossierCode: `000.00.${unit}-25${String(i).padStart(8, "0")}`,
      name: duplicateOf?.name ?? `${names[i % names.length]} ${i}`,
      kind: rand() < 0.9 ? "individual" : "organisation",
      address: duplicateOf?.address ?? `Số ${i % 300} đường ${i % 97}, phường ${i % 41}`,
      phone: duplicateOf ? duplicateOf.phone : withPhone ? `09${String(i).padStart(8, "0")}` : null,
      fieldCode: ["DAT_DAI", "HO_TICH", "DAU_TU", "LAO_DONG"][i % 4] ?? null,
      procedure: "Thủ tục hành chính",
      resultDate: `2025-0${1 + (i % 8)}-${String(1 + (i % 28)).padStart(2, "0")}`,
    };
    // Template literals make rope ("cons") strings, which V8 scans far more slowly than
    // the flat strings a file parser produces; a JSON round trip flattens them.
    records[i] = JSON.parse(JSON.stringify(record)) as FrameRecord;
  }
  return records;
}

/** CPU time (user + system) of this process per phase: robust when other work shares the cores. */
const cpu: Record<string, number> = {};

function phase<T>(label: string, fn: () => T, times: Record<string, number>): T {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const out = fn();
  const c = process.cpuUsage(c0);
  times[label] = performance.now() - t0;
  cpu[label] = (c.user + c.system) / 1000;
  sampleRss();
  return out;
}

const times: Record<string, number> = {};
const records = phase("generate (not counted)", generate, times);
const groups = phase("group by stratum", () => groupByStratum(records, "unit"), times);
const deduped = phase("dedup", () => groups.map((g) => ({ code: g.code, ...dedupStratum(g.code, g.records) })), times);
const allocation = phase(
  "allocation",
  () => allocate(deduped.map((d) => ({ code: d.code, N: d.kept.length, rule: { kind: "yamane", e: "0.05" } })), "0.2"),
  times,
);
const selections = phase(
  "selection",
  () => deduped.flatMap((d, i) => selectStratum(SEED, d.code, d.kept, allocation.strata[i]!.n, allocation.strata[i]!.r)),
  times,
);
const checksums = phase(
  "checksums (frame + allocation)",
  () => [frameChecksum(deduped.map((d) => ({ code: d.code, records: d.kept }))), allocationChecksum(allocation)],
  times,
);
clearInterval(timer);

const counted = ["group by stratum", "dedup", "allocation", "selection"].reduce((s, k) => s + (times[k] ?? 0), 0);
const duplicates = deduped.reduce((s, d) => s + d.duplicates.length, 0);
const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
console.log(`records ${TOTAL.toLocaleString("en")} in ${STRATA} strata, node ${process.version}`);
const countedCpu = ["group by stratum", "dedup", "allocation", "selection"].reduce((s, k) => s + (cpu[k] ?? 0), 0);
const check = "checksums (frame + allocation)";
console.log(`  ${"phase".padEnd(32)} ${"wall".padStart(9)} ${"cpu".padStart(9)}`);
for (const [k, v] of Object.entries(times)) console.log(`  ${k.padEnd(32)} ${fmt(v)} ${fmt(cpu[k] ?? 0)}`);
console.log(`  ${"draw (group+dedup+alloc+select)".padEnd(32)} ${fmt(counted)} ${fmt(countedCpu)}   target < 5 s`);
console.log(`  ${"draw incl. checksums".padEnd(32)} ${fmt(counted + (times[check] ?? 0))} ${fmt(countedCpu + (cpu[check] ?? 0))}`);
console.log(`duplicates dropped ${duplicates.toLocaleString("en")}; N ${allocation.totals.N.toLocaleString("en")}; ` +
  `main ${allocation.totals.n.toLocaleString("en")}; reserve ${allocation.totals.r.toLocaleString("en")}; selected ${selections.length.toLocaleString("en")}`);
console.log(`frame checksum ${checksums[0]}`);
console.log(`peak RSS ${(peakRss / 1024 ** 2).toFixed(0)} MB`);
