import pg from "pg";
import { resolveDatabaseUrl } from "@/lib/db/url";

/**
 * A small pg pool for the one bulk read of results (one row per form, ~100,000 rows).
 * Prisma's raw queries cost ~1 s more on that many rows (its driver adapter converts every
 * value); everything else goes through db(). Kept on globalThis like db(), and idle
 * connections let the process exit (CLI, tests).
 */
const holder = globalThis as unknown as { __sipasBulkPool?: pg.Pool };

function pool(): pg.Pool {
  holder.__sipasBulkPool ??= new pg.Pool({ connectionString: resolveDatabaseUrl(), max: 2, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
  return holder.__sipasBulkPool;
}

/** Rows as arrays, in column order. */
export async function bulkRows(sql: string, params: unknown[]): Promise<unknown[][]> {
  const result = await pool().query<unknown[]>({ text: sql, values: params, rowMode: "array" });
  return result.rows;
}

export async function closeBulkPool(): Promise<void> {
  await holder.__sipasBulkPool?.end();
  holder.__sipasBulkPool = undefined;
}
