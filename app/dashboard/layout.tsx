import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { requireArea } from "@/lib/auth/area";

export const dynamic = "force-dynamic";

export default async function Layout({ children }: { children: ReactNode }) {
  const user = await requireArea("/dashboard");
  return <AppShell user={user}>{children}</AppShell>;
}
