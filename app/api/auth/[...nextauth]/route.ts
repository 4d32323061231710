import NextAuth from "next-auth";
import { publicRoute } from "@/lib/auth/guard";
import { authOptions } from "@/lib/auth/options";

// Sign-in itself is public; the lockout policy lives in lib/auth/login.ts.
const handler = NextAuth(authOptions) as (req: Request, ctx: unknown) => Promise<Response>;
export const GET = publicRoute("auth", handler);
export const POST = publicRoute("auth", handler);
