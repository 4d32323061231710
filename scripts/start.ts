/**
 * `npm start`: builds, migrates, seeds demo data and serves the app on http://localhost:3000.
 * With no DATABASE_URL it runs an embedded PostgreSQL with its data under .data/ (kept
 * between runs, stopped cleanly on Ctrl-C). `--dev` runs `next dev` instead of a build.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deployMigrations } from "../lib/db/migrations";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "../lib/db/embedded";
import { DEMO_PASSWORD, PROVINCE, USERS } from "../prisma/seed-data";

const root = process.cwd();
const dataDir = path.join(root, ".data");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const log = (l: string) => console.log(`[sipas] ${l}`);

function secret(): string {
  const file = path.join(dataDir, "nextauth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  let embedded: EmbeddedServer | null = null;
  let child: ChildProcess | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child?.once("exit", r));
    }
    if (embedded) {
      log("Đang dừng PostgreSQL nhúng…");
      await embedded.stop();
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  if (!process.env.DATABASE_URL) {
    const pgPort = Number(process.env.SIPAS_EMBEDDED_PG_PORT ?? 54329);
    log(`Không có DATABASE_URL: khởi động PostgreSQL nhúng (dữ liệu ở .data/postgres, cổng ${pgPort})…`);
    embedded = await startEmbeddedPostgres({ dir: path.join(dataDir, "postgres"), port: pgPort, log });
    await ensureDatabase(embedded.url("postgres"), "sipas");
    process.env.DATABASE_URL = embedded.url("sipas");
  }
  process.env.NEXTAUTH_SECRET ??= secret();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  process.env.SIPAS_PROVINCE_NAME ??= PROVINCE; // the demo province
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.CHECKPOINT_DISABLE = "1";

  try {
    await deployMigrations(process.env.DATABASE_URL!, log);
    const { seed } = await import("../prisma/seed");
    await seed(log);
    const { disconnectDb } = await import("../lib/db");
    await disconnectDb();

    const next = path.join(root, "node_modules", ".bin", "next");
    if (!dev && process.env.SIPAS_SKIP_BUILD !== "1") {
      log("Đang build ứng dụng (next build)…");
      const build = spawnSync(next, ["build"], { stdio: "inherit", env: process.env });
      if (build.status !== 0) throw new Error("next build thất bại.");
    }
    child = spawn(next, [dev ? "dev" : "start", "-p", String(port)], { stdio: "inherit", env: process.env });
    child.once("exit", (code) => void shutdown(code ?? 0));
    console.log(
      [
        "",
        `  SIPAS đang chạy: http://localhost:${port}`,
        "  Tài khoản mẫu (mật khẩu chung: " + DEMO_PASSWORD + "):",
        ...USERS.map((u) => `    ${u.username.padEnd(20)} ${u.role.padEnd(8)} ${u.fullName} — ${u.note}`),
        "  Dừng: Ctrl-C",
        "",
      ].join("\n"),
    );
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    await shutdown(1);
  }
}

void main();
