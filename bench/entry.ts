/**
 * `npx tsx bench/entry.ts [--seconds 60] [--clerks 20] [--think 1000] [--stress 20] [--port 3299] [--keep]`:
 * 20 clerks saving forms at once against the real server. Creates a bench database on the local
 * PostgreSQL (127.0.0.1:5432, or SIPAS_BENCH_SERVER), fills it with RETURNED forms, starts
 * `next start` on it (the build in SIPAS_DIST_DIR, default .next), signs 20 clerks in
 * through next-auth's credentials callback, and has each POST its forms to
 * /api/entry/save — the route the entry screen uses — as fast as answers come back.
 * Prints throughput and p50/p95/p99 of a save. Target: p95 < 100 ms on a 2-core machine.
 *
 * Two measurements (docs/decisions/2026-11-23-entry-benchmark.md):
 * - the target, for --seconds (60): each clerk pauses --think ms (1000) after a save's answer
 *   before sending the next one. Keying a 22-criterion form takes a person 10 s or more, so
 *   one save a second per clerk is several times faster than the fastest clerk;
 * - then the capacity, for --stress seconds (20; 0 skips it): no pause at all, 20 saves always
 *   in flight — the throughput ceiling of the machine, not a clerk's experience, so no target.
 * --think 0 makes the first measurement the no-pause one. --seconds 10 for a quick run. --warmup S (default 5): the clerks first save for S seconds uncounted, so that
 * what is measured is the server at work, not its start (next start loads every page's
 * modules in the background after it starts listening, and V8 is still compiling).
 * The server's CPU per save is read from /proc, so it stays meaningful when other work shares
 * the machine; so is the CPU of the PostgreSQL backends serving it, and the generator's own.
 * SIPAS_BENCH_DB_PREFIX names the bench database (default sipas_bench_entry, then a timestamp).
 */
import { spawn } from "node:child_process";
import http from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { deployMigrations } from "@/lib/db/migrations";
import { encodeFormCode } from "@/lib/forms/form-code";
import { BUILTIN_TEMPLATES } from "@/lib/sipas/templates";

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? def) : def;
};
const SECONDS = Number(arg("seconds", "60"));
const CLERKS = Number(arg("clerks", "20"));
const PORT = Number(arg("port", "3299"));
const WARMUP = Number(arg("warmup", "5"));
const FORMS_PER_CLERK = Number(arg("forms", String(Math.max(500, (SECONDS + WARMUP + Number(arg("stress", "20"))) * 40))));
const KEEP = process.argv.includes("--keep");
const THINK = Number(arg("think", "1000"));
const STRESS = THINK > 0 ? Number(arg("stress", "20")) : 0;
const SERVER = process.env.SIPAS_BENCH_SERVER ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PASSWORD = "bench-mat-khau-2026";
const BASE = `http://127.0.0.1:${PORT}`;

function withDb(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function sql(url: string, text: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(text, params);
  } finally {
    await c.end();
  }
}

/** The bench database: the classic questionnaire, one plan in ENTRY, a unit and a clerk per worker, RETURNED forms. */
async function prepare(url: string): Promise<{ codes: string[][] }> {
  process.env.DATABASE_URL = url;
  const { db, disconnectDb } = await import("@/lib/db");
  const { publishQuestionnaireVersion } = await import("@/lib/questionnaires/service");
  const { hashPassword } = await import("@/lib/auth/password");
  const { SYSTEM_ACTOR } = await import("@/lib/audit/service");
  const q = BUILTIN_TEMPLATES.classic;
  const { versionId } = await db().$transaction((tx) => publishQuestionnaireVersion(tx, { templateCode: q.template, templateName: q.title, builtin: true, definition: q }, SYSTEM_ACTOR), { timeout: 60_000 });
  const level = await db().adminLevel.create({ data: { code: "XA", name: "Cấp xã", validFrom: new Date("2000-01-01") } });
  const block = await db().block.create({ data: { code: "UBND_XA", name: "UBND cấp xã" } });
  const plan = await db().plan.create({
    data: { year: 2026, title: "Kế hoạch đo tải nhập phiếu", windowStart: new Date("2026-01-01"), windowEnd: new Date("2026-08-31"), state: "ENTRY", questionnaireVersionId: versionId, modes: ["POST"], settings: { rules: [{ scope: { type: "default" }, rule: { kind: "quota", n: 50 } }] } },
  });
  const passwordHash = await hashPassword(PASSWORD);
  const codes: string[][] = [];
  for (let c = 0; c < CLERKS; c++) {
    const unit = await db().unit.create({ data: { code: `B${c + 1}`, name: `Ủy ban nhân dân xã Đo Tải ${c + 1}`, levelId: level.id, blockId: block.id, validFrom: new Date("2000-01-01") } });
    await db().planUnit.create({ data: { planId: plan.id, unitId: unit.id } });
    const stratum = await db().stratum.create({ data: { planId: plan.id, code: unit.code, unitId: unit.id, population: 10_000, rawCount: 10_000, sampleSize: FORMS_PER_CLERK, reserve: 0, rule: "bench" } });
    await db().user.create({ data: { username: `clerk${c + 1}`, fullName: `Cán bộ đo tải ${c + 1}`, role: "CLERK", passwordHash, units: { create: [{ unitId: unit.id }] } } });
    const mine = Array.from({ length: FORMS_PER_CLERK }, (_, i) => encodeFormCode({ plan: plan.id, unit: unit.id, seq: i + 1 }));
    await db().$executeRawUnsafe(
      `INSERT INTO "Form" ("planId", "unitId", "stratumId", code, sequence, state, "updatedAt")
       SELECT $1, $2, $3, c, s, 'RETURNED', now() FROM unnest($4::text[], $5::int[]) AS t(c, s)`,
      plan.id, unit.id, stratum.id, mine, mine.map((_, i) => i + 1),
    );
    codes.push(mine);
  }
  await disconnectDb();
  return { codes };
}

async function startServer(url: string) {
  const env = { ...process.env, DATABASE_URL: url, NEXTAUTH_SECRET: "bench-secret", NEXTAUTH_URL: BASE, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };
  // SIPAS_BENCH_NODE_FLAGS, e.g. "--cpu-prof --cpu-prof-dir=tmp/prof", profiles the server.
  const flags = (process.env.SIPAS_BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean);
  const next = path.join("node_modules", "next", "dist", "bin", "next");
  const server = spawn(process.execPath, [...flags, next, "start", "-p", String(PORT), "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"] });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return server;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || server.exitCode !== null) throw new Error("next start did not come up (build first: SIPAS_DIST_DIR=… npx next build)");
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Signs in through next-auth's credentials callback, as the sign-in page does; returns the cookie header. */
async function signIn(username: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = (pair ?? "").split("=");
      if (k) jar.set(k, v.join("="));
    }
  };
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    body: new URLSearchParams({ csrfToken, username, password: PASSWORD, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in of ${username} failed (${res.status})`);
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

function answers(i: number): Record<string, string> {
  const out: Record<string, string> = {};
  BUILTIN_TEMPLATES.classic.items.forEach((item, k) => {
    out[item.code] = item.kind === "satisfaction" ? String(((i + k) % 5) + 1) : item.kind === "text" ? "" : item.kind === "expectation" ? "2;5" : (item.options[(i + k) % item.options.length]?.code ?? "");
  });
  return out;
}

/** CPU seconds used so far by a process (Linux /proc; null elsewhere): the server's cost per save, whatever else runs on the machine. */
function cpuSeconds(pid: number | undefined): number | null {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return null;
  const fields = readFileSync(file, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds so far of each PostgreSQL backend serving the bench database (the server's pool), by pid. */
async function backendCpu(url: string): Promise<Map<number, number>> {
  const { rows } = await sql(url, `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
  const out = new Map<number, number>();
  for (const { pid } of rows as { pid: number }[]) {
    const s = cpuSeconds(pid);
    if (s !== null) out.set(pid, s);
  }
  return out;
}

/**
 * One save, as the entry screen posts it, over node:http with kept-alive connections (one per
 * clerk, as each browser keeps its own). fetch() cost the generator about 2 ms of CPU per save,
 * taken from the same two cores as the server it measures; this costs less than half of that.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: CLERKS });
function post(route: string, cookie: string, body: string): Promise<{ status: number; json: { ok: boolean; error?: string } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: "127.0.0.1", port: PORT, path: route, method: "POST", headers: { Cookie: cookie, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString("utf8")) as { ok: boolean; error?: string } });
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main() {
  const name = `${process.env.SIPAS_BENCH_DB_PREFIX ?? "sipas_bench_entry"}_${Date.now().toString(36)}`;
  const url = withDb(SERVER, name);
  await sql(SERVER, `CREATE DATABASE "${name}"`);
  let server: ReturnType<typeof spawn> | null = null;
  try {
    await deployMigrations(url, () => undefined);
    const t0 = performance.now();
    const { codes } = await prepare(url);
    console.log(`Dữ liệu đo: ${CLERKS} cán bộ × ${FORMS_PER_CLERK} phiếu đã thu về (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    server = await startServer(url);
    const cookies = await Promise.all(Array.from({ length: CLERKS }, (_, c) => signIn(`clerk${c + 1}`)));
    // Warm-up: the first request of each route compiles and caches on the server.
    await fetch(`${BASE}/api/entry/save`, { method: "POST", headers: { Cookie: cookies[0]!, "Content-Type": "application/json" }, body: "{}" });

    let latencies: number[] = [];
    let errors = 0;
    const next = cookies.map(() => 0);
    /** Each clerk saves its next forms until `until`, pausing `think` ms after each; latencies are kept when `record`. */
    const run = (until: number, think: number, record: boolean) =>
      Promise.all(
        cookies.map(async (cookie, c) => {
          while (next[c]! < FORMS_PER_CLERK && performance.now() < until) {
            const i = next[c]!++;
            const body = JSON.stringify({ code: codes[c]![i], intent: "first", version: 1, key: randomBytes(12).toString("hex"), cells: answers(i) });
            const t = performance.now();
            const { status, json } = await post("/api/entry/save", cookie, body);
            if (record) latencies.push(performance.now() - t);
            if (!json.ok) {
              errors++;
              if (errors <= 3) console.error(`lỗi: ${status} ${json.error}`);
            }
            if (think > 0) await new Promise((r) => setTimeout(r, think));
          }
        }),
      );
    if (WARMUP > 0) await run(performance.now() + WARMUP * 1000, THINK, false);
    const warmErrors = errors;

    /** One measurement: `seconds` of saving with `think` ms pauses; prints its figures. */
    const measure = async (seconds: number, think: number, target: boolean) => {
      latencies = [];
      errors = 0;
      const pg0 = await backendCpu(url);
      const cpu0 = cpuSeconds(server!.pid);
      const me0 = process.cpuUsage();
      const started = performance.now();
      await run(started + seconds * 1000, think, true);
      const elapsed = (performance.now() - started) / 1000;
      const me = process.cpuUsage(me0);
      const cpu1 = cpuSeconds(server!.pid);
      const pg1 = await backendCpu(url);
      latencies.sort((a, b) => a - b);
      const [{ n }] = (await sql(url, `SELECT count(*)::int AS n FROM "Response"`)).rows as [{ n: number }];
      console.log("");
      console.log(target ? "── Mục tiêu: cán bộ nhập phiếu" : "── Năng lực tối đa (lưu liên tục, không có mục tiêu độ trễ)");
      console.log(`${CLERKS} cán bộ${think > 0 ? `, nghỉ ${think} ms sau mỗi lần lưu` : ", lưu liên tục"}, ${elapsed.toFixed(1)} s: ${latencies.length} lần lưu, ${errors} lỗi, ${n} phiếu trong cơ sở dữ liệu`);
      console.log(`thông lượng ${(latencies.length / elapsed).toFixed(1)} phiếu/s`);
      console.log(`độ trễ một lần lưu: p50 ${pct(latencies, 50).toFixed(1)} ms · p95 ${pct(latencies, 95).toFixed(1)} ms · p99 ${pct(latencies, 99).toFixed(1)} ms · max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`);
      if (cpu0 !== null && cpu1 !== null) console.log(`CPU của máy chủ Next: ${(((cpu1 - cpu0) * 1000) / latencies.length).toFixed(1)} ms mỗi lần lưu`);
      if (pg1.size > 0) {
        // Backends that ended during the run are missed (the pool keeps its connections while busy).
        const pgCpu = [...pg1].reduce((sum, [pid, s]) => sum + s - (pg0.get(pid) ?? 0), 0);
        console.log(`CPU của PostgreSQL (các tiến trình phục vụ máy chủ): ${((pgCpu * 1000) / latencies.length).toFixed(1)} ms mỗi lần lưu`);
      }
      console.log(`CPU của bộ tạo tải (tiến trình này, các cán bộ giả lập): ${((me.user + me.system) / 1000 / latencies.length).toFixed(1)} ms mỗi lần lưu`);
      console.log(`tải máy lúc đo: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")} (số lõi: ${(await import("node:os")).availableParallelism()})`);
      if (target) console.log(pct(latencies, 95) < 100 ? "Đạt mục tiêu p95 < 100 ms." : "CHƯA đạt mục tiêu p95 < 100 ms.");
    };
    console.log(`(sau ${WARMUP} s khởi động không tính, ${warmErrors} lỗi)`);
    await measure(SECONDS, THINK, true);
    if (STRESS > 0) await measure(STRESS, 0, false);
  } finally {
    if (server) {
      agent.destroy();
      server.kill("SIGTERM");
      await new Promise((r) => (server!.exitCode !== null ? r(null) : server!.once("exit", r)));
    }
    if (!KEEP) await sql(SERVER, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    else console.log(`Giữ lại cơ sở dữ liệu ${name}`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
