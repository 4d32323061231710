import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The permission matrix: one flat list, one line per permission. Every server action and
 * route handler names one of these (lib/auth/guard.ts); row scope (a clerk's units, a
 * monitor's plans) is applied by the services from the session, never from the client.
 */
export const PERMISSIONS = {
  "home.read": ["ADMIN", "CLERK", "MONITOR", "LEADER"],
  "users.read": ["ADMIN"],
  "users.write": ["ADMIN"],
  "units.read": ["ADMIN", "MONITOR", "LEADER"],
  "units.write": ["ADMIN"],
  "questionnaires.read": ["ADMIN", "MONITOR", "LEADER"],
  "questionnaires.write": ["ADMIN"],
  "plans.read": ["ADMIN", "MONITOR", "LEADER"],
  "plans.write": ["ADMIN"],
  "frames.read": ["ADMIN", "MONITOR"],
  "frames.write": ["ADMIN"],
  "sampling.read": ["ADMIN", "MONITOR"],
  "sampling.write": ["ADMIN"],
  "sampling.verify": ["ADMIN", "MONITOR"],
  "personal.read": ["ADMIN"],
  "personal.purge": ["ADMIN"],
  "forms.read": ["ADMIN", "MONITOR"],
  "forms.write": ["ADMIN"],
  "entry.write": ["ADMIN", "CLERK"],
  // CLERK: only as a designated verifier, on the plans they are designated on and never on
  // a form they entered (PlanVerifier; lib/entry/verifiers.ts applies that row scope).
  "entry.reconcile": ["ADMIN", "CLERK"],
  "entry.verifiers": ["ADMIN"],
  "results.read": ["ADMIN", "MONITOR", "LEADER"],
  "results.write": ["ADMIN"],
  "results.publish": ["ADMIN"],
  "dashboard.read": ["ADMIN", "LEADER"],
  "audit.read": ["ADMIN", "MONITOR"],
  "tokens.write": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
export const ROLES: readonly Role[] = ["ADMIN", "CLERK", "MONITOR", "LEADER"];

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The home page of each role. */
export const HOME_PATH: Record<Role, string> = {
  ADMIN: "/admin",
  CLERK: "/entry",
  MONITOR: "/monitor",
  LEADER: "/dashboard",
};
