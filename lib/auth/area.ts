import { requirePage } from "./page";
import type { SessionUser } from "./session";

/** The permission that opens each area; each page and action inside checks its own again. */
const AREA_PERMISSION = {
  "/admin": "plans.write",
  "/entry": "entry.write",
  "/monitor": "audit.read",
  "/dashboard": "dashboard.read",
} as const;

export function requireArea(area: keyof typeof AREA_PERMISSION): Promise<SessionUser> {
  return requirePage(AREA_PERMISSION[area], area);
}
