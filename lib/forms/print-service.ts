import { PassThrough, Readable } from "node:stream";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/generated/prisma/enums";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { notFound } from "@/lib/errors";
import { assertPlanAllows } from "@/lib/plans/lifecycle";
import { ZQuestionnaire } from "@/lib/sipas/questionnaire";
import { formsText as t } from "@/lib/i18n/forms";
import { renderFormsPdf } from "./pdf";
import { lockFormById, moveForm } from "./transition";

/**
 * The printable batch (one A4 PDF for the print shop) and "mark as printed". The PDF is a
 * read: printing again (a misprint, a torn form) never changes anything; ADMIN confirms
 * separately that a batch was printed, which moves its forms CREATED → PRINTED.
 */

export type TPrintFilter = { unitId?: number; state: Extract<FormState, "CREATED" | "PRINTED">; batchId?: number };

function where(planId: number, f: TPrintFilter) {
  return { planId, state: f.state, ...(f.unitId ? { unitId: f.unitId } : {}), ...(f.batchId ? { batchId: f.batchId } : {}) };
}

/** The public address of the online answering page for a code (printed, and in the QR code). */
export function answerUrlBase(requestUrl: string): string {
  const configured = process.env.SIPAS_PUBLIC_URL ?? process.env.NEXTAUTH_URL;
  return (configured ?? new URL(requestUrl).origin).replace(/\/+$/, "");
}

export function issuer(): { parentAgency: string; agency: string } {
  const province = process.env.SIPAS_PROVINCE_NAME?.trim();
  return { parentAgency: province ? `Ủy ban nhân dân tỉnh ${province}` : "Ủy ban nhân dân tỉnh", agency: "Sở Nội vụ" };
}

/** The PDF of the plan's forms matching `filter`, as a web stream; null when there is none. */
export async function formsPdfStream(planId: number, filter: TPrintFilter, baseUrl: string): Promise<ReadableStream<Uint8Array> | null> {
  const plan = await db().plan.findUnique({
    where: { id: planId },
    select: { title: true, year: true, modes: true, questionnaireVersion: { select: { definition: true } } },
  });
  if (!plan) throw notFound(t.planNotFound);
  const forms = await db().form.findMany({
    where: where(planId, filter),
    orderBy: [{ unit: { code: "asc" } }, { sequence: "asc" }],
    select: { code: true, unit: { select: { name: true } } },
  });
  if (forms.length === 0) return null;
  const online = plan.modes.includes("ONLINE");
  const out = new PassThrough();
  renderFormsPdf(
    {
      questionnaire: ZQuestionnaire.parse(plan.questionnaireVersion.definition),
      plan: { title: plan.title, year: plan.year },
      issuer: issuer(),
      forms: forms.map((f) => ({ code: f.code, unitName: f.unit.name })),
      answerUrl: online ? (code) => `${baseUrl}/tra-loi/${code}` : undefined,
      duplex: true,
    },
    out,
  ).catch((err: unknown) => {
    console.error("[forms.pdf]", err);
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** Marks the forms of a printed batch as PRINTED (each move audited). */
export async function markPrinted(planId: number, filter: Omit<TPrintFilter, "state">, actor: Actor): Promise<number> {
  const plan = await db().plan.findUnique({ where: { id: planId }, select: { state: true, title: true } });
  if (!plan) throw notFound(t.planNotFound);
  assertPlanAllows(plan, "forms.print");
  const ids = await db().form.findMany({ where: where(planId, { ...filter, state: "CREATED" }), select: { id: true }, orderBy: { id: "asc" } });
  let moved = 0;
  // Chunks: one transaction per 500 forms keeps each one short while the audit chain is locked.
  for (let i = 0; i < ids.length; i += 500) {
    moved += await db().$transaction(
      async (tx) => {
        let n = 0;
        for (const { id } of ids.slice(i, i + 500)) {
          const form = await lockFormById(tx, id);
          if (form?.state !== "CREATED") continue;
          await moveForm(tx, form, "PRINTED", { actor });
          n++;
        }
        if (n > 0 && i === 0) await recordAudit(tx, { actor, action: "forms.print", entity: "Plan", entityId: planId, planId, after: { forms: ids.length, ...filter } });
        return n;
      },
      { timeout: 120_000 },
    );
  }
  return moved;
}
