import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { unitsText } from "@/lib/i18n/units";
import { dayDate, isoDay } from "./days";
import { unitLineage } from "./history";
import { matchesQuery } from "./search";

/** Read models of the registry pages. Changes live in edit.ts, restructure.ts, import.ts. */

export type UnitFilter = { q?: string; on?: string; all?: boolean };

const ROW = {
  id: true, code: true, name: true, shortName: true, validFrom: true, validTo: true, providesPublicServices: true, levelId: true, blockId: true,
  parent: { select: { id: true, code: true, name: true } },
  _count: { select: { children: true } },
  predecessorLinks: { select: { predecessor: { select: { id: true, code: true } } }, orderBy: { id: "asc" } },
  successorLinks: { select: { successor: { select: { id: true, code: true } } }, orderBy: { id: "asc" } },
} as const;

/**
 * The registry as a tree: level → block → units, valid on a day (default: today) or over
 * all history, filtered by an accent-insensitive search of code and name.
 */
export async function findUnitTree(filter: UnitFilter, today: string) {
  const on = filter.on ?? today;
  const [levels, blocks, rows] = await Promise.all([
    db().adminLevel.findMany({ orderBy: { sortOrder: "asc" } }),
    db().block.findMany({ orderBy: { sortOrder: "asc" } }),
    db().unit.findMany({
      where: filter.all ? {} : { validFrom: { lte: dayDate(on) }, OR: [{ validTo: null }, { validTo: { gte: dayDate(on) } }] },
      orderBy: { code: "asc" },
      select: ROW,
    }),
  ]);
  const units = rows
    .filter((u) => !filter.q || matchesQuery(u, filter.q))
    .map((u) => ({ ...u, validFrom: isoDay(u.validFrom), validTo: u.validTo ? isoDay(u.validTo) : null }));
  const tree = levels
    .map((l) => ({
      id: l.id, code: l.code, name: l.name, validFrom: isoDay(l.validFrom), validTo: l.validTo ? isoDay(l.validTo) : null,
      blocks: blocks
        .map((b) => ({ id: b.id, code: b.code, name: b.name, units: units.filter((u) => u.levelId === l.id && u.blockId === b.id) }))
        .filter((b) => b.units.length > 0),
    }))
    .map((l) => ({ ...l, count: l.blocks.reduce((s, b) => s + b.units.length, 0) }))
    .filter((l) => l.count > 0);
  return { on, tree, total: units.length };
}
export type UnitTree = Awaited<ReturnType<typeof findUnitTree>>;
export type UnitTreeRow = UnitTree["tree"][number]["blocks"][number]["units"][number];

export async function getUnitDetail(id: number) {
  const unit = await db().unit.findUnique({
    where: { id },
    include: {
      level: true, block: true, parent: { select: { id: true, code: true, name: true } },
      children: { select: { id: true, code: true, name: true, validTo: true }, orderBy: { code: "asc" } },
      planUnits: { select: { plan: { select: { id: true, year: true, title: true, state: true } } }, orderBy: { planId: "desc" } },
      _count: { select: { clerks: true } },
    },
  });
  if (!unit) throw notFound(unitsText.e.unknownUnit);
  return { unit, lineage: await unitLineage(db(), id) };
}

/** Levels, blocks and parent candidates for the unit forms. */
export async function unitFormOptions() {
  const [levels, blocks, parents] = await Promise.all([
    db().adminLevel.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, code: true, name: true, validTo: true } }),
    db().block.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, code: true, name: true } }),
    db().unit.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true, validTo: true } }),
  ]);
  return { levels, blocks, parents };
}
export type UnitFormOptions = Awaited<ReturnType<typeof unitFormOptions>>;

/** Units still open (no end date): what a restructuring may close or merge into. */
export async function openUnits() {
  const rows = await db().unit.findMany({
    where: { validTo: null },
    orderBy: [{ level: { sortOrder: "asc" } }, { block: { sortOrder: "asc" } }, { code: "asc" }],
    select: { id: true, code: true, name: true, validFrom: true, level: { select: { name: true } }, block: { select: { name: true } } },
  });
  return rows.map((u) => ({ id: u.id, code: u.code, name: u.name, validFrom: isoDay(u.validFrom), level: u.level.name, block: u.block.name }));
}
export type OpenUnit = Awaited<ReturnType<typeof openUnits>>[number];
