import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/page";
import { getVersion } from "@/lib/questionnaires/queries";
import { questionnairesText as t } from "@/lib/i18n/questionnaires";
import { formatDate } from "@/lib/i18n/format";
import { QuestionnairePreview } from "@/components/questionnaires/preview";
import { VersionActions } from "@/components/questionnaires/version-actions";
import s from "@/components/questionnaires/questionnaires.module.css";

export default async function VersionPage({ params }: { params: Promise<{ versionId: string }> }) {
  const { versionId } = await params;
  await requirePage("questionnaires.write", `/admin/questionnaires/${versionId}`);
  const v = /^\d{1,9}$/.test(versionId) ? await getVersion(Number(versionId)) : null;
  if (!v) notFound();
  const q = v.definition;
  return (
    <>
      <div className={s.breadcrumb}>
        <Link href="/admin/questionnaires">{t.back}</Link>
      </div>
      <div className={s.toolbar}>
        <h1>
          {v.template.name} — {t.versionN(v.version)}
        </h1>
        <span className={v.status === "PUBLISHED" ? "badge ok" : "badge warn"}>{t.status[v.status]}</span>
        {v.template.builtin && <span className="badge">{t.builtin}</span>}
      </div>
      <div className={s.meta}>
        <span>{t.code}: <span className="mono">{v.template.code}</span></span>
        <span>{t.items}: {q.items.length}</span>
        <span>{t.criteria}: {q.items.filter((i) => i.kind === "satisfaction" && i.element !== null).length}</span>
        <span>{v.publishedAt ? `${t.publishedAt}: ${formatDate(v.publishedAt)}` : `${t.createdAt}: ${formatDate(v.createdAt)}`}</span>
        {v.checksum && <span title="SHA-256 của nội dung phiếu">Mã kiểm tra: <span className="mono">{v.checksum.slice(0, 12)}</span></span>}
      </div>
      <section className="panel">
        <strong>{t.usedBy}: </strong>
        {v.plans.length === 0 ? <span className="muted">{t.unused}</span> : v.plans.map((p, i) => (
          <span key={p.id}>
            {i > 0 && "; "}
            <Link href={`/admin/plans/${p.id}`}>{p.year} — {p.title}</Link>
          </span>
        ))}
      </section>
      <VersionActions
        versionId={v.id}
        status={v.status}
        builtin={v.template.builtin}
        checksum={v.checksum}
        openDraft={v.openDraft && v.openDraft.id !== v.id ? v.openDraft : null}
        suggestedName={`${v.template.name} (bản sao)`}
      />
      <h2>{t.previewText.heading}</h2>
      <QuestionnairePreview q={q} />
    </>
  );
}
