import { describe, expect, it } from "vitest";
import { db, type Tx } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/service";
import { copyToNewTemplate, createDraftVersion, deleteDraft, publishDraft, saveDraft } from "@/lib/questionnaires/drafts";
import { publishQuestionnaireVersion } from "@/lib/questionnaires/service";
import { ZQuestionnaire, type TQuestionnaire } from "@/lib/sipas/questionnaire";
import { BUILTIN_TEMPLATES } from "@/lib/sipas/templates";
import { useCleanDatabase } from "./helpers";

useCleanDatabase();
const actor = SYSTEM_ACTOR;
const tx = <T,>(f: (t: Tx) => Promise<T>) => db().$transaction(f);

async function builtinVersion(): Promise<number> {
  const q = BUILTIN_TEMPLATES.classic;
  const r = await tx((t) => publishQuestionnaireVersion(t, { templateCode: q.template, templateName: q.title, builtin: true, definition: q }, actor));
  return r.versionId;
}

async function draftOf(versionId: number) {
  const v = await db().questionnaireVersion.findUniqueOrThrow({ where: { id: versionId } });
  return { id: v.id, checksum: v.checksum!, definition: ZQuestionnaire.parse(v.definition), status: v.status, version: v.version };
}

describe("questionnaire drafts and versions", () => {
  it("copies a built-in template into a new one, edits it, publishes it; the built-in stays as it is", async () => {
    const builtin = await builtinVersion();
    await expect(tx((t) => createDraftVersion(t, { fromVersionId: builtin }, actor))).rejects.toThrow(/sao chép/);
    const { versionId } = await tx((t) => copyToNewTemplate(t, { fromVersionId: builtin, code: "phieu-xa-2026", name: "Phiếu xã 2026" }, actor));
    const draft = await draftOf(versionId);
    expect(draft).toMatchObject({ status: "DRAFT", version: 1 });
    expect(draft.definition.template).toBe("phieu-xa-2026");

    const edited: TQuestionnaire = {
      ...draft.definition,
      items: draft.definition.items.map((i) => (i.code === "TC1.1" ? { ...i, code: "TC1.1a", text: "Nơi chờ rộng rãi, đủ chỗ ngồi" } : i)),
    };
    const { checksum } = await tx((t) => saveDraft(t, { versionId, expectedChecksum: draft.checksum, definition: edited }, actor));
    expect(checksum).not.toBe(draft.checksum);
    // A save from a screen opened before that one is refused, not silently applied.
    await expect(tx((t) => saveDraft(t, { versionId, expectedChecksum: draft.checksum, definition: draft.definition }, actor))).rejects.toThrow(/người khác/);

    await tx((t) => publishDraft(t, { versionId, expectedChecksum: checksum }, actor));
    const published = await draftOf(versionId);
    expect(published.status).toBe("PUBLISHED");
    const items = await db().qItem.findMany({ where: { versionId }, orderBy: { sortOrder: "asc" }, select: { code: true, sortOrder: true } });
    expect(items.map((i) => i.code)).toEqual(edited.items.map((i) => i.code));
    expect((await draftOf(builtin)).definition).toEqual(ZQuestionnaire.parse(BUILTIN_TEMPLATES.classic));

    // Published: no more edits, through the service or behind its back.
    await expect(tx((t) => saveDraft(t, { versionId, expectedChecksum: checksum, definition: edited }, actor))).rejects.toThrow(/đã ban hành/);
    await expect(tx((t) => deleteDraft(t, { versionId, expectedChecksum: checksum }, actor))).rejects.toThrow(/đã ban hành/);
    await expect(db().$executeRawUnsafe(`UPDATE "QuestionnaireVersion" SET definition = '{}' WHERE id = ${versionId}`)).rejects.toThrow(/published/);
    await expect(db().$executeRawUnsafe(`UPDATE "QItem" SET text = 'x' WHERE "versionId" = ${versionId}`)).rejects.toThrow(/published/);

    // The next version starts as a draft; only one draft per template at a time.
    const next = await tx((t) => createDraftVersion(t, { fromVersionId: versionId }, actor));
    expect(next.version).toBe(2);
    await expect(tx((t) => createDraftVersion(t, { fromVersionId: versionId }, actor))).rejects.toThrow(/đang có bản nháp phiên bản 2/);
  });

  it("reports each rule at the field it concerns and saves nothing", async () => {
    const builtin = await builtinVersion();
    const { versionId } = await tx((t) => copyToNewTemplate(t, { fromVersionId: builtin, code: "phieu-loi", name: "Phiếu lỗi" }, actor));
    const draft = await draftOf(versionId);
    const items = [...draft.definition.items];
    items[1] = { ...items[1]!, code: "TC1.1" };
    items[2] = { ...items[2]!, kind: "satisfaction", element: "YT9" } as TQuestionnaire["items"][number];
    const bad = { ...draft.definition, items, elements: [...draft.definition.elements, { code: "YT6", title: "Yếu tố trống", aspect: null }] };
    const err = await tx((t) => saveDraft(t, { versionId, expectedChecksum: draft.checksum, definition: bad }, actor)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "INVALID" });
    const fields = (err as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(fields["items.1.code"]?.[0]).toMatch(/TC1.1.*câu thứ 1/);
    expect(fields["items.2.element"]?.[0]).toMatch(/YT9/);
    expect(fields["elements.5.code"]?.[0]).toMatch(/YT6.*chưa có tiêu chí/);
    const model = await tx((t) => saveDraft(t, { versionId, expectedChecksum: draft.checksum, definition: { ...draft.definition, title: "" } }, actor)).catch((e: unknown) => e);
    expect(Object.keys((model as { fieldErrors: Record<string, string[]> }).fieldErrors)).toContain("title");
    expect((await draftOf(versionId)).checksum).toBe(draft.checksum);
  });

  it("lets a plan pin published versions only", async () => {
    const builtin = await builtinVersion();
    const { versionId } = await tx((t) => copyToNewTemplate(t, { fromVersionId: builtin, code: "phieu-nhap", name: "Phiếu nháp" }, actor));
    const plan = (questionnaireVersionId: number, title: string) =>
      db().plan.create({
        data: { year: 2026, title, windowStart: new Date("2026-01-01"), windowEnd: new Date("2026-08-31"), questionnaireVersionId, settings: {} },
      });
    await expect(plan(versionId, "Kế hoạch dùng bản nháp")).rejects.toThrow(/published questionnaire/);
    const ok = await plan(builtin, "Kế hoạch dùng bản ban hành");
    await expect(db().plan.update({ where: { id: ok.id }, data: { questionnaireVersionId: versionId } })).rejects.toThrow(/published questionnaire/);
    // A draft can be deleted; a published version cannot.
    const d = await draftOf(versionId);
    await tx((t) => deleteDraft(t, { versionId, expectedChecksum: d.checksum }, actor));
    expect(await db().questionnaireTemplate.findUnique({ where: { code: "phieu-nhap" } })).toBeNull();
    await expect(db().$executeRawUnsafe(`DELETE FROM "QuestionnaireVersion" WHERE id = ${builtin}`)).rejects.toThrow(/published/);
  });
});
