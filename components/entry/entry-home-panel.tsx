import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session";
import { clerkProgress } from "@/lib/entry/stats";
import { formatInt } from "@/lib/i18n/format";
import { entryText as t } from "@/lib/i18n/entry";

/** The clerk's own progress on their home page, with the way into the entry screen. */
export async function EntryHomePanel({ user }: { user: SessionUser }) {
  const p = await clerkProgress(user);
  return (
    <div className="panel" data-testid="entry-home">
      <div className="row" style={{ alignItems: "center", justifyContent: "space-between" }}>
        <div>
          <strong>{t.home.waiting(formatInt(p.waiting))}</strong>
          <div className="muted">{t.home.mine(formatInt(p.first), formatInt(p.second))}</div>
        </div>
        <Link className="button" href="/entry/forms">
          {t.home.start}
        </Link>
      </div>
    </div>
  );
}
