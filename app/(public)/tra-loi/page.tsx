import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/auth/ip";
import { parseScannedFormCode } from "@/lib/forms/code-input";
import { answerBlocked, countLookup } from "@/lib/entry/throttle";
import { onlineText as t } from "@/lib/i18n/online";

export const dynamic = "force-dynamic";

/** The public page where a respondent types the code of their paper form. */
export default async function AnswerStart({ searchParams }: { searchParams: Promise<{ ma?: string }> }) {
  const { ma } = await searchParams;
  let error: string | null = null;
  if (ma !== undefined) {
    const ip = clientIp(await headers());
    error = await answerBlocked(ip);
    if (!error) {
      const parsed = parseScannedFormCode(ma);
      if (parsed.ok) redirect(`/tra-loi/${parsed.code}`);
      await countLookup(ip, true);
      error = parsed.reason;
    }
  }
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <form method="get" className="q-block">
        <label htmlFor="ma">{t.codeLabel}</label>
        <input id="ma" name="ma" defaultValue={ma ?? ""} inputMode="numeric" autoComplete="off" placeholder={t.codePlaceholder} required style={{ fontSize: "1.2rem", maxWidth: "100%" }} />
        {error && <div className="alert error" role="alert">{error}</div>}
        <p><button type="submit" style={{ width: "100%", padding: ".7rem" }}>{t.open}</button></p>
      </form>
      <p className="muted f-small">{t.anonymous}</p>
    </>
  );
}
