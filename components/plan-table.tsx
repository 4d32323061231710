import Link from "next/link";
import type { PlanListItem } from "@/lib/plans/service";
import { formatDay } from "@/lib/i18n/format";
import { milestoneLabels, vi } from "@/lib/i18n/vi";

/** `linkBase`: where a plan's title links to (e.g. "/admin/plans"), for roles that may open it. */
export function PlanTable({ plans, linkBase }: { plans: PlanListItem[]; linkBase?: string }) {
  if (plans.length === 0) return <p className="muted">Chưa có kế hoạch nào trong phạm vi của bạn.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Năm</th>
          <th>Kế hoạch</th>
          <th>Trạng thái</th>
          <th>Thời gian giao dịch</th>
          <th className="num">Đơn vị</th>
          <th>Việc tiếp theo</th>
        </tr>
      </thead>
      <tbody>
        {plans.map((p) => (
          <tr key={p.id}>
            <td>{p.year}</td>
            <td>
              {linkBase ? <Link href={`${linkBase}/${p.id}`}>{p.title}</Link> : p.title}
              {p.legalNumber && <div className="muted">Số {p.legalNumber}</div>}
            </td>
            <td>
              <span className="badge">{vi.plans.states[p.state]}</span>
            </td>
            <td>
              {formatDay(p.windowStart)} – {formatDay(p.windowEnd)}
            </td>
            <td className="num">{p._count.units}</td>
            <td>{p.nextMilestone ? `${milestoneLabels[p.nextMilestone.kind]}: ${formatDay(p.nextMilestone.dueOn)}` : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
