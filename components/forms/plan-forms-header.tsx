import Link from "next/link";
import { vi } from "@/lib/i18n/vi";
import { PlanFormsTabs } from "./plan-forms-tabs";

/** Heading of a plan's forms pages: which plan, its stage, the tabs. */
export function PlanFormsHeader({ plan, base, current, admin, back }: {
  plan: { year: number; title: string; state: keyof typeof vi.plans.states };
  base: string;
  current: "progress" | "fieldwork" | "list";
  admin: boolean;
  back: { href: string; label: string };
}) {
  return (
    <>
      <p className="f-small"><Link href={back.href}>← {back.label}</Link></p>
      <h1>
        {vi.nav.forms}: {plan.title} <span className="badge">{vi.plans.states[plan.state]}</span>
      </h1>
      <PlanFormsTabs base={base} current={current} fieldwork={admin} />
    </>
  );
}
