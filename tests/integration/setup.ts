import { inject } from "vitest";

// Every module that reads DATABASE_URL (lib/db.ts) now points at the run's own database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-tests";
