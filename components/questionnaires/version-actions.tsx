import Link from "next/link";
import { StickyFieldError, StickyForm } from "@/components/ui/sticky-form";
import { questionnairesText as t } from "@/lib/i18n/questionnaires";
import { copyTemplateAction, createDraftAction, deleteDraftAction, publishDraftAction } from "@/app/admin/questionnaires/actions";

type Props = {
  versionId: number;
  status: "DRAFT" | "PUBLISHED";
  builtin: boolean;
  checksum: string | null;
  openDraft: { id: number; version: number } | null;
  suggestedName: string;
};

/** What an administrator can do with one version: edit/publish/delete a draft, start a new draft, copy. */
export function VersionActions({ versionId, status, builtin, checksum, openDraft, suggestedName }: Props) {
  return (
    <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(320px, 1fr))" }}>
      {status === "DRAFT" && (
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>{t.status.DRAFT}</h2>
          <p>
            <Link className="button" href={`/admin/questionnaires/${versionId}/edit`}>{t.edit}</Link>
          </p>
          <StickyForm action={publishDraftAction} submit={t.draft.publish} confirm={t.draft.publishConfirm} testId="publish-draft">
            <input type="hidden" name="versionId" value={versionId} />
            <input type="hidden" name="expectedChecksum" value={checksum ?? ""} />
          </StickyForm>
          <StickyForm action={deleteDraftAction} submit={t.draft.delete} confirm={t.draft.deleteConfirm} danger testId="delete-draft">
            <input type="hidden" name="versionId" value={versionId} />
            <input type="hidden" name="expectedChecksum" value={checksum ?? ""} />
          </StickyForm>
        </section>
      )}
      {status === "PUBLISHED" && !builtin && (
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>{t.newVersion.title}</h2>
          {openDraft ? (
            <p>
              {t.newVersion.draftExists(openDraft.version)}{" "}
              <Link href={`/admin/questionnaires/${openDraft.id}/edit`}>{t.edit}</Link>
            </p>
          ) : (
            <>
              <p className="muted">{t.newVersion.help}</p>
              <StickyForm action={createDraftAction} submit={t.newVersion.submit} testId="new-draft">
                <input type="hidden" name="fromVersionId" value={versionId} />
              </StickyForm>
            </>
          )}
        </section>
      )}
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>{t.copy.title}</h2>
        <p className="muted">{builtin ? `${t.newVersion.builtinRefused} ` : ""}{t.copy.help}</p>
        <StickyForm action={copyTemplateAction} submit={t.copy.submit} testId="copy-template">
          <input type="hidden" name="fromVersionId" value={versionId} />
          <label htmlFor="copy-code">{t.copy.code}</label>
          <input id="copy-code" name="code" placeholder="phieu-xa-2026" autoComplete="off" />
          <div className="muted" style={{ fontSize: ".85rem" }}>{t.copy.codeHelp}</div>
          <StickyFieldError name="code" />
          <label htmlFor="copy-name">{t.copy.name}</label>
          <input id="copy-name" name="name" defaultValue={suggestedName} />
          <StickyFieldError name="name" />
        </StickyForm>
      </section>
    </div>
  );
}
