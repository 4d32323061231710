import { db } from "@/lib/db";
import { publicRoute } from "@/lib/auth/guard";
import { vi } from "@/lib/i18n/vi";

export const dynamic = "force-dynamic";

/** Liveness and database state, for operators and load balancers. */
export const GET = publicRoute("health", async () => {
  const started = Date.now();
  try {
    const [row] = await db().$queryRaw<{ migrations: bigint }[]>`SELECT count(*) AS migrations FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
    return Response.json({
      status: "ok",
      database: { status: "up", message: vi.health.ok, latencyMs: Date.now() - started, migrations: Number(row?.migrations ?? 0) },
    });
  } catch {
    return Response.json({ status: "degraded", database: { status: "down", message: vi.health.down } }, { status: 503 });
  }
});
