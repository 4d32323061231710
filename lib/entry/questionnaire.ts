import type { DbOrTx } from "@/lib/db";
import { ZQuestionnaire, type TItem, type TQuestionnaire } from "@/lib/sipas/questionnaire";

/**
 * The questionnaire a plan pins, with the database ids of its items (answers refer to
 * them). A published version never changes, so it is kept in memory after the first
 * read: a save does not re-read and re-validate the definition every time.
 */
export type TLoadedQuestionnaire = {
  versionId: number;
  q: TQuestionnaire;
  itemIds: ReadonlyMap<string, number>;
  itemsById: ReadonlyMap<number, TItem>;
};

const cache = new Map<number, TLoadedQuestionnaire>();

export async function loadQuestionnaire(client: DbOrTx, versionId: number): Promise<TLoadedQuestionnaire> {
  const hit = cache.get(versionId);
  if (hit) return hit;
  const version = await client.questionnaireVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { id: true, status: true, definition: true, items: { select: { id: true, code: true } } },
  });
  const q = ZQuestionnaire.parse(version.definition);
  const itemIds = new Map(version.items.map((i) => [i.code, i.id]));
  const byCode = new Map(q.items.map((i) => [i.code, i]));
  const itemsById = new Map<number, TItem>();
  for (const [code, id] of itemIds) {
    const item = byCode.get(code);
    if (item) itemsById.set(id, item);
  }
  const loaded: TLoadedQuestionnaire = { versionId, q, itemIds, itemsById };
  if (version.status === "PUBLISHED") cache.set(versionId, loaded);
  return loaded;
}

/** The questionnaire as the entry screen and the online page need it (no database ids). */
export type TClientQuestionnaire = Pick<TQuestionnaire, "title" | "instructions" | "elements" | "aspects" | "items">;

export function clientQuestionnaire(q: TQuestionnaire): TClientQuestionnaire {
  return { title: q.title, instructions: q.instructions, elements: q.elements, aspects: q.aspects, items: q.items };
}
