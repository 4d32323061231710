import { headers } from "next/headers";
import { pool } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/audit/service";
import { clientIp } from "./ip";
import { readSessionClaims } from "./session-token";

export type SessionUser = {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  /** CLERK scope. */
  unitIds: number[];
  /** MONITOR scope. */
  planIds: number[];
};

/**
 * The signed-in user, re-read from the database on every request: a deactivated user,
 * or one whose password was reset (sessionVersion bumped), is signed out at once.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const claims = await readSessionClaims();
  if (!claims) return null;
  return loadSessionUser(claims.uid, claims.sv);
}

export async function loadSessionUser(id: number, sessionVersion: number): Promise<SessionUser | null> {
  // One statement, sent without the ORM: this runs on every request. Named, so that each
  // connection parses and plans it once (planning it was ~5% of a save's database CPU).
  const { rows: [user] } = await pool().query<
    { id: number; username: string; fullName: string; role: Role; active: boolean; sessionVersion: number; unitIds: number[]; planIds: number[] }
  >({
    name: "session-user",
    text: `SELECT u.id, u.username, u."fullName", u.role::text AS role, u.active, u."sessionVersion",
                  ARRAY(SELECT "unitId" FROM "UserUnit" WHERE "userId" = u.id ORDER BY "unitId") AS "unitIds",
                  ARRAY(SELECT "planId" FROM "UserPlan" WHERE "userId" = u.id ORDER BY "planId") AS "planIds"
             FROM "User" u WHERE u.id = $1`,
    values: [id],
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    unitIds: user.unitIds,
    planIds: user.planIds,
  };
}

export async function requestIp(): Promise<string> {
  try {
    return clientIp(await headers());
  } catch {
    return "local";
  }
}

export function actorOf(user: SessionUser | null, ip: string): Actor {
  return user ? { id: user.id, name: user.username, ip } : { id: null, name: "(chưa đăng nhập)", ip };
}
