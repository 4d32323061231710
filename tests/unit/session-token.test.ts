import { beforeEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({ cookies: async () => ({ get: (name: string) => (jar.has(name) ? { value: jar.get(name)! } : undefined) }) }));
const { readSessionClaims } = await import("@/lib/auth/session-token");

const secret = "unit-test-secret";
process.env.NEXTAUTH_SECRET = secret;

describe("session cookie claims", () => {
  beforeEach(() => jar.clear());

  it("reads uid and session version from next-auth's token, and caches nothing past expiry", async () => {
    const now = Date.now();
    jar.set("next-auth.session-token", await encode({ token: { uid: 7, sv: 3 }, secret, maxAge: 60 }));
    expect(await readSessionClaims(now)).toEqual({ uid: 7, sv: 3 });
    expect(await readSessionClaims(now)).toEqual({ uid: 7, sv: 3 });
    expect(await readSessionClaims(now + 61_000)).toBeNull();
  });

  it("refuses a missing, forged or foreign token", async () => {
    expect(await readSessionClaims()).toBeNull();
    jar.set("next-auth.session-token", "not-a-token");
    expect(await readSessionClaims()).toBeNull();
    jar.set("next-auth.session-token", await encode({ token: { uid: 7, sv: 3 }, secret: "another-secret", maxAge: 60 }));
    expect(await readSessionClaims()).toBeNull();
    jar.set("next-auth.session-token", await encode({ token: { sv: 3 }, secret, maxAge: 60 }));
    expect(await readSessionClaims()).toBeNull();
  });

  it("joins a token that next-auth split into chunks, and reads the secure cookie", async () => {
    const token = await encode({ token: { uid: 9, sv: 1 }, secret, maxAge: 60 });
    jar.set("next-auth.session-token.0", token.slice(0, 100));
    jar.set("next-auth.session-token.1", token.slice(100));
    expect(await readSessionClaims()).toEqual({ uid: 9, sv: 1 });
    jar.clear();
    jar.set("__Secure-next-auth.session-token", token);
    expect(await readSessionClaims()).toEqual({ uid: 9, sv: 1 });
  });
});
