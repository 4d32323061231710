import Link from "next/link";
import { requirePage } from "@/lib/auth/page";
import { plansWithForms } from "@/lib/forms/queries";
import { formatInt } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

export const dynamic = "force-dynamic";

/** Entry point to the forms of each plan (ADMIN). */
export default async function AdminFormsIndex() {
  const user = await requirePage("forms.write", "/admin/forms");
  const plans = await plansWithForms(user);
  return (
    <>
      <h1>{vi.nav.forms}</h1>
      <table>
        <thead>
          <tr><th>Năm</th><th>Kế hoạch</th><th>Giai đoạn</th><th className="num">Số phiếu</th><th className="num">Đã thu về</th><th className="num">Đã nhập</th><th /></tr>
        </thead>
        <tbody>
          {plans.map((p) => (
            <tr key={p.id}>
              <td>{p.year}</td>
              <td>{p.title}</td>
              <td><span className="badge">{vi.plans.states[p.state]}</span></td>
              <td className="num">{formatInt(p.forms)}</td>
              <td className="num">{formatInt(p.returned)}</td>
              <td className="num">{formatInt(p.entered)}</td>
              <td><Link href={`/admin/plans/${p.id}/forms`}>Xem tiến độ</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
