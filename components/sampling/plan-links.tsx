import Link from "next/link";
import { formatInt } from "@/lib/i18n/format";
import { planStateLabels } from "@/lib/i18n/plans";
import { samplingText as t } from "@/lib/i18n/sampling";
import type { PlanState, DrawStatus } from "@/lib/generated/prisma/enums";

export type PlanLinkRow = { id: number; year: number; title: string; state: PlanState; records: number; draw: DrawStatus | null };

/** Plans with their frame size and sampling status, linking to the frame and sampling pages. */
export function PlanLinks({ plans, area }: { plans: PlanLinkRow[]; area: "admin" | "monitor" }) {
  if (plans.length === 0) return <p className="muted">Chưa có kế hoạch nào trong phạm vi của bạn.</p>;
  return (
    <table data-testid="sampling-plans">
      <thead><tr><th>Năm</th><th>Kế hoạch</th><th>Trạng thái</th><th className="num">Hồ sơ trong danh sách</th><th>Chọn mẫu</th><th /></tr></thead>
      <tbody>
        {plans.map((p) => (
          <tr key={p.id}>
            <td>{p.year}</td>
            <td>{p.title}</td>
            <td><span className="badge">{planStateLabels[p.state]}</span></td>
            <td className="num">{formatInt(p.records)}</td>
            <td>{p.draw ? t.status[p.draw] : "—"}</td>
            <td>
              {area === "admin" ? (
                <>
                  <Link href={`/admin/plans/${p.id}/frames`}>Danh sách</Link> · <Link href={`/admin/plans/${p.id}/sampling`}>Chọn mẫu</Link>
                </>
              ) : (
                <Link href={`/monitor/plans/${p.id}/sampling`}>Kiểm tra chọn mẫu</Link>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
