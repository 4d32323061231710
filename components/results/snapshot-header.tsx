import Link from "next/link";
import { formatDateTime } from "@/lib/i18n/format";
import { resultsText as t } from "@/lib/i18n/results";
import { hashPrefix } from "@/lib/results/display";
import type { SnapshotView } from "@/lib/results/queries";
import s from "./results.module.css";

/**
 * What the figures below were computed from: when, from which data (the inputs hash), by
 * which method, and whether the data changed since (`currentHash` differs). Shown above
 * every table and chart of a snapshot, on every page that shows one.
 */
export function SnapshotHeader({ snapshot, currentHash, showAuthor, latestHref, isLatest, adminHint }: {
  snapshot: SnapshotView;
  currentHash: string | null;
  showAuthor: boolean;
  latestHref?: string;
  isLatest: boolean;
  adminHint?: boolean;
}) {
  const m = snapshot.method;
  const totals = snapshot.results.indices.totals;
  const stale = currentHash !== null && currentHash !== snapshot.inputsHash;
  return (
    <>
      <div className={s.provenance} data-testid="snapshot-provenance">
        <div className={s.line}>
          {t.computedLine(formatDateTime(snapshot.computedAt), hashPrefix(snapshot.inputsHash), t.method(m.elementMethod, m.minValidForms))}
        </div>
        <div className={s.small}>
          {t.formsLine(totals.forms, totals.valid_forms, totals.excluded_forms, snapshot.results.formsByState.VERIFIED ?? 0)}
          {showAuthor && snapshot.computedBy && ` · ${t.computedBy(snapshot.computedBy)}`}
          {" · "}
          {snapshot.published && snapshot.publishedAt ? (
            <span className="badge ok">{t.published(formatDateTime(snapshot.publishedAt))}</span>
          ) : (
            <span className="badge warn">{t.draftBadge}</span>
          )}
        </div>
        <div className={s.small} title={snapshot.inputsHash}>
          SHA-256: <span className="mono">{snapshot.inputsHash}</span>
        </div>
      </div>
      {!isLatest && latestHref && (
        <div className={s.stale}>
          {t.olderSnapshot} <Link href={latestHref}>{t.viewLatest}</Link>
        </div>
      )}
      {stale && isLatest && (
        <div className={s.stale} role="status" data-testid="stale-warning">
          {t.stale} {adminHint && t.staleAdmin}
        </div>
      )}
    </>
  );
}
