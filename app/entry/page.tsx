import { requirePage } from "@/lib/auth/page";
import { db } from "@/lib/db";
import { findPlans } from "@/lib/plans/service";
import { vi } from "@/lib/i18n/vi";
import { PlanTable } from "@/components/plan-table";
import { EntryHomePanel } from "@/components/entry/entry-home-panel";

export default async function ClerkHome() {
  const user = await requirePage("entry.write", "/entry");
  const [units, plans] = await Promise.all([
    db().unit.findMany({ where: { id: { in: user.unitIds } }, orderBy: { code: "asc" }, select: { code: true, name: true } }),
    findPlans(user),
  ]);
  return (
    <>
      <h1>{vi.home.welcome(user.fullName)}</h1>
      <EntryHomePanel user={user} />
      <div className="panel">
        <h2 style={{ marginTop: 0 }}>{vi.home.scopeUnits}</h2>
        {units.length === 0 && user.role === "CLERK" ? (
          <p className="alert error">{vi.home.noScope}</p>
        ) : (
          <ul data-testid="clerk-units">
            {units.map((u) => (
              <li key={u.code}>
                <strong>{u.code}</strong> — {u.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      <h2>{vi.home.currentPlans}</h2>
      <PlanTable plans={plans} />
    </>
  );
}
