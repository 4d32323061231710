import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/page";
import { db } from "@/lib/db";
import { batchesOf, getPlanForForms } from "@/lib/forms/queries";
import { formatFormCode } from "@/lib/forms/form-code";
import { FORM_STATE_LABELS } from "@/lib/forms/state-machine";
import { formatDay, formatInt } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { PlanFormsHeader } from "@/components/forms/plan-forms-header";
import { ScanPanel } from "@/components/forms/scan-panel";
import { StateUpload } from "@/components/forms/state-upload";
import { createBatchAction, markPrintedAction, replaceAction, replaceAllAction, scanAction, uploadStatesAction } from "../actions";
import "@/components/forms/forms.css";

export const dynamic = "force-dynamic";

export default async function FieldworkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePage("forms.write", `/admin/plans/${id}/forms/fieldwork`);
  const plan = Number.isInteger(Number(id)) ? await getPlanForForms(Number(id), user) : null;
  if (!plan) notFound();
  const [batches, created, replaceable] = await Promise.all([
    batchesOf(plan.id),
    db().form.count({ where: { planId: plan.id, state: "CREATED" } }),
    db().form.findMany({
      where: { planId: plan.id, state: { in: ["NOT_RETURNED", "UNDELIVERABLE", "REFUSED"] } },
      orderBy: [{ unit: { code: "asc" } }, { sequence: "asc" }],
      take: 200,
      select: { id: true, code: true, state: true, version: true, unit: { select: { name: true } } },
    }),
  ]);
  const units = plan.units.map((u) => u.unit);
  const base = `/admin/plans/${plan.id}/forms`;
  const unitSelect = (name: string, domId: string) => (
    <select id={domId} name={name} defaultValue="">
      <option value="">Tất cả đơn vị</option>
      {units.map((u) => <option key={u.id} value={u.id}>{u.code} — {u.name}</option>)}
    </select>
  );
  return (
    <>
      <PlanFormsHeader plan={plan} base={base} current="fieldwork" admin back={{ href: "/admin/forms", label: vi.nav.forms }} />

      <section className="panel">
        <h2 style={{ marginTop: 0 }}>1. In phiếu</h2>
        <p className="muted">Phiếu chưa in: <strong>{formatInt(created)}</strong>. Tệp PDF khổ A4 gồm mẫu phiếu của kế hoạch, tên đơn vị, mã phiếu (chữ và mã QR), hướng dẫn; mỗi phiếu bắt đầu ở trang lẻ để in hai mặt.</p>
        <form method="get" action={`/api/plans/${plan.id}/forms/pdf`} className="row">
          <div><label htmlFor="pdf-unit">Đơn vị</label>{unitSelect("unit", "pdf-unit")}</div>
          <div>
            <label htmlFor="pdf-state">Phiếu</label>
            <select id="pdf-state" name="state" defaultValue="CREATED">
              <option value="CREATED">Chưa in</option>
              <option value="PRINTED">Đã in (in lại)</option>
            </select>
          </div>
          <div><button type="submit">Tải tệp PDF để in</button></div>
        </form>
        <ActionForm action={markPrintedAction} submit="Ghi nhận đã in xong" className="row">
          <input type="hidden" name="planId" value={plan.id} />
          <div><label htmlFor="printed-unit">Sau khi in xong, ghi nhận “Đã in” cho phiếu chưa in của</label>{unitSelect("unitId", "printed-unit")}</div>
        </ActionForm>
      </section>

      <section className="panel">
        <h2 style={{ marginTop: 0 }}>2. Danh sách gửi bưu điện (Excel)</h2>
        <p className="muted">Chứa họ tên, địa chỉ, số điện thoại người được khảo sát: chỉ dùng để gửi phiếu, không chia sẻ. Mỗi lần tải được ghi vào nhật ký.</p>
        <form method="get" action={`/api/plans/${plan.id}/forms/addresses`} className="row">
          <div><label htmlFor="addr-unit">Đơn vị</label>{unitSelect("unit", "addr-unit")}</div>
          <div>
            <label htmlFor="addr-scope">Phiếu</label>
            <select id="addr-scope" name="scope" defaultValue="toSend">
              <option value="toSend">Chưa gửi (đã tạo, đã in)</option>
              <option value="sent">Đang ở bưu điện</option>
              <option value="all">Tất cả phiếu còn hiệu lực</option>
            </select>
          </div>
          <div><button type="submit">Tải danh sách</button></div>
        </form>
      </section>

      <section className="panel">
        <h2 style={{ marginTop: 0 }}>3. Lô gửi bưu điện</h2>
        {batches.length > 0 && (
          <table>
            <thead><tr><th>Mã lô</th><th>Ngày gửi</th><th className="num">Số phiếu</th><th>Ghi chú</th></tr></thead>
            <tbody>{batches.map((b) => <tr key={b.id}><td className="mono">{b.code}</td><td>{formatDay(b.sentAt)}</td><td className="num">{formatInt(b.forms)}</td><td>{b.note}</td></tr>)}</tbody>
          </table>
        )}
        <ActionForm action={createBatchAction} submit="Tạo lô gửi" className="row" testId="create-batch">
          <input type="hidden" name="planId" value={plan.id} />
          <div><label htmlFor="batch-code">Mã lô</label><input id="batch-code" name="code" placeholder="VD: BD-2025-01" required /><FieldError name="code" /></div>
          <div><label htmlFor="batch-date">Ngày giao bưu điện</label><input id="batch-date" name="sentAt" type="date" /><FieldError name="sentAt" /></div>
          <div><label htmlFor="batch-note">Ghi chú</label><input id="batch-note" name="note" /></div>
        </ActionForm>
      </section>

      <section className="panel">
        <h2 style={{ marginTop: 0 }}>4. Cập nhật trạng thái bằng cách quét mã</h2>
        <ScanPanel planId={plan.id} batches={batches.map((b) => ({ id: b.id, code: b.code }))} scan={scanAction} />
      </section>

      <section className="panel">
        <h2 style={{ marginTop: 0 }}>5. Cập nhật trạng thái từ tệp Excel</h2>
        <StateUpload planId={plan.id} upload={uploadStatesAction} />
      </section>

      <section className="panel">
        <h2 style={{ marginTop: 0 }}>6. Thay thế phiếu không thu được</h2>
        <p className="muted">Phiếu “Không thu hồi được”, “Không phát được”, “Từ chối trả lời” được thay bằng người dự phòng kế tiếp của cùng tầng, theo đúng thứ tự dự phòng; phiếu mới cần được in và gửi.</p>
        {replaceable.length === 0 ? (
          <p>Không có phiếu nào cần thay thế.</p>
        ) : (
          <>
            <ActionForm action={replaceAllAction} submit={`Thay thế tất cả (${formatInt(replaceable.length)} phiếu)`}>
              <input type="hidden" name="planId" value={plan.id} />
            </ActionForm>
            <table>
              <thead><tr><th>Mã phiếu</th><th>Đơn vị</th><th>Trạng thái</th><th /></tr></thead>
              <tbody>
                {replaceable.map((f) => (
                  <tr key={f.id}>
                    <td className="mono f-nowrap">{formatFormCode(f.code)}</td><td>{f.unit.name}</td><td>{FORM_STATE_LABELS[f.state]}</td>
                    <td>
                      <ActionForm action={replaceAction} submit="Thay thế">
                        <input type="hidden" name="formId" value={f.id} /><input type="hidden" name="version" value={f.version} />
                      </ActionForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </>
  );
}
