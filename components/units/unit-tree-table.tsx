import Link from "next/link";
import { unitsText } from "@/lib/i18n/units";
import { dmy } from "@/lib/units/days";
import type { UnitTreeRow } from "@/lib/units/service";
import s from "./units.module.css";

const T = unitsText;

export function UnitTreeTable({ units }: { units: UnitTreeRow[] }) {
  return (
    <table style={{ tableLayout: "fixed" }}>
      <thead>
        <tr>
          <th style={{ width: 120 }}>Mã</th>
          <th>Tên đơn vị</th>
          <th style={{ width: 110 }}>{T.parent}</th>
          <th style={{ width: 200 }}>{T.validity}</th>
          <th style={{ width: 260 }}>Sắp xếp</th>
        </tr>
      </thead>
      <tbody>
        {units.map((u) => (
          <tr key={u.id} className={u.validTo ? s.closedRow : undefined} data-testid={`unit-${u.code}`}>
            <td className="mono">
              <Link href={`/admin/units/${u.id}`}>{u.code}</Link>
            </td>
            <td>
              <Link href={`/admin/units/${u.id}`} style={{ color: "inherit", textDecoration: "none" }}>{u.name}</Link>
              {u.shortName && <span className="muted"> ({u.shortName})</span>}
              {!u.providesPublicServices && <div className="badge warn">{T.noServices}</div>}
              {u._count.children > 0 && <div className="muted">{T.children(u._count.children)}</div>}
            </td>
            <td>{u.parent ? <Link href={`/admin/units/${u.parent.id}`} className="mono">{u.parent.code}</Link> : "—"}</td>
            <td>
              {dmy(u.validFrom)} – {u.validTo ? dmy(u.validTo) : T.now}
              {u.validTo && <div className="badge">{T.closed}</div>}
            </td>
            <td className={s.links}>
              {u.predecessorLinks.length > 0 && (
                <div>
                  từ:{" "}
                  {u.predecessorLinks.map((l) => (
                    <Link key={l.predecessor.id} href={`/admin/units/${l.predecessor.id}`} className="mono">{l.predecessor.code}</Link>
                  ))}
                </div>
              )}
              {u.successorLinks.length > 0 && (
                <div>
                  thành:{" "}
                  {u.successorLinks.map((l) => (
                    <Link key={l.successor.id} href={`/admin/units/${l.successor.id}`} className="mono">{l.successor.code}</Link>
                  ))}
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
