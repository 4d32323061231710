import Link from "next/link";
import { successionLabels, unitsText } from "@/lib/i18n/units";
import { dmy } from "@/lib/units/days";
import type { LineageEvent, UnitRef } from "@/lib/units/history";
import s from "./units.module.css";

function Ref({ u, current, share }: { u: UnitRef; current: number; share?: number | null }) {
  const body = (
    <>
      <span className="mono">{u.code}</span> {u.name}{" "}
      <span className="muted">
        ({dmy(u.validFrom)} – {u.validTo ? dmy(u.validTo) : unitsText.now}
        {share != null ? `; ${(share * 100).toLocaleString("vi-VN", { maximumFractionDigits: 1 })}% dân số` : ""})
      </span>
    </>
  );
  return <li>{u.id === current ? <strong>{body}</strong> : <Link href={`/admin/units/${u.id}`}>{body}</Link>}</li>;
}

function Event({ e, current }: { e: LineageEvent; current: number }) {
  return (
    <div className={s.event} data-testid="lineage-event">
      <div className={s.eventHead}>
        {dmy(e.date)} · {successionLabels[e.kind]}
        {e.legalBasis && <span className="muted" style={{ fontWeight: 400 }}> · {e.legalBasis}</span>}
      </div>
      <div style={{ display: "grid", gridTemplateColumns: "1fr auto 1fr", gap: ".5rem" }}>
        <ul style={{ margin: ".3rem 0", paddingLeft: "1.1rem" }}>
          {e.predecessors.map((u) => (
            <Ref key={u.id} u={u} current={current} />
          ))}
        </ul>
        <div className={s.arrow} aria-hidden>→</div>
        <ul style={{ margin: ".3rem 0", paddingLeft: "1.1rem" }}>
          {e.successors.map((u) => (
            <Ref key={u.id} u={u} current={current} share={e.kind === "SPLIT" ? u.share : null} />
          ))}
        </ul>
      </div>
    </div>
  );
}

/** A unit's restructuring history, oldest first: where it came from, what it became. */
export function Lineage({ before, after, current }: { before: LineageEvent[]; after: LineageEvent[]; current: number }) {
  if (before.length === 0 && after.length === 0) return <p className="muted">{unitsText.detail.noHistory}</p>;
  return (
    <>
      {before.length > 0 && (
        <>
          <h3>{unitsText.detail.predecessors}</h3>
          {before.map((e) => (
            <Event key={`b${e.date}${e.kind}${e.successors[0]?.id}${e.predecessors[0]?.id}`} e={e} current={current} />
          ))}
        </>
      )}
      {after.length > 0 && (
        <>
          <h3>{unitsText.detail.successors}</h3>
          {after.map((e) => (
            <Event key={`a${e.date}${e.kind}${e.successors[0]?.id}${e.predecessors[0]?.id}`} e={e} current={current} />
          ))}
        </>
      )}
    </>
  );
}
