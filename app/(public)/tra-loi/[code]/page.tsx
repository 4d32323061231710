import Link from "next/link";
import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/ip";
import { lookupPublicForm } from "@/lib/entry/online";
import { onlineText as t } from "@/lib/i18n/online";
import { OnlineAnswer } from "@/components/forms/online-answer";

export const dynamic = "force-dynamic";

/** Opened by the QR code on the paper form, or after typing the code: the questionnaire, or why not. */
export default async function AnswerForm({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const form = await lookupPublicForm(decodeURIComponent(code), clientIp(await headers()));
  if (form.status !== "open") {
    return (
      <>
        <h1>{t.title}</h1>
        {form.display && <p className="mono">{t.codeLabel}: {form.display}</p>}
        <div className={`alert ${form.status === "answered" ? "success" : "error"}`} role="alert">{form.message}</div>
        <p><Link href="/tra-loi">{t.back}</Link></p>
      </>
    );
  }
  const q = form.questionnaire;
  return (
    <>
      <h1 style={{ marginBottom: ".25rem" }}>{q.title}</h1>
      <p className="muted f-small" style={{ marginTop: 0 }}>{form.planTitle}</p>
      <div className="q-block">
        <div className="f-small muted">{t.unitLabel}</div>
        <strong>{form.unitName}</strong>
        <div className="mono f-small">{t.codeLabel}: {form.display}</div>
      </div>
      {q.instructions && <p className="f-small">{q.instructions}</p>}
      <OnlineAnswer code={form.code} questionnaire={q} />
    </>
  );
}
