import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { onlineText as t } from "@/lib/i18n/online";
import "@/components/forms/forms.css";

export const metadata: Metadata = { title: t.title, robots: { index: false } };
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

const PROVINCE = process.env.SIPAS_PROVINCE_NAME?.trim();

/** Public pages for respondents: no sign-in, no navigation of the staff application. */
export default function AnswerLayout({ children }: { children: ReactNode }) {
  return (
    <div className="public-wrap">
      <header className="public-top">
        <span className="f-small">{PROVINCE ? `Sở Nội vụ tỉnh ${PROVINCE}` : "Sở Nội vụ"}</span>
        <strong>{t.title}</strong>
      </header>
      <main className="public-main">{children}</main>
    </div>
  );
}
