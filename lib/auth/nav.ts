import type { Role } from "@/lib/generated/prisma/enums";
import { vi } from "@/lib/i18n/vi";
import { reconcileText } from "@/lib/i18n/reconcile";
import { tokensText } from "@/lib/i18n/frames";
import { can, type Permission } from "./permissions";

/**
 * The side navigation: each area with the permission it needs. `designated`: roles other
 * than ADMIN see the item only as a designated verifier of some plan (PlanVerifier).
 */
export type NavItem = { href: string; label: string; permission: Permission; roles?: Role[]; designated?: true };

export const NAV: NavItem[] = [
  { href: "/admin", label: vi.nav.home, permission: "home.read", roles: ["ADMIN"] },
  { href: "/entry", label: vi.nav.home, permission: "home.read", roles: ["CLERK"] },
  { href: "/monitor", label: vi.nav.home, permission: "home.read", roles: ["MONITOR"] },
  { href: "/dashboard", label: vi.nav.home, permission: "home.read", roles: ["LEADER"] },
  { href: "/admin/plans", label: vi.nav.plans, permission: "plans.write" },
  { href: "/admin/units", label: vi.nav.units, permission: "units.write" },
  { href: "/admin/fields", label: vi.nav.fields, permission: "units.write" },
  { href: "/admin/questionnaires", label: vi.nav.questionnaires, permission: "questionnaires.write" },
  { href: "/admin/sampling", label: vi.nav.sampling, permission: "sampling.write" },
  { href: "/monitor/sampling", label: vi.nav.sampling, permission: "sampling.verify", roles: ["MONITOR"] },
  { href: "/admin/users", label: vi.nav.users, permission: "users.write" },
  { href: "/admin/tokens", label: tokensText.title, permission: "tokens.write" },
  { href: "/admin/forms", label: vi.nav.forms, permission: "forms.write" },
  { href: "/entry/forms", label: vi.nav.entry, permission: "entry.write" },
  { href: "/entry/reconcile", label: reconcileText.navLabel, permission: "entry.reconcile", designated: true },
  { href: "/monitor/forms", label: vi.nav.forms, permission: "forms.read", roles: ["MONITOR"] },
  { href: "/admin/results", label: vi.nav.results, permission: "results.write" },
  { href: "/dashboard/results", label: vi.nav.results, permission: "results.read", roles: ["LEADER"] },
  { href: "/monitor/results", label: vi.nav.results, permission: "results.read", roles: ["MONITOR"] },
  { href: "/admin/audit", label: vi.nav.audit, permission: "audit.read", roles: ["ADMIN"] },
  { href: "/monitor/audit", label: vi.nav.audit, permission: "audit.read", roles: ["MONITOR"] },
];

export function navFor(role: Role, opts: { verifier?: boolean } = {}): NavItem[] {
  return NAV.filter((n) => can(role, n.permission) && (!n.roles || n.roles.includes(role)) && (!n.designated || role === "ADMIN" || opts.verifier === true));
}
