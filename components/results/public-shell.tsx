import Link from "next/link";
import type { ReactNode } from "react";
import { vi } from "@/lib/i18n/vi";
import { resultsText as t } from "@/lib/i18n/results";
import s from "./results.module.css";

/** The frame of the public results pages: no session, no navigation to private areas. */
export function PublicShell({ children }: { children: ReactNode }) {
  const province = process.env.SIPAS_PROVINCE_NAME;
  return (
    <>
      <header className={s.publicHeader}>
        <div className={s.small}>{province ? `${vi.app.province} ${province}` : "Sở Nội vụ"}</div>
        <h1><Link href="/ket-qua" style={{ textDecoration: "none" }}>{t.publicTitle}</Link></h1>
      </header>
      <main className={s.publicMain}>{children}</main>
      <footer className={s.publicFooter}>{vi.app.footer}</footer>
    </>
  );
}
