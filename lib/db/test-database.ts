import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded";
import { deployMigrations } from "./migrations";

/**
 * A database created for one test run: on DATABASE_URL's server if given, else on the
 * local server (127.0.0.1:5432, user postgres), else on an embedded PostgreSQL. Never the
 * database DATABASE_URL names itself: a fresh one beside it, dropped at the end.
 */
export type TestDatabase = { url: string; drop: () => Promise<void> };

const LOCAL = "postgresql://postgres@127.0.0.1:5432/postgres";

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

function withDb(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(prefix: string, log: (l: string) => void = () => {}): Promise<TestDatabase> {
  let server: string | null = null;
  let embedded: EmbeddedServer | null = null;
  const given = process.env.SIPAS_TEST_DATABASE_SERVER ?? process.env.DATABASE_URL;
  if (given && (await reachable(withDb(given, "postgres")))) server = withDb(given, "postgres");
  else if (await reachable(LOCAL)) server = LOCAL;
  else {
    log("Không có PostgreSQL cục bộ: dùng PostgreSQL nhúng cho kiểm thử.");
    embedded = await startEmbeddedPostgres({ dir: path.join(process.cwd(), ".data", "postgres-test"), port: 54339 });
    server = embedded.url("postgres");
  }
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDb(server, name);
  await deployMigrations(url);
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: server! });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
      await embedded?.stop();
    },
  };
}

/**
 * Empties every table between tests. The audit trail's append-only trigger is bypassed
 * here only, with session_replication_role (which needs a superuser: test databases only).
 */
export async function truncateAll(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    await c.query("SET session_replication_role = replica");
    await c.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
  } finally {
    await c.end();
  }
}
