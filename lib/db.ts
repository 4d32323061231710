import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { resolveDatabaseUrl } from "@/lib/db/url";

/**
 * The one PrismaClient. Created on first use (not at import) so that `next build` and
 * tooling can import modules without a database, and kept on globalThis so that Next's
 * dev reloads do not open a pool per reload.
 */
const holder = globalThis as unknown as { __sipasPrisma?: PrismaClient };

export function db(): PrismaClient {
  if (!holder.__sipasPrisma) {
    const adapter = new PrismaPg({ connectionString: resolveDatabaseUrl(), max: Number(process.env.DB_POOL_SIZE ?? 10) });
    holder.__sipasPrisma = new PrismaClient({ adapter });
  }
  return holder.__sipasPrisma;
}

export async function disconnectDb(): Promise<void> {
  await holder.__sipasPrisma?.$disconnect();
  holder.__sipasPrisma = undefined;
}

/** The client handed to callbacks of db().$transaction(). */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type DbOrTx = PrismaClient | Tx;
