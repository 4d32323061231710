import Link from "next/link";
import type { PlanState } from "@/lib/generated/prisma/enums";
import { planStateLabels } from "@/lib/i18n/plans";
import styles from "./frames.module.css";

type Tab = "plan" | "frames" | "sampling";

/** The plan's title, state and the tabs of its pages (ADMIN: plan, frame, sampling; MONITOR: sampling). */
export function PlanNav({ plan, current, area }: { plan: { id: number; year: number; title: string; state: PlanState }; current: Tab; area: "admin" | "monitor" }) {
  const tabs: { key: Tab; href: string; label: string }[] =
    area === "admin"
      ? [
          { key: "plan", href: `/admin/plans/${plan.id}`, label: "Kế hoạch" },
          { key: "frames", href: `/admin/plans/${plan.id}/frames`, label: "Danh sách khảo sát" },
          { key: "sampling", href: `/admin/plans/${plan.id}/sampling`, label: "Chọn mẫu" },
        ]
      : [{ key: "sampling", href: `/monitor/plans/${plan.id}/sampling`, label: "Kiểm tra chọn mẫu" }];
  return (
    <>
      <div className={styles.header}>
        <h1>{plan.title}</h1>
        <span className="badge" data-testid="plan-state">{planStateLabels[plan.state]}</span>
      </div>
      <nav className={styles.tabs} aria-label="Các trang của kế hoạch">
        {tabs.map((tab) => (
          <Link key={tab.key} href={tab.href} aria-current={tab.key === current ? "page" : undefined}>
            {tab.label}
          </Link>
        ))}
      </nav>
    </>
  );
}
