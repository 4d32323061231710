import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { HOME_PATH } from "@/lib/auth/permissions";
import { vi } from "@/lib/i18n/vi";
import { LoginForm } from "@/components/login-form";

const PROVINCE_NAME = process.env.SIPAS_PROVINCE_NAME ?? "";

export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const user = await getSessionUser();
  if (user) redirect(HOME_PATH[user.role]);
  const { callbackUrl, error } = await searchParams;
  // Only same-site paths: never redirect to another origin after sign-in.
  const target = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return (
    <div className="login-wrap">
      <div className="login-card">
        <p className="muted" style={{ margin: 0 }}>{PROVINCE_NAME ? `${vi.app.province} ${PROVINCE_NAME}` : "Sở Nội vụ"}</p>
        <h1>{vi.app.name}</h1>
        <p className="muted">{vi.app.fullName}</p>
        <LoginForm callbackUrl={target} initialError={error && error !== "CredentialsSignin" ? error : undefined} />
      </div>
    </div>
  );
}
