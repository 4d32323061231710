import Link from "next/link";
import { requirePage } from "@/lib/auth/page";
import { findScopedPlan } from "@/lib/draws/queries";
import { frameSummary } from "@/lib/frames/service";
import { db } from "@/lib/db";
import { formatDateTime, formatInt } from "@/lib/i18n/format";
import { framesText as t } from "@/lib/i18n/frames";
import { planAllows } from "@/lib/plans/lifecycle";
import { ActionForm } from "@/components/ui/action-form";
import { FrameUpload } from "@/components/frames/frame-upload";
import { PlanNav } from "@/components/frames/plan-nav";
import { deleteUnitFrameAction } from "./actions";

export default async function FramesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePage("frames.write", `/admin/plans/${id}/frames`);
  const plan = await findScopedPlan(user, Number(id));
  const [summary, draft] = await Promise.all([
    frameSummary(plan.id),
    db().sampleDraw.count({ where: { planId: plan.id, status: "DRAFT" } }),
  ]);
  const canImport = planAllows(plan, "frames.import");
  const canDelete = planAllows(plan, "frames.delete").ok;
  return (
    <>
      <PlanNav plan={plan} current="frames" area="admin" />
      <p>{t.intro}</p>
      <p>
        <a className="button secondary" href="/api/frames/template">{t.template}</a>{" "}
        {summary.total > 0 && <a href={`/api/plans/${plan.id}/frames/export`}>{t.exportAnon}</a>}
      </p>
      {canImport.ok ? (
        <>
          {draft > 0 && <div className="alert error">{t.draftWarning}</div>}
          <FrameUpload planId={plan.id} units={summary.units.map(({ id: unitId, code, name }) => ({ id: unitId, code, name }))} />
        </>
      ) : (
        <div className="alert error" role="alert">{canImport.message}</div>
      )}
      <h2>{t.summaryTitle}: {formatInt(summary.total)} hồ sơ</h2>
      <table data-testid="frame-summary">
        <thead><tr><th>{t.unitCol}</th><th className="num">{t.recordsCol}</th><th /></tr></thead>
        <tbody>
          {summary.units.map((u) => (
            <tr key={u.id} data-testid={`frame-unit-${u.code}`}>
              <td><span className="mono">{u.code}</span> — {u.name}</td>
              <td className="num">{formatInt(u.records)}</td>
              <td>
                {canDelete && u.records > 0 && (
                  <details>
                    <summary>Xóa danh sách</summary>
                    <ActionForm action={deleteUnitFrameAction} submit={`Xóa ${formatInt(u.records)} hồ sơ của ${u.code}`}>
                      <input type="hidden" name="planId" value={plan.id} />
                      <input type="hidden" name="unitId" value={u.id} />
                    </ActionForm>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t.importsTitle}</h2>
      {summary.imports.length === 0 ? (
        <p className="muted">{t.noImports}</p>
      ) : (
        <table data-testid="frame-imports">
          <thead><tr><th>Lần</th><th>Nguồn</th><th>Tệp / khóa</th><th className="num">Số hồ sơ</th><th>Trạng thái</th><th>Thời điểm</th><th>SHA-256</th></tr></thead>
          <tbody>
            {summary.imports.map((i) => (
              <tr key={i.id}>
                <td>#{i.id}</td>
                <td>{t.importSource[i.source]}</td>
                <td>{i.fileName ?? i.idempotencyKey ?? ""}</td>
                <td className="num">{formatInt(i.records)}{i.records !== i.rowCount && <span className="muted"> / {formatInt(i.rowCount)}</span>}</td>
                <td><span className={`badge ${i.status === "COMMITTED" ? "ok" : ""}`}>{t.importStatus[i.status]}</span></td>
                <td>{formatDateTime(i.createdAt)}</td>
                <td className="mono" title={i.checksum}>{i.checksum.slice(0, 16)}…</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p><Link href={`/admin/plans/${plan.id}/sampling`}>Sang trang Chọn mẫu →</Link></p>
    </>
  );
}
