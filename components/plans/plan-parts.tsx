import Link from "next/link";
import type { PlanState } from "@/lib/generated/prisma/enums";
import { transitionText, type TransitionKey } from "@/lib/i18n/plan-lifecycle";
import { planStateLabels, plansText } from "@/lib/i18n/plans";
import { formatDateTime } from "@/lib/i18n/format";
import { milestoneLabels } from "@/lib/i18n/vi";
import { PLAN_STATES } from "@/lib/plans/lifecycle";
import type { MilestoneView, PlanOverview, TransitionView } from "@/lib/plans/overview";
import { dmy } from "@/lib/units/days";
import type { ActionResult } from "@/lib/auth/guard";
import { StickyForm } from "@/components/ui/sticky-form";
import s from "./plans.module.css";

const O = plansText.overview;
type Action = (input: FormData | Record<string, unknown>) => Promise<ActionResult<unknown>>;

export function Stepper({ state }: { state: PlanState }) {
  const here = PLAN_STATES.indexOf(state);
  return (
    <ol className={s.stepper} aria-label={O.state}>
      {PLAN_STATES.map((st, i) => (
        <li key={st} className={i < here ? s.done : i === here ? s.current : undefined} aria-current={i === here ? "step" : undefined}>
          {i + 1}. {planStateLabels[st]}
        </li>
      ))}
    </ol>
  );
}

export function DueText({ m }: { m: MilestoneView }) {
  if (m.doneAt) return <span className="badge ok">Đã xong</span>;
  if (m.daysLeft < 0) return <span className={s.overdue}>{O.overdue(-m.daysLeft)}</span>;
  return <span className={m.daysLeft <= 7 ? s.soon : "muted"}>{O.dueIn(m.daysLeft)}</span>;
}

export function MilestoneTable({ planId, milestones, action, canMark }: { planId: number; milestones: MilestoneView[]; action: Action; canMark: boolean }) {
  if (milestones.length === 0) return <p className="muted">Chưa nhập mốc thời gian nào.</p>;
  return (
    <table className={s.milestoneTable}>
      <thead>
        <tr><th>Mốc</th><th>Ngày</th><th>Tình trạng</th>{canMark && <th />}</tr>
      </thead>
      <tbody>
        {milestones.map((m) => (
          <tr key={m.kind} data-testid={`milestone-${m.kind}`}>
            <td>{milestoneLabels[m.kind]}</td>
            <td>{dmy(m.dueOn)}</td>
            <td><DueText m={m} /></td>
            {canMark && (
              <td>
                <StickyForm action={action} submit={m.doneAt ? O.markUndone : O.markDone} quiet buttonClass="secondary">
                  <input type="hidden" name="planId" value={planId} readOnly />
                  <input type="hidden" name="kind" value={m.kind} readOnly />
                  <input type="hidden" name="done" value={m.doneAt ? "false" : "true"} readOnly />
                </StickyForm>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Transitions({ plan, transitions, action, elsewhere }: { plan: { id: number; title: string; version: number }; transitions: TransitionView[]; action: Action; elsewhere?: string }) {
  if (transitions.length === 0) return <p className="muted">{planStateLabels.ARCHIVED}.</p>;
  return (
    <>
      {transitions.map((t) => {
        const text = transitionText[t.key as TransitionKey];
        return (
          <div key={t.key} className={s.transition} data-testid={`transition-${t.to}`}>
            <strong>{text.label}</strong> <span className="muted">→ “{planStateLabels[t.to]}”</span>
            <div className={s.help}>{text.help}</div>
            {!t.manual ? (
              <p className="muted">{elsewhere ? <Link href={elsewhere}>{O.elsewhere}</Link> : O.elsewhere}</p>
            ) : t.problems.length > 0 ? (
              <>
                <div style={{ marginTop: ".3rem" }}>{O.notYet}</div>
                <ul>
                  {t.problems.map((p) => <li key={p}>{p}</li>)}
                </ul>
              </>
            ) : (
              <StickyForm action={action} submit={text.label} confirm={O.confirm(text.label, plan.title)} danger={t.back}>
                <input type="hidden" name="id" value={plan.id} readOnly />
                <input type="hidden" name="to" value={t.to} readOnly />
                <input type="hidden" name="expectedVersion" value={plan.version} readOnly />
              </StickyForm>
            )}
          </div>
        );
      })}
    </>
  );
}

const ACTIONS: Record<string, string> = {
  "plan.create": "Tạo kế hoạch",
  "plan.update": "Sửa kế hoạch",
  "plan.transition": "Chuyển trạng thái",
  "plan.milestone": "Cập nhật mốc thời gian",
  "plan.verifier.add": "Chỉ định người xác minh",
  "plan.verifier.remove": "Bỏ chỉ định người xác minh",
  "plan.personal_purge": "Xóa dữ liệu cá nhân của danh sách",
};

export function PlanHistory({ events }: { events: PlanOverview["history"] }) {
  if (events.length === 0) return <p className="muted">{O.noHistory}</p>;
  const describe = (e: PlanOverview["history"][number]) => {
    const b = (e.before ?? {}) as Record<string, unknown>;
    const a = (e.after ?? {}) as Record<string, unknown>;
    if (e.action === "plan.transition") return `${planStateLabels[b.state as PlanState] ?? ""} → ${planStateLabels[a.state as PlanState] ?? ""}`;
    if (e.action === "plan.update") return `${Object.keys(a).filter((k) => k !== "version").length} mục; phiên bản ${String(a.version ?? "")}`;
    if (e.action === "plan.verifier.add" || e.action === "plan.verifier.remove") {
      const v = e.action === "plan.verifier.add" ? a : b;
      return `${String(v.fullName ?? "")} (${String(v.username ?? "")})`;
    }
    if (e.action === "plan.personal_purge") return `${Number(a.purgedRecords ?? 0).toLocaleString("vi-VN")} hồ sơ`;
    if (e.action === "plan.milestone") return `${milestoneLabels[a.kind as keyof typeof milestoneLabels] ?? ""}: ${a.done ? "đã xong" : "chưa xong"}`;
    return "";
  };
  return (
    <table>
      <thead>
        <tr><th>Thời điểm</th><th>Người thực hiện</th><th>Thao tác</th><th>Chi tiết</th></tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={String(e.id)}>
            <td>{formatDateTime(e.at)}</td>
            <td>{e.actorName}</td>
            <td>{ACTIONS[e.action] ?? e.action}</td>
            <td>{describe(e)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
