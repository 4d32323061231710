import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { resolveDatabaseUrl } from "@/lib/db/url";

/**
 * The one PrismaClient. Created on first use (not at import) so that `next build` and
 * tooling can import modules without a database, and kept on globalThis so that Next's
 * dev reloads do not open a pool per reload.
 */
const holder = globalThis as unknown as { __sipasPrisma?: PrismaClient; __sipasPool?: pg.Pool };

export function db(): PrismaClient {
  if (!holder.__sipasPrisma) {
    const connections = new pg.Pool({ connectionString: resolveDatabaseUrl(), max: Number(process.env.DB_POOL_SIZE ?? 10) });
    connections.on("error", (err) => console.error("[db] idle connection:", err.message));
    holder.__sipasPool = connections;
    holder.__sipasPrisma = new PrismaClient({ adapter: new PrismaPg(connections) });
  }
  return holder.__sipasPrisma;
}

/**
 * The connection pool under db(), for the few hot statements that are sent without the
 * ORM (session check, entry save): one round trip, no query-engine work. Same connections
 * as db(), so the two never hold more than DB_POOL_SIZE between them.
 */
export function pool(): pg.Pool {
  db();
  return holder.__sipasPool!;
}

export async function disconnectDb(): Promise<void> {
  const { __sipasPrisma: prisma, __sipasPool: p } = holder;
  holder.__sipasPrisma = undefined;
  holder.__sipasPool = undefined;
  await prisma?.$disconnect();
  await p?.end();
}

/** The client handed to callbacks of db().$transaction(). */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type DbOrTx = PrismaClient | Tx;
