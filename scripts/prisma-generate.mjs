// Runs `prisma generate` without Prisma's native schema engine, which cannot be
// downloaded on these machines. generate does not use the engine; the CLI only
// insists that one exists, so we point it at a stub that answers --version.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const dir = path.join(tmpdir(), "sipas-prisma-stub");
mkdirSync(dir, { recursive: true });
const stub = path.join(dir, "schema-engine");
writeFileSync(stub, '#!/bin/sh\nif [ "$1" = "--version" ]; then echo "schema-engine-cli 0.0.0"; exit 0; fi\nexit 1\n');
chmodSync(stub, 0o755);

const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);
