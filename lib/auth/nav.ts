import type { Role } from "@/lib/generated/prisma/enums";
import { vi } from "@/lib/i18n/vi";
import { can, type Permission } from "./permissions";

/** The side navigation: each area with the permission it needs. */
export type NavItem = { href: string; label: string; permission: Permission; roles?: Role[] };

export const NAV: NavItem[] = [
  { href: "/admin", label: vi.nav.home, permission: "home.read", roles: ["ADMIN"] },
  { href: "/entry", label: vi.nav.home, permission: "home.read", roles: ["CLERK"] },
  { href: "/monitor", label: vi.nav.home, permission: "home.read", roles: ["MONITOR"] },
  { href: "/dashboard", label: vi.nav.home, permission: "home.read", roles: ["LEADER"] },
  { href: "/admin/plans", label: vi.nav.plans, permission: "plans.write" },
  { href: "/admin/units", label: vi.nav.units, permission: "units.write" },
  { href: "/admin/users", label: vi.nav.users, permission: "users.write" },
  { href: "/admin/audit", label: vi.nav.audit, permission: "audit.read", roles: ["ADMIN"] },
  { href: "/monitor/audit", label: vi.nav.audit, permission: "audit.read", roles: ["MONITOR"] },
];

export function navFor(role: Role): NavItem[] {
  return NAV.filter((n) => can(role, n.permission) && (!n.roles || n.roles.includes(role)));
}
