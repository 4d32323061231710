import { db } from "@/lib/db";
import { frameRecordCounts } from "@/lib/frames/counts";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { conflict, notFound } from "@/lib/errors";
import { unitsText } from "@/lib/i18n/units";
import { vi } from "@/lib/i18n/vi";

/**
 * Fields of administrative procedures (lĩnh vực), a managed list. A field is never deleted:
 * frame records and strata refer to it; deactivating it stops new lists from using it.
 */
const F = unitsText.fieldsPage;

export async function findFields() {
  const rows = await db().field.findMany({
    orderBy: [{ active: "desc" }, { code: "asc" }],
    select: { id: true, code: true, name: true, active: true },
  });
  const records = await frameRecordCounts("fieldId", rows.map((f) => f.id));
  return rows.map((f) => ({ id: f.id, code: f.code, name: f.name, active: f.active, records: records.get(f.id) ?? 0 }));
}

export async function createField(input: { code: string; name: string }, actor: Actor): Promise<{ id: number }> {
  return db().$transaction(async (tx) => {
    if (await tx.field.findUnique({ where: { code: input.code }, select: { id: true } })) throw conflict(F.codeTaken(input.code));
    const f = await tx.field.create({ data: { code: input.code, name: input.name }, select: { id: true } });
    await recordAudit(tx, { actor, action: "field.create", entity: "Field", entityId: f.id, after: input });
    return f;
  });
}

/** Renames a field; `expectedName` (what the editor showed) guards against a lost update. */
export async function updateField(input: { id: number; name: string; expectedName: string }, actor: Actor): Promise<void> {
  await db().$transaction(async (tx) => {
    const r = await tx.field.updateMany({ where: { id: input.id, name: input.expectedName.normalize("NFC") }, data: { name: input.name } });
    if (r.count === 0) {
      if (!(await tx.field.findUnique({ where: { id: input.id }, select: { id: true } }))) throw notFound(vi.errors.notFound);
      throw conflict(F.stale);
    }
    await recordAudit(tx, { actor, action: "field.update", entity: "Field", entityId: input.id, before: { name: input.expectedName }, after: { name: input.name } });
  });
}

export async function setFieldActive(id: number, active: boolean, actor: Actor): Promise<void> {
  await db().$transaction(async (tx) => {
    const before = await tx.field.findUnique({ where: { id }, select: { code: true, active: true } });
    if (!before) throw notFound(vi.errors.notFound);
    if (before.active === active) return;
    await tx.field.update({ where: { id }, data: { active } });
    await recordAudit(tx, { actor, action: active ? "field.activate" : "field.deactivate", entity: "Field", entityId: id, before, after: { code: before.code, active } });
  });
}
