import Link from "next/link";
import { requirePage } from "@/lib/auth/page";
import { plansWithForms } from "@/lib/forms/queries";
import { formatInt } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

export const dynamic = "force-dynamic";

/** The forms of the plans a monitor supervises (read-only). */
export default async function MonitorFormsIndex() {
  const user = await requirePage("forms.read", "/monitor/forms");
  const plans = await plansWithForms(user);
  return (
    <>
      <h1>{vi.nav.forms}</h1>
      <p className="muted">Chuỗi phiếu khảo sát của các kế hoạch được giám sát: tiến độ, trạng thái từng phiếu, phiếu thay thế. Không hiển thị thông tin cá nhân.</p>
      {plans.length === 0 ? <p className="alert error">{vi.home.noScope}</p> : (
        <table>
          <thead><tr><th>Năm</th><th>Kế hoạch</th><th>Giai đoạn</th><th className="num">Số phiếu</th><th className="num">Đã nhập</th><th /></tr></thead>
          <tbody>
            {plans.map((p) => (
              <tr key={p.id}>
                <td>{p.year}</td><td>{p.title}</td><td><span className="badge">{vi.plans.states[p.state]}</span></td>
                <td className="num">{formatInt(p.forms)}</td><td className="num">{formatInt(p.entered)}</td>
                <td><Link href={`/monitor/plans/${p.id}/forms`}>Xem</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
