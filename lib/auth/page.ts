import { redirect } from "next/navigation";
import { recordAuditNow } from "@/lib/audit/service";
import { can, type Permission } from "./permissions";
import { actorOf, getSessionUser, requestIp, type SessionUser } from "./session";

/**
 * For pages and layouts: the signed-in user with `permission`, or a redirect (to sign-in
 * when there is no session; to /forbidden, recorded in the audit trail, when the role
 * may not see it). Pages are still only views: every change goes through a guarded action.
 */
export async function requirePage(permission: Permission, path: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (!can(user.role, permission)) {
    await recordAuditNow({
      actor: actorOf(user, await requestIp()),
      action: "access.denied",
      entity: "Page",
      entityId: path,
      outcome: "DENIED",
      after: { permission, role: user.role },
    });
    redirect("/forbidden");
  }
  return user;
}
