import { spawn } from "node:child_process";
import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { createTestDatabase } from "../../lib/db/test-database";

/**
 * A fresh database (migrated, seeded with the demo province) and the built app served on
 * it. Returns the teardown that stops the server and drops the database.
 */
export default async function globalSetup() {
  const port = Number(process.env.SIPAS_E2E_PORT ?? 3100);
  const database = await createTestDatabase("sipas_e2e");
  process.env.DATABASE_URL = database.url;
  const { seed } = await import("../../prisma/seed");
  await seed(() => undefined);
  const { seedE2eExtras } = await import("./fixtures");
  await seedE2eExtras();
  const { disconnectDb } = await import("../../lib/db");
  await disconnectDb();
  mkdirSync("tmp", { recursive: true });
  writeFileSync(path.join("tmp", "e2e-database-url"), database.url);

  const env = { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: "e2e-secret", NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: "1" };
  const server = spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "inherit", "inherit"] });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || server.exitCode !== null) {
      server.kill("SIGTERM");
      await database.drop();
      throw new Error("Máy chủ kiểm thử không khởi động được (đã chạy `next build` chưa?).");
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once("exit", r)));
    await database.drop();
  };
}
