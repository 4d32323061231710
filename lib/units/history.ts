import type { DbOrTx } from "@/lib/db";
import type { SuccessionKind } from "@/lib/generated/prisma/enums";
import { isoDay } from "./days";

/**
 * A unit's lineage over the years: the restructurings it came from (walking predecessor
 * links back) and those it went into (walking successor links forward), grouped into
 * events (one date, one kind, one legal basis, its old and new units).
 */

export type UnitRef = { id: number; code: string; name: string; validFrom: string; validTo: string | null };
export type LineageEvent = {
  date: string;
  kind: SuccessionKind;
  legalBasis: string | null;
  predecessors: UnitRef[];
  /** With the share of the predecessor's population that moved to it (splits), when known. */
  successors: (UnitRef & { share: number | null })[];
  /** Generations away from the unit: negative = before it, positive = after it. */
  generation: number;
};

const MAX_GENERATIONS = 30;
const REF = { id: true, code: true, name: true, validFrom: true, validTo: true } as const;
const ref = (u: { id: number; code: string; name: string; validFrom: Date; validTo: Date | null }): UnitRef => ({
  id: u.id, code: u.code, name: u.name, validFrom: isoDay(u.validFrom), validTo: u.validTo ? isoDay(u.validTo) : null,
});

type Link = {
  id: number; kind: SuccessionKind; effectiveDate: Date; legalBasis: string | null; share: number | null;
  predecessor: Parameters<typeof ref>[0]; successor: Parameters<typeof ref>[0];
};

async function walk(client: DbOrTx, start: number, direction: "back" | "forward"): Promise<{ link: Link; generation: number }[]> {
  const out: { link: Link; generation: number }[] = [];
  const seenLinks = new Set<number>();
  const seenUnits = new Set<number>([start]);
  let frontier = [start];
  for (let g = 1; frontier.length && g <= MAX_GENERATIONS; g++) {
    const links = await client.unitSuccession.findMany({
      where: direction === "back" ? { successorId: { in: frontier } } : { predecessorId: { in: frontier } },
      select: { id: true, kind: true, effectiveDate: true, legalBasis: true, share: true, predecessor: { select: REF }, successor: { select: REF } },
      orderBy: { id: "asc" },
    });
    const next: number[] = [];
    for (const l of links) {
      if (seenLinks.has(l.id)) continue;
      seenLinks.add(l.id);
      out.push({ link: l, generation: direction === "back" ? -g : g });
      const other = direction === "back" ? l.predecessor.id : l.successor.id;
      if (!seenUnits.has(other)) {
        seenUnits.add(other);
        next.push(other);
      }
    }
    frontier = next;
  }
  return out;
}

/**
 * Groups links into events. A merge is keyed by its successor (many old → one new), a
 * split by its predecessor (one old → many new), a rename by both.
 */
function group(items: { link: Link; generation: number }[]): LineageEvent[] {
  const events = new Map<string, LineageEvent>();
  for (const { link: l, generation } of items) {
    const pivot = l.kind === "SPLIT" ? `p${l.predecessor.id}` : `s${l.successor.id}`;
    const key = `${isoDay(l.effectiveDate)}|${l.kind}|${l.legalBasis ?? ""}|${pivot}`;
    let e = events.get(key);
    if (!e) {
      e = { date: isoDay(l.effectiveDate), kind: l.kind, legalBasis: l.legalBasis, predecessors: [], successors: [], generation };
      events.set(key, e);
    }
    if (!e.predecessors.some((p) => p.id === l.predecessor.id)) e.predecessors.push(ref(l.predecessor));
    if (!e.successors.some((s) => s.id === l.successor.id)) e.successors.push({ ...ref(l.successor), share: l.share });
  }
  return [...events.values()].sort((a, b) => (a.date === b.date ? a.generation - b.generation : a.date < b.date ? -1 : 1));
}

export async function unitLineage(client: DbOrTx, unitId: number): Promise<{ before: LineageEvent[]; after: LineageEvent[] }> {
  // Sequential: the client may be a transaction (one connection).
  const back = await walk(client, unitId, "back");
  const forward = await walk(client, unitId, "forward");
  return { before: group(back), after: group(forward) };
}
