import { requirePage } from "@/lib/auth/page";
import { db } from "@/lib/db";
import { planStateLabels } from "@/lib/i18n/plans";
import { formatDateTime } from "@/lib/i18n/format";
import { tokensText as t } from "@/lib/i18n/frames";
import { findTokens } from "@/lib/tokens/service";
import { ActionForm } from "@/components/ui/action-form";
import { TokenIssue } from "@/components/sampling/token-issue";
import { issueTokenAction, revokeTokenAction } from "./actions";

const EXAMPLE = `curl -X POST https://<máy chủ>/api/v1/plans/<mã kế hoạch>/frame-records \\
  -H "Authorization: Bearer <mã truy cập>" \\
  -H "Idempotency-Key: mot-cua-2025-11-17-lo-001" \\
  -H "Content-Type: application/json" \\
  -d '{"mode": "append", "records": [{"unitCode": "STP", "dossierCode": "000.00.07.H56-251115-0001",
       "name": "Nguyễn Văn An", "kind": "Cá nhân", "address": "Số 12 đường Trần Phú, phường Hải Châu",
       "phone": "0912345678", "fieldCode": "HO_TICH", "procedure": "Đăng ký khai sinh", "resultDate": "15/11/2025"}]}'`;

export default async function TokensPage() {
  await requirePage("tokens.write", "/admin/tokens");
  const [tokens, plans] = await Promise.all([
    findTokens(),
    db().plan.findMany({ orderBy: [{ year: "desc" }, { id: "desc" }], select: { id: true, year: true, title: true, state: true } }),
  ]);
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <section className="panel">
        <h2>{t.issue}</h2>
        <TokenIssue issue={issueTokenAction} />
      </section>
      {tokens.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <table data-testid="tokens">
          <thead><tr><th>{t.colName}</th><th>{t.colPrefix}</th><th>{t.colCreated}</th><th>{t.colLastUsed}</th><th>{t.colStatus}</th><th /></tr></thead>
          <tbody>
            {tokens.map((k) => (
              <tr key={k.id} data-testid={`token-${k.id}`}>
                <td>{k.name}</td>
                <td className="mono">{k.prefix}…</td>
                <td>{formatDateTime(k.createdAt)} — {k.createdBy.fullName}</td>
                <td>{formatDateTime(k.lastUsedAt) || "—"}</td>
                <td>{k.revokedAt ? <span className="badge bad">{t.revokedAt(formatDateTime(k.revokedAt))}</span> : <span className="badge ok">{t.active}</span>}</td>
                <td>
                  {!k.revokedAt && (
                    <ActionForm action={revokeTokenAction} submit={t.revoke}>
                      <input type="hidden" name="id" value={k.id} />
                    </ActionForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t.usage}</h2>
      <p className="muted">
        Gửi từng lô tối đa 50.000 hồ sơ, mỗi lô một Idempotency-Key riêng; gửi lại đúng lô đó với cùng khóa (khi mất kết nối) không ghi trùng.
        “append” thêm hồ sơ mới; “replace” thay toàn bộ danh sách của các đơn vị có trong lô. Lô có lỗi không được ghi; phản hồi liệt kê từng lỗi (dòng = vị trí trong records, tính từ 1).
      </p>
      <p>Mã kế hoạch (dùng trong địa chỉ API; chỉ kế hoạch ở giai đoạn “{planStateLabels.FRAME}” nhận danh sách):</p>
      <ul data-testid="plan-ids">
        {plans.map((p) => (
          <li key={p.id}>
            <span className="mono">{p.id}</span> — {p.title} ({planStateLabels[p.state]})
          </li>
        ))}
      </ul>
      <pre className="mono" style={{ whiteSpace: "pre-wrap", background: "#fff", border: "1px solid var(--line)", padding: ".75rem" }}>{EXAMPLE}</pre>
    </>
  );
}
