import { requirePage } from "@/lib/auth/page";
import { db } from "@/lib/db";
import { findUsers } from "@/lib/users/service";
import { vi } from "@/lib/i18n/vi";
import { formatDateTime } from "@/lib/i18n/format";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { createUserAction, resetPasswordAction, setUserActiveAction, updateUserScopeAction } from "./actions";

const ROLE_OPTIONS = ["ADMIN", "CLERK", "MONITOR", "LEADER"] as const;

async function scopeChoices() {
  const today = new Date();
  const [units, plans] = await Promise.all([
    db().unit.findMany({
      where: { providesPublicServices: true, OR: [{ validTo: null }, { validTo: { gte: today } }] },
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true },
    }),
    db().plan.findMany({ orderBy: { year: "desc" }, select: { id: true, year: true, title: true } }),
  ]);
  return { units, plans };
}

function ScopeFields({ id, units, plans, unitIds = [], planIds = [], role = "CLERK" }: {
  id: string; units: { id: number; code: string; name: string }[]; plans: { id: number; year: number; title: string }[];
  unitIds?: number[]; planIds?: number[]; role?: string;
}) {
  return (
    <>
      <label htmlFor={`${id}-role`}>{vi.users.role}</label>
      <select id={`${id}-role`} name="role" defaultValue={role}>
        {ROLE_OPTIONS.map((r) => <option key={r} value={r}>{vi.roles[r]}</option>)}
      </select>
      <FieldError name="role" />
      <label htmlFor={`${id}-units`}>{vi.users.units}</label>
      <select id={`${id}-units`} name="unitIds[]" multiple size={6} defaultValue={unitIds.map(String)}>
        {units.map((u) => <option key={u.id} value={u.id}>{u.code} — {u.name}</option>)}
      </select>
      <FieldError name="unitIds" />
      <label htmlFor={`${id}-plans`}>{vi.users.plans}</label>
      <select id={`${id}-plans`} name="planIds[]" multiple size={3} defaultValue={planIds.map(String)}>
        {plans.map((p) => <option key={p.id} value={p.id}>{p.year} — {p.title}</option>)}
      </select>
      <FieldError name="planIds" />
    </>
  );
}

export default async function UsersPage() {
  const me = await requirePage("users.write", "/admin/users");
  const [users, { units, plans }] = await Promise.all([findUsers(), scopeChoices()]);
  const now = new Date();
  return (
    <>
      <h1>{vi.users.title}</h1>
      <details className="panel">
        <summary><strong>{vi.users.create}</strong></summary>
        <ActionForm action={createUserAction} submit={vi.users.create} testId="create-user">
          <label htmlFor="username">{vi.users.username}</label>
          <input id="username" name="username" required />
          <FieldError name="username" />
          <label htmlFor="fullName">{vi.users.fullName}</label>
          <input id="fullName" name="fullName" required />
          <FieldError name="fullName" />
          <label htmlFor="email">{vi.users.email}</label>
          <input id="email" name="email" type="email" />
          <FieldError name="email" />
          <label htmlFor="password">{vi.users.password}</label>
          <input id="password" name="password" type="password" autoComplete="new-password" required />
          <FieldError name="password" />
          <ScopeFields id="new" units={units} plans={plans} />
        </ActionForm>
      </details>
      <table>
        <thead>
          <tr><th>{vi.users.username}</th><th>{vi.users.fullName}</th><th>{vi.users.role}</th><th>Phạm vi</th><th>Trạng thái</th><th>Thao tác</th></tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-testid={`user-${u.username}`}>
              <td className="mono">{u.username}</td>
              <td>{u.fullName}<div className="muted">{u.lastLoginAt ? `Đăng nhập gần nhất ${formatDateTime(u.lastLoginAt)}` : "Chưa đăng nhập"}</div></td>
              <td>{vi.roles[u.role]}</td>
              <td>
                {u.units.map((x) => x.unit.code).join(", ")}
                {u.plans.map((x) => x.plan.year).join(", ")}
              </td>
              <td>
                {u.active ? <span className="badge ok">{vi.users.active}</span> : <span className="badge bad">{vi.users.inactive}</span>}
                {u.lockedUntil && u.lockedUntil > now && <div className="badge warn">{vi.users.lockedUntil(formatDateTime(u.lockedUntil))}</div>}
              </td>
              <td>
                <details>
                  <summary>Sửa</summary>
                  <ActionForm action={updateUserScopeAction} submit={vi.users.saveScope}>
                    <input type="hidden" name="userId" value={u.id} />
                    <ScopeFields id={`u${u.id}`} units={units} plans={plans} role={u.role} unitIds={u.units.map((x) => x.unit.id)} planIds={u.plans.map((x) => x.plan.id)} />
                  </ActionForm>
                  <ActionForm action={resetPasswordAction} submit={vi.users.resetPassword}>
                    <input type="hidden" name="userId" value={u.id} />
                    <label htmlFor={`u${u.id}-password`}>{vi.users.newPassword}</label>
                    <input id={`u${u.id}-password`} name="password" type="password" autoComplete="new-password" />
                    <FieldError name="password" />
                  </ActionForm>
                  {u.id !== me.id && (
                    <ActionForm action={setUserActiveAction} submit={u.active ? vi.users.deactivate : vi.users.activate}>
                      <input type="hidden" name="userId" value={u.id} />
                      <input type="hidden" name="active" value={u.active ? "false" : "true"} />
                    </ActionForm>
                  )}
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
