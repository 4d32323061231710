import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requirePage } from "@/lib/auth/page";
import { getVersion } from "@/lib/questionnaires/queries";
import { questionnairesText as t } from "@/lib/i18n/questionnaires";
import { DraftEditor } from "@/components/questionnaires/editor/draft-editor";
import s from "@/components/questionnaires/questionnaires.module.css";
import { publishDraftAction, saveDraftAction } from "../../actions";

export default async function EditDraftPage({ params }: { params: Promise<{ versionId: string }> }) {
  const { versionId } = await params;
  await requirePage("questionnaires.write", `/admin/questionnaires/${versionId}/edit`);
  const v = /^\d{1,9}$/.test(versionId) ? await getVersion(Number(versionId)) : null;
  if (!v) notFound();
  // A published version is never edited: show it, with the way to a new draft.
  if (v.status !== "DRAFT" || !v.checksum) redirect(`/admin/questionnaires/${v.id}`);
  return (
    <>
      <div className={s.breadcrumb}>
        <Link href="/admin/questionnaires">{t.back}</Link> › <Link href={`/admin/questionnaires/${v.id}`}>{v.template.name} — {t.versionN(v.version)}</Link>
      </div>
      <div className={s.toolbar}>
        <h1>{t.edit}: {v.template.name} — {t.versionN(v.version)}</h1>
        <span className="badge warn">{t.status.DRAFT}</span>
      </div>
      <DraftEditor versionId={v.id} checksum={v.checksum} definition={v.definition} save={saveDraftAction} publish={publishDraftAction} />
    </>
  );
}
