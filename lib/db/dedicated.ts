import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { resolveDatabaseUrl } from "./url";

/**
 * A Prisma client on exactly one PostgreSQL connection, together with that connection.
 * Bulk loads need COPY, which Prisma cannot send; run through this, an interactive
 * transaction of the Prisma client and the COPY statements sent on `raw` share one
 * session, so they commit or roll back together (lib/frames/import.ts). The one-connection
 * pool makes that certain. The application's other work stays on db().
 */
export async function withDedicatedConnection<T>(fn: (prisma: PrismaClient, raw: pg.PoolClient) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: resolveDatabaseUrl(), max: 1 });
  const raw = await pool.connect();
  // Back to the pool at once: Prisma checks the same (only) connection out for its transaction.
  raw.release();
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  try {
    return await fn(prisma, raw);
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
}
