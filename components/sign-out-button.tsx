"use client";

import { signOut } from "next-auth/react";
import { vi } from "@/lib/i18n/vi";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: "/login" })}>
      {vi.nav.signOut}
    </button>
  );
}
