import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";

/**
 * The claims of the signed-in user's session cookie (next-auth's JWT), decrypted once per
 * token and then kept in memory until the token expires. getServerSession() decrypted the
 * token and re-encrypted a renewed one on every request (two key derivations each time,
 * about a tenth of a save's CPU in bench/entry.ts), and in the app router the renewed
 * cookie is thrown away anyway. The user is still re-read from the database on every
 * request (lib/auth/session.ts), so deactivation and password resets act at once.
 */

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
const MAX_CACHED = 10_000;
const cache = new Map<string, { uid: number; sv: number; exp: number }>();

/** The token, joined again when next-auth split a large one into `name.0`, `name.1`… */
function rawToken(jar: { get(name: string): { value: string } | undefined }): string | null {
  for (const name of COOKIE_NAMES) {
    const whole = jar.get(name)?.value;
    if (whole) return whole;
    const parts: string[] = [];
    for (let i = 0; ; i++) {
      const part = jar.get(`${name}.${i}`)?.value;
      if (!part) break;
      parts.push(part);
    }
    if (parts.length > 0) return parts.join("");
  }
  return null;
}

export async function readSessionClaims(now = Date.now()): Promise<{ uid: number; sv: number } | null> {
  const token = rawToken(await cookies());
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!token || !secret) return null;
  let claims = cache.get(token);
  if (!claims) {
    const jwt = await decode({ token, secret }).catch(() => null);
    const uid = Number(jwt?.uid);
    if (!jwt || !Number.isInteger(uid) || uid < 1) return null;
    claims = { uid, sv: Number(jwt.sv ?? -1), exp: Number(jwt.exp ?? 0) };
    // A bound, not an LRU: tokens live 8 hours, and a full map simply starts again.
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(token, claims);
  }
  if (claims.exp * 1000 <= now) {
    cache.delete(token);
    return null;
  }
  return { uid: claims.uid, sv: claims.sv };
}
