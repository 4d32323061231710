import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { conflict, notFound } from "@/lib/errors";
import { tokensText as t } from "@/lib/i18n/frames";

/**
 * API tokens for one-stop-shop systems (ApiToken). The token is shown once, at issue; only
 * its SHA-256 is stored (a token is 256 random bits, so a plain hash suffices, unlike a
 * password), with a short prefix to recognise it in the list.
 */

const PREFIX = "sipas_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function issueToken(name: string, actor: Actor & { id: number }): Promise<{ id: number; token: string }> {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  return db().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { name, tokenHash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6), createdById: actor.id },
      select: { id: true, prefix: true },
    });
    await recordAudit(tx, { actor, action: "token.issue", entity: "ApiToken", entityId: row.id, after: { name, prefix: row.prefix } });
    return { id: row.id, token };
  });
}

export async function revokeToken(id: number, actor: Actor): Promise<void> {
  await db().$transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { id }, select: { id: true, name: true, revokedAt: true } });
    if (!row) throw notFound(t.notFound);
    if (row.revokedAt) throw conflict(t.alreadyRevoked);
    await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { actor, action: "token.revoke", entity: "ApiToken", entityId: id, before: { revokedAt: null }, after: { name: row.name, revoked: true } });
  });
}

export async function findTokens() {
  return db().apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { id: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { fullName: true } } },
  });
}

export type TokenAuth = { ok: true; token: { id: number; name: string } } | { ok: false; reason: "missing" | "revoked" };

/** The token of an `Authorization: Bearer …` header, if it exists and is not revoked. */
export async function authenticateToken(header: string | null): Promise<TokenAuth> {
  const m = /^Bearer\s+(\S{10,200})$/i.exec(header ?? "");
  if (!m) return { ok: false, reason: "missing" };
  const row = await db().apiToken.findUnique({ where: { tokenHash: hashToken(m[1]!) }, select: { id: true, name: true, revokedAt: true } });
  if (!row) return { ok: false, reason: "missing" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { ok: true, token: { id: row.id, name: row.name } };
}
