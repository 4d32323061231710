import Link from "next/link";
import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/auth/session";
import { navFor } from "@/lib/auth/nav";
import { mayReconcile } from "@/lib/entry/verifiers";
import { vi } from "@/lib/i18n/vi";
import { SignOutButton } from "./sign-out-button";

export async function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  // A clerk designated as verifier of some plan also gets the reconcile screens.
  const verifier = user.role === "CLERK" && (await mayReconcile(user));
  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">
          {vi.app.name}
        </Link>
        <span className="muted" style={{ color: "rgba(255,255,255,.85)" }}>
          {vi.app.fullName}
        </span>
        <span className="who" data-testid="who">
          {user.fullName} · {vi.roles[user.role]}
        </span>
        <SignOutButton />
      </header>
      <div className="layout">
        <nav className="sidenav" aria-label="Điều hướng">
          {navFor(user.role, { verifier }).map((item) => (
            <Link key={item.href} href={item.href}>
              {item.label}
            </Link>
          ))}
        </nav>
        <main className="content">{children}</main>
      </div>
    </>
  );
}
