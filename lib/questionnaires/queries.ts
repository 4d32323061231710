import { db } from "@/lib/db";
import { ZQuestionnaire, type TQuestionnaire } from "@/lib/sipas/questionnaire";

/** Templates with their versions, newest first, and the plans pinning each version. */
export async function findTemplates() {
  const templates = await db().questionnaireTemplate.findMany({
    orderBy: [{ builtin: "desc" }, { code: "asc" }],
    select: {
      id: true, code: true, name: true, builtin: true,
      versions: {
        orderBy: { version: "desc" },
        select: {
          id: true, version: true, status: true, createdAt: true, publishedAt: true, definition: true,
          plans: { orderBy: { year: "desc" }, select: { id: true, year: true, title: true } },
        },
      },
    },
  });
  return templates.map((tpl) => ({
    ...tpl,
    versions: tpl.versions.map(({ definition, ...v }) => ({ ...v, ...counts(definition) })),
  }));
}
export type TemplateListItem = Awaited<ReturnType<typeof findTemplates>>[number];

function counts(definition: unknown): { items: number; criteria: number; title: string } {
  const parsed = ZQuestionnaire.safeParse(definition);
  if (!parsed.success) return { items: 0, criteria: 0, title: "" };
  const q = parsed.data;
  return { items: q.items.length, criteria: q.items.filter((i) => i.kind === "satisfaction" && i.element !== null).length, title: q.title };
}

export type VersionView = {
  id: number;
  version: number;
  status: "DRAFT" | "PUBLISHED";
  checksum: string | null;
  createdAt: Date;
  publishedAt: Date | null;
  template: { id: number; code: string; name: string; builtin: boolean };
  definition: TQuestionnaire;
  plans: { id: number; year: number; title: string }[];
  openDraft: { id: number; version: number } | null;
};

/** One version with its definition; null when it does not exist. */
export async function getVersion(id: number): Promise<VersionView | null> {
  const v = await db().questionnaireVersion.findUnique({
    where: { id },
    select: {
      id: true, version: true, status: true, checksum: true, createdAt: true, publishedAt: true, definition: true,
      template: { select: { id: true, code: true, name: true, builtin: true, versions: { where: { status: "DRAFT" }, select: { id: true, version: true } } } },
      plans: { orderBy: { year: "desc" }, select: { id: true, year: true, title: true } },
    },
  });
  if (!v) return null;
  const { versions, ...template } = v.template;
  return { ...v, template, definition: ZQuestionnaire.parse(v.definition), openDraft: versions[0] ?? null };
}
