import { defineConfig } from "prisma/config";

// Read DATABASE_URL directly: Prisma's env() throws when it is unset, which would
// break `prisma generate` at install time (see ../shared/STACK.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/sipas" },
});
