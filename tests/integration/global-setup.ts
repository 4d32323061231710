import type { TestProject } from "vitest/node";
import { createTestDatabase } from "@/lib/db/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One fresh database for the integration run, migrated with the committed migrations. */
export default async function setup(project: TestProject) {
  const db = await createTestDatabase("sipas_it", (l) => console.log(l));
  project.provide("databaseUrl", db.url);
  return async () => {
    await db.drop();
  };
}
