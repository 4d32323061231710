import Link from "next/link";

/** The tabs of a plan's forms pages (ADMIN and MONITOR share the first and the last). */
export function PlanFormsTabs({ base, current, fieldwork }: { base: string; current: "progress" | "fieldwork" | "list"; fieldwork: boolean }) {
  const tabs = [
    { key: "progress", href: base, label: "Tiến độ" },
    ...(fieldwork ? [{ key: "fieldwork", href: `${base}/fieldwork`, label: "In phiếu, giao nhận, thay thế" }] : []),
    { key: "list", href: `${base}/list`, label: "Danh sách phiếu" },
  ] as const;
  return (
    <nav className="f-tabs" aria-label="Phiếu khảo sát">
      {tabs.map((t) => (
        <Link key={t.key} href={t.href} aria-current={t.key === current ? "page" : undefined}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
