import { redirect } from "next/navigation";
import { db, type DbOrTx, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlanState, Role } from "@/lib/generated/prisma/enums";
import { recordAudit, recordAuditNow, type Actor } from "@/lib/audit/service";
import { requirePage } from "@/lib/auth/page";
import { actorOf, requestIp, type SessionUser } from "@/lib/auth/session";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { formatFormCode } from "@/lib/forms/form-code";
import { planStateLabels } from "@/lib/i18n/plans";
import { verifiersText as t } from "@/lib/i18n/verifiers";
import type { TPlanVerifier } from "./verifier-schemas";

/**
 * Designated verifiers of double entry (docs/decisions/2026-11-23-designated-verifier.md).
 *
 * ADMIN designates, per plan, CLERK accounts (typically a senior clerk) who may reconcile
 * that plan's double entries exactly as ADMIN does. A verifier's scope is the plan's whole
 * scope (every unit of the plan), not their own units: the designation itself is the grant,
 * made by ADMIN and audited, and the reconcile screens show no personal data. A verifier
 * never decides a form they entered (round 1 or 2). ADMIN keeps reconciling everything.
 */

/** Roles that may be designated. MONITOR (read-only by law), LEADER and ADMIN may not. */
export const VERIFIER_ROLES = ["CLERK"] as const satisfies readonly Role[];
const isVerifierRole = (role: Role) => (VERIFIER_ROLES as readonly Role[]).includes(role);

/** Plans whose double entries the user may reconcile: all for ADMIN, the designated ones for a clerk. */
export function reconcilePlanScope(user: SessionUser): Prisma.PlanWhereInput {
  if (user.role === "ADMIN") return {};
  if (isVerifierRole(user.role)) return { verifiers: { some: { userId: user.id } } };
  return { id: { in: [] } };
}

/** Ids of the plans the user is a designated verifier on (empty for ADMIN: ADMIN needs none). */
export async function verifierPlanIds(userId: number, client: DbOrTx = db()): Promise<number[]> {
  const rows = await client.planVerifier.findMany({ where: { userId }, select: { planId: true }, orderBy: { planId: "asc" } });
  return rows.map((r) => r.planId);
}

/** Whether the user may open the reconcile screens at all (for the navigation and the pages). */
export async function mayReconcile(user: SessionUser): Promise<boolean> {
  if (user.role === "ADMIN") return true;
  if (!isVerifierRole(user.role)) return false;
  return (await db().planVerifier.count({ where: { userId: user.id } })) > 0;
}

/**
 * For the reconcile pages: `requirePage("entry.reconcile")`, and for a clerk a designation on
 * at least one plan; otherwise the refusal is audited and the clerk goes to /forbidden.
 */
export async function requireReconciler(path: string): Promise<SessionUser> {
  const user = await requirePage("entry.reconcile", path);
  if (await mayReconcile(user)) return user;
  await recordAuditNow({
    actor: actorOf(user, await requestIp()),
    action: "access.denied",
    entity: "Page",
    entityId: path,
    outcome: "DENIED",
    after: { permission: "entry.reconcile", role: user.role, reason: "not a designated verifier" },
  });
  redirect("/forbidden");
}

/** The designated verifiers of a plan who may still act (active, of a verifier role), by name. */
async function effectiveVerifiers(client: DbOrTx, planId: number) {
  const rows = await client.planVerifier.findMany({
    where: { planId, user: { active: true, role: { in: [...VERIFIER_ROLES] } } },
    orderBy: { user: { fullName: "asc" } },
    select: { userId: true, user: { select: { fullName: true, username: true } } },
  });
  return rows.map((r) => ({ userId: r.userId, fullName: r.user.fullName, username: r.user.username }));
}

/**
 * A verifier may not decide a form they entered (round 1 or round 2): the refusal names who
 * else can (ADMIN, and the plan's other verifiers who did not enter it). ADMIN is not bound.
 */
export async function ownEntryRefusal(client: DbOrTx, user: SessionUser, form: { id: number; planId: number; code: string }): Promise<string | null> {
  if (user.role === "ADMIN") return null;
  const rounds = await client.response.findMany({ where: { formId: form.id, round: { in: [1, 2] } }, select: { round: true, enteredById: true } });
  const mine = rounds.filter((r) => r.enteredById === user.id).map((r) => r.round).sort();
  if (mine.length === 0) return null;
  const entered = new Set(rounds.map((r) => r.enteredById));
  const others = (await effectiveVerifiers(client, form.planId)).filter((v) => !entered.has(v.userId)).map((v) => `${v.fullName} (${v.username})`);
  return t.refuse.ownEntry(formatFormCode(form.code), mine[0]!, others);
}

/** Records a verifier's refusal (another plan, a form they entered) in the audit trail. */
export async function auditReconcileRefusal(actor: Actor, user: SessionUser, formId: number, reason: string): Promise<void> {
  await recordAuditNow({
    actor, action: "access.denied", entity: "Form", entityId: formId, outcome: "DENIED",
    after: { permission: "entry.reconcile", role: user.role, reason },
  });
}

/** The plan page's list: designations (with whether each still applies) and the clerks that could be added. */
export async function listPlanVerifiers(planId: number) {
  const [rows, candidates] = await Promise.all([
    db().planVerifier.findMany({
      where: { planId },
      orderBy: { createdAt: "asc" },
      select: {
        userId: true, createdAt: true,
        user: { select: { username: true, fullName: true, role: true, active: true } },
        createdBy: { select: { fullName: true, username: true } },
      },
    }),
    db().user.findMany({
      where: { role: { in: [...VERIFIER_ROLES] }, active: true, verifierOf: { none: { planId } } },
      orderBy: { fullName: "asc" },
      select: { id: true, username: true, fullName: true },
    }),
  ]);
  return {
    verifiers: rows.map((r) => ({
      userId: r.userId,
      username: r.user.username,
      fullName: r.user.fullName,
      effective: r.user.active && isVerifierRole(r.user.role),
      createdAt: r.createdAt,
      createdBy: r.createdBy ? `${r.createdBy.fullName} (${r.createdBy.username})` : "—",
    })),
    candidates,
  };
}
export type TPlanVerifiers = Awaited<ReturnType<typeof listPlanVerifiers>>;

/** Designations change until the results are published; afterwards the plan is frozen. */
const FROZEN: readonly PlanState[] = ["PUBLISHED", "ARCHIVED"];

async function lockPlanAndUser(tx: Tx, input: TPlanVerifier) {
  // Lock the plan row: designations of one plan are serialised with its state changes.
  const [plan] = await tx.$queryRawUnsafe<{ id: number; state: PlanState }[]>(`SELECT id, state::text AS state FROM "Plan" WHERE id = $1 FOR UPDATE`, input.planId);
  if (!plan) throw notFound(t.errors.noPlan);
  if (FROZEN.includes(plan.state)) throw conflict(t.errors.frozen(planStateLabels[plan.state]));
  const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, username: true, fullName: true, role: true, active: true } });
  if (!user) throw notFound(t.errors.noUser);
  return { plan, user, name: `${user.fullName} (${user.username})` };
}

export async function designateVerifier(input: TPlanVerifier, actor: Actor): Promise<{ name: string }> {
  return db().$transaction(async (tx) => {
    const { user, name } = await lockPlanAndUser(tx, input);
    if (!isVerifierRole(user.role)) throw invalid(t.errors.wrongRole(name), { userId: [t.errors.wrongRole(name)] });
    if (!user.active) throw invalid(t.errors.inactive(name), { userId: [t.errors.inactive(name)] });
    const existing = await tx.planVerifier.findUnique({ where: { planId_userId: { planId: input.planId, userId: input.userId } }, select: { id: true } });
    if (existing) throw conflict(t.errors.already(name));
    const row = await tx.planVerifier.create({ data: { planId: input.planId, userId: input.userId, createdById: actor.id }, select: { id: true } });
    await recordAudit(tx, {
      actor, action: "plan.verifier.add", entity: "Plan", entityId: input.planId, planId: input.planId,
      after: { designationId: row.id, userId: user.id, username: user.username, fullName: user.fullName },
    });
    return { name };
  });
}

export async function removeVerifier(input: TPlanVerifier, actor: Actor): Promise<{ name: string }> {
  return db().$transaction(async (tx) => {
    const { user, name } = await lockPlanAndUser(tx, input);
    const existing = await tx.planVerifier.findUnique({
      where: { planId_userId: { planId: input.planId, userId: input.userId } },
      select: { id: true, createdAt: true, createdById: true },
    });
    if (!existing) throw notFound(t.errors.notDesignated(name));
    await tx.planVerifier.delete({ where: { id: existing.id } });
    await recordAudit(tx, {
      actor, action: "plan.verifier.remove", entity: "Plan", entityId: input.planId, planId: input.planId,
      before: { designationId: existing.id, userId: user.id, username: user.username, fullName: user.fullName, createdAt: existing.createdAt.toISOString(), createdById: existing.createdById },
    });
    return { name };
  });
}

/** The refusal to a clerk who opens or decides a form of a plan they are not designated on. */
export const notVerifierError = () => forbidden(t.refuse.notVerifier);
