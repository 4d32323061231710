import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { vi } from "@/lib/i18n/vi";
import { attemptLogin } from "./login";
import { clientIp } from "./ip";

const ZCredentials = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

/** next-auth v4, Credentials against the users table, JWT sessions re-checked on every request. */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Tài khoản SIPAS",
      credentials: { username: { label: vi.login.username, type: "text" }, password: { label: vi.login.password, type: "password" } },
      async authorize(credentials, req) {
        const parsed = ZCredentials.safeParse(credentials);
        if (!parsed.success) throw new Error(vi.login.missing);
        const result = await attemptLogin(parsed.data.username, parsed.data.password, clientIp(req.headers ?? {}));
        // next-auth hands the message of a thrown error back to signIn() as `error`.
        if (!result.ok) throw new Error(result.message);
        const u = result.user;
        return { id: String(u.id), name: u.fullName, role: u.role, sv: u.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; role?: string; sv?: number };
        token.uid = Number(u.id);
        token.role = u.role;
        token.sv = u.sv;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv, role: token.role };
    },
  },
};
