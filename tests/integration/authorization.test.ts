import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { guardInfo } from "@/lib/auth/guard";
import { PERMISSIONS, ROLES } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";
import { makeUser, useCleanDatabase } from "./helpers";

/**
 * Every server action and route handler, as every role and as nobody. The lists are found
 * on disk, so an action added without the guard (or with a permission outside the matrix)
 * makes this test fail.
 */

const current: { user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/session")>();
  return { ...real, getSessionUser: async () => current.user, requestIp: async () => "203.0.113.9" };
});

// Public on purpose; adding to this list is a reviewed decision.
const PUBLIC_ROUTES = new Set(["app/api/auth/[...nextauth]/route.ts", "app/api/health/route.ts", "app/api/public/answer/route.ts", "app/api/public/results/[planId]/route.ts", "app/api/v1/plans/[id]/frame-records/route.ts"]);
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const root = process.cwd();
const files = walk(path.join(root, "app")).map((f) => path.relative(root, f).split(path.sep).join("/"));
const actionFiles = files.filter((f) => /\.(ts|tsx)$/.test(f) && /^\s*["']use server["']/.test(readFileSync(f, "utf8")));
const routeFiles = files.filter((f) => f.endsWith("/route.ts"));

type Endpoint = { file: string; name: string; fn: (...a: unknown[]) => Promise<unknown>; kind: "action" | "route" };
const endpoints: Endpoint[] = [];

useCleanDatabase();

beforeAll(async () => {
  for (const file of actionFiles) {
    const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) endpoints.push({ file, name, fn: fn as Endpoint["fn"], kind: "action" });
  }
  for (const file of routeFiles) {
    const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) {
      if (HTTP_METHODS.includes(name)) endpoints.push({ file, name, fn: fn as Endpoint["fn"], kind: "route" });
    }
  }
});

describe("authorization of every server action and route handler", () => {
  it("finds the actions and routes", () => {
    expect(actionFiles.length).toBeGreaterThan(0);
    expect(routeFiles.length).toBeGreaterThan(0);
    expect(endpoints.length).toBeGreaterThan(4);
  });

  it("every export goes through the guard with a permission from the matrix", () => {
    const problems: string[] = [];
    for (const e of endpoints) {
      const info = guardInfo(e.fn);
      if (!info) problems.push(`${e.file} ${e.name}: not built with action()/route()/publicRoute()`);
      else if (info.kind === "public" && !PUBLIC_ROUTES.has(e.file)) problems.push(`${e.file} ${e.name}: public but not in PUBLIC_ROUTES`);
      else if (info.kind !== "public" && !(info.permission && info.permission in PERMISSIONS)) problems.push(`${e.file} ${e.name}: unknown permission`);
      else if (e.kind === "action" && info.kind !== "action") problems.push(`${e.file} ${e.name}: a server action must use action()`);
    }
    expect(problems).toEqual([]);
  });

  it("refuses or allows each role exactly as the matrix says, and records every refusal", async () => {
    const users = new Map<Role, SessionUser>();
    for (const role of ROLES) users.set(role, await makeUser(role));
    const outcomes: string[] = [];
    for (const e of endpoints) {
      const info = guardInfo(e.fn);
      if (!info || info.kind === "public") continue;
      const allowed = PERMISSIONS[info.permission!] as readonly Role[];
      for (const who of [null, ...ROLES] as const) {
        current.user = who ? users.get(who)! : null;
        const before = await db().auditEvent.count({ where: { outcome: "DENIED" } });
        let code: string;
        if (e.kind === "action") {
          const r = (await e.fn({})) as { ok: boolean; code?: string };
          code = r.ok ? "OK" : r.code!;
        } else {
          const res = (await e.fn(new Request("http://localhost/test", { method: e.name, ...(e.name === "GET" ? {} : { body: "{}" }) }), {
            params: Promise.resolve({}),
          })) as Response;
          code = res.status === 401 ? "UNAUTHENTICATED" : res.status === 403 ? "FORBIDDEN" : String(res.status);
        }
        const refused = code === "UNAUTHENTICATED" || code === "FORBIDDEN";
        const shouldRefuse = who === null || !allowed.includes(who);
        const after = await db().auditEvent.count({ where: { outcome: "DENIED" } });
        if (refused !== shouldRefuse) outcomes.push(`${e.file} ${e.name} as ${who ?? "nobody"}: got ${code}`);
        if (refused && after !== before + 1) outcomes.push(`${e.file} ${e.name} as ${who ?? "nobody"}: refusal not audited`);
        if (who === null && code !== "UNAUTHENTICATED") outcomes.push(`${e.file} ${e.name}: nobody got ${code}`);
      }
    }
    expect(outcomes).toEqual([]);
  });
});
