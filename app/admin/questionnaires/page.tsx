import Link from "next/link";
import { requirePage } from "@/lib/auth/page";
import { findTemplates } from "@/lib/questionnaires/queries";
import { questionnairesText as t } from "@/lib/i18n/questionnaires";
import { formatDate } from "@/lib/i18n/format";
import s from "@/components/questionnaires/questionnaires.module.css";

export default async function QuestionnairesPage() {
  await requirePage("questionnaires.write", "/admin/questionnaires");
  const templates = await findTemplates();
  return (
    <>
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      {templates.length === 0 && <p className="muted">{t.noTemplates}</p>}
      {templates.map((tpl) => (
        <section key={tpl.id} className="panel" data-testid={`template-${tpl.code}`}>
          <h2 style={{ marginTop: 0 }}>
            {tpl.name} {tpl.builtin && <span className="badge">{t.builtin}</span>}
          </h2>
          <div className={s.meta}>
            <span>{t.code}: <span className="mono">{tpl.code}</span></span>
          </div>
          <table className={s.versions}>
            <thead>
              <tr>
                <th>{t.version}</th>
                <th>Trạng thái</th>
                <th className="num">{t.items}</th>
                <th className="num">{t.criteria}</th>
                <th>{t.publishedAt}</th>
                <th>{t.usedBy}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {tpl.versions.map((v) => (
                <tr key={v.id} data-testid={`version-${tpl.code}-${v.version}`}>
                  <td>{t.versionN(v.version)}</td>
                  <td>
                    <span className={v.status === "PUBLISHED" ? "badge ok" : "badge warn"}>{t.status[v.status]}</span>
                  </td>
                  <td className="num">{v.items}</td>
                  <td className="num">{v.criteria}</td>
                  <td>{v.publishedAt ? formatDate(v.publishedAt) : `${t.createdAt} ${formatDate(v.createdAt)}`}</td>
                  <td>
                    {v.plans.length === 0 ? (
                      <span className="muted">{t.unused}</span>
                    ) : (
                      v.plans.map((p) => (
                        <div key={p.id}>
                          <Link href={`/admin/plans/${p.id}`}>{p.year} — {p.title}</Link>
                        </div>
                      ))
                    )}
                  </td>
                  <td>
                    <Link href={`/admin/questionnaires/${v.id}`}>{t.view}</Link>
                    {v.status === "DRAFT" && (
                      <>
                        {" · "}
                        <Link href={`/admin/questionnaires/${v.id}/edit`}>{t.edit}</Link>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
