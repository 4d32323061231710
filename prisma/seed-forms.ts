/**
 * Demo forms (issue 5): for every demo plan with a locked draw, the forms of the sample in
 * every state of the chain of custody, and about 1,500 entered answers — unit satisfaction
 * levels from 70 % to 92 %, blanks, multiple ticks, unreadable answers, online answers,
 * double entries (reconciled, open, awaiting), replacements from the reserve — so that
 * the results have real content. Idempotent: a plan whose forms have moved on is left alone.
 */
import { db, type Tx } from "@/lib/db";
import type { FormState, PlanState } from "@/lib/generated/prisma/enums";
import { transitionPlan } from "@/lib/plans/guard";
import { recordAudit, SYSTEM_ACTOR } from "@/lib/audit/service";
import { checkCells, diffCells, type TCells } from "@/lib/entry/answer-cells";
import { loadQuestionnaire, type TLoadedQuestionnaire } from "@/lib/entry/questionnaire";
import { createFormsForDraw, createReplacement } from "@/lib/forms/service";
import { lockFormById } from "@/lib/forms/transition";
import { demoCells, hashSeed, mulberry32, secondEntry, type Rng } from "./seed-forms-answers";

/**
 * Entered forms in all, most recent plan first: enough for 31–44 valid forms in most units
 * of the current plan (every ninth unit gets fewer, to show "chưa đủ dữ liệu"), the rest
 * to the plan before it.
 */
const ANSWER_BUDGET = 3000;

type DemoForm = { id: number; unitId: number; doubleEntry: boolean };
type Diff = { itemCode: string; first: string; second: string; decided?: string };
/** One entered form: the counted answers as stored, and for a double entry the second entry and the differences. */
type Entered = { formId: number; online: boolean; stored: TCells; second?: TCells; diffs: Diff[] };
type Plan = { id: number; year: number; state: PlanState; settings: unknown; questionnaireVersionId: number };
type People = { admin: number | null; clerkOf: Map<number, number>; postClerk: number | null };

function fieldworkState(rng: Rng, answering: boolean): FormState {
  const r = rng();
  if (answering) {
    return r < 0.3 ? "RETURNED" : r < 0.45 ? "NOT_RETURNED" : r < 0.53 ? "UNDELIVERABLE" : r < 0.61 ? "REFUSED" : r < 0.76 ? "DISPATCHED"
      : r < 0.88 ? "DELIVERED" : r < 0.95 ? "PRINTED" : r < 0.98 ? "CREATED" : "SPOILED";
  }
  return r < 0.12 ? "CREATED" : r < 0.27 ? "PRINTED" : r < 0.55 ? "DISPATCHED" : r < 0.7 ? "DELIVERED" : r < 0.82 ? "RETURNED" : r < 0.89 ? "NOT_RETURNED" : r < 0.94 ? "UNDELIVERABLE" : r < 0.98 ? "REFUSED" : "SPOILED";
}

/** A double-entered form: awaiting the second entry, reconciled, or with differences still open. */
function doubleEntered(q: TLoadedQuestionnaire, formId: number, truth: TCells, rng: Rng): { entry: Entered; state: FormState } {
  const r = rng();
  if (r < 0.15) return { entry: { formId, online: false, stored: truth, diffs: [] }, state: "ENTERED" };
  // Either clerk may slip; reconciliation restores what the paper says.
  const slipFirst = rng() < 0.3;
  const first = slipFirst ? secondEntry(q.q, truth, rng) : truth;
  const second = slipFirst ? truth : secondEntry(q.q, truth, rng);
  const diffs: Diff[] = diffCells(q.q, first, second);
  if (diffs.length === 0) return { entry: { formId, online: false, stored: first, second, diffs }, state: "VERIFIED" };
  if (r < 0.75) {
    return { entry: { formId, online: false, stored: truth, second, diffs: diffs.map((d) => ({ ...d, decided: truth[d.itemCode] ?? "" })) }, state: "VERIFIED" };
  }
  return { entry: { formId, online: false, stored: first, second, diffs }, state: "ENTERED" };
}

/** Decides each form's fate: its state, and the answers of those entered. */
function fates(forms: DemoForm[], budget: number, q: TLoadedQuestionnaire, rng: Rng) {
  const byUnit = new Map<number, DemoForm[]>();
  for (const f of forms) byUnit.set(f.unitId, [...(byUnit.get(f.unitId) ?? []), f]);
  const state = new Map<number, FormState>();
  const entered: Entered[] = [];
  let left = budget;
  [...byUnit.values()].forEach((unitForms, i) => {
    const level = 0.7 + 0.22 * rng();
    // Every ninth unit gets too few answers to be ranked ("chưa đủ dữ liệu").
    const thin = i % 9 === 4;
    const want = thin ? 8 + Math.floor(rng() * 18) : 31 + Math.floor(rng() * 8);
    const n = Math.max(0, Math.min(want, Math.floor(unitForms.length * 0.9), left));
    left -= n;
    unitForms.forEach((f, k) => {
      if (k >= n) return state.set(f.id, fieldworkState(rng, n > 0));
      const truth = demoCells(q.q, rng, level);
      if (f.doubleEntry) {
        const d = doubleEntered(q, f.id, truth, rng);
        entered.push(d.entry);
        return state.set(f.id, d.state);
      }
      entered.push({ formId: f.id, online: rng() < 0.08, stored: truth, diffs: [] });
      return state.set(f.id, "ENTERED");
    });
  });
  return { state, entered };
}

async function writeResponses(tx: Tx, q: TLoadedQuestionnaire, entered: Entered[], formsById: Map<number, DemoForm>, people: People): Promise<number> {
  const rows: { formId: number; round: number; mode: "POST" | "ONLINE"; enteredById: number | null; cells: TCells }[] = [];
  for (const e of entered) {
    const unitId = formsById.get(e.formId)?.unitId ?? 0;
    const firstClerk = people.clerkOf.get(unitId) ?? people.admin;
    const secondClerk = firstClerk === people.admin ? people.postClerk : people.admin;
    rows.push({ formId: e.formId, round: 1, mode: e.online ? "ONLINE" : "POST", enteredById: e.online ? null : firstClerk, cells: e.stored });
    if (e.second) rows.push({ formId: e.formId, round: 2, mode: "POST", enteredById: secondClerk, cells: e.second });
  }
  const answers: { responseId: number; itemId: number; status: "VALID" | "BLANK" | "MULTIPLE" | "UNREADABLE"; value: number | null; text: string | null }[] = [];
  for (let i = 0; i < rows.length; i += 2000) {
    const part = rows.slice(i, i + 2000);
    const created = await tx.response.createManyAndReturn({ data: part.map(({ cells: _c, ...r }) => r), select: { id: true } });
    created.forEach((r, k) => {
      const checked = checkCells(q.q, part[k]!.cells);
      if (!checked.ok) throw new Error(`Demo answers invalid: ${JSON.stringify(checked.errors)}`);
      for (const [code, a] of checked.rows) answers.push({ responseId: r.id, itemId: q.itemIds.get(code)!, ...a });
    });
  }
  // One statement per 20,000 answers through unnest: the answers_packed trigger then runs
  // once per statement, and Prisma does not split the rows into many small inserts.
  for (let i = 0; i < answers.length; i += 20_000) {
    const part = answers.slice(i, i + 20_000);
    await tx.$executeRawUnsafe(
      `INSERT INTO "Answer" ("responseId", "itemId", status, value, text)
       SELECT * FROM unnest($1::int[], $2::int[], $3::"AnswerStatus"[], $4::smallint[], $5::text[])`,
      part.map((a) => a.responseId), part.map((a) => a.itemId), part.map((a) => a.status), part.map((a) => a.value), part.map((a) => a.text),
    );
  }
  return rows.length;
}

async function seedPlan(p: Plan, drawId: number, seed: string, budget: number, people: People, stage: "FIELDWORK" | "ENTRY"): Promise<{ forms: number; responses: number; entered: number } | null> {
  await db().$transaction((tx) => createFormsForDraw(tx, drawId, SYSTEM_ACTOR), { timeout: 120_000 });
  if ((await db().form.count({ where: { planId: p.id, state: { not: "CREATED" } } })) > 0) return null;
  const forms = await db().form.findMany({ where: { planId: p.id }, orderBy: [{ unit: { code: "asc" } }, { sequence: "asc" }], select: { id: true, unitId: true, doubleEntry: true } });
  if (forms.length === 0) return null;
  const q = await loadQuestionnaire(db(), p.questionnaireVersionId);
  const rng = mulberry32(hashSeed(`${seed}|demo-forms|${p.id}`));
  const { state, entered } = fates(forms, budget, q, rng);
  const formsById = new Map(forms.map((f) => [f.id, f]));
  return db().$transaction(
    async (tx) => {
      const byState = new Map<FormState, number[]>();
      for (const [id, s] of state) byState.set(s, [...(byState.get(s) ?? []), id]);
      await tx.$executeRawUnsafe(
        `UPDATE "Form" f SET state = v.s FROM unnest($1::int[], $2::"FormState"[]) AS v(id, s) WHERE f.id = v.id`,
        [...state.keys()], [...state.values()],
      );
      const online = entered.filter((e) => e.online).map((e) => e.formId);
      await tx.form.updateMany({ where: { id: { in: online } }, data: { mode: "ONLINE" } });
      // Two paper forms came back after their online answer: flagged, not counted.
      await tx.form.updateMany({ where: { id: { in: online.slice(0, 2) } }, data: { duplicateReturn: true } });
      const issued = [...state].filter(([, s]) => !["CREATED", "PRINTED", "SPOILED"].includes(s)).map(([id]) => id);
      const batchIds: number[] = [];
      for (let b = 0; b < 3; b++) {
        const batch = await tx.dispatchBatch.create({ data: { planId: p.id, code: `BD-${p.year}-0${b + 1}`, note: `Lô ${b + 1} giao Bưu điện tỉnh`, sentAt: new Date(Date.UTC(p.year, 8, 20 + b * 3)) } });
        batchIds.push(batch.id);
      }
      await tx.$executeRawUnsafe(
        `UPDATE "Form" f SET "batchId" = v.b FROM unnest($1::int[], $2::int[]) AS v(id, b) WHERE f.id = v.id`,
        issued, issued.map((_, k) => batchIds[k % 3]!),
      );
      const responses = await writeResponses(tx, q, entered, formsById, people);
      const now = new Date();
      const diffs = entered.flatMap((e) =>
        e.diffs.map((d) => ({ formId: e.formId, ...d, ...(d.decided === undefined ? {} : { decidedById: people.admin, decidedAt: now }) })),
      );
      if (diffs.length > 0) await tx.entryDifference.createMany({ data: diffs });
      // A few forms that could not be collected are replaced from the reserve, in order.
      const toReplace = (byState.get("NOT_RETURNED") ?? []).filter((_, k) => k % 4 === 0).slice(0, 25);
      for (const id of toReplace) {
        const form = await lockFormById(tx, id);
        if (form) await createReplacement(tx, form, p.settings, SYSTEM_ACTOR).catch(() => null);
      }
      await recordAudit(tx, {
        actor: SYSTEM_ACTOR, action: "seed.forms", entity: "Plan", entityId: p.id, planId: p.id,
        after: { forms: forms.length, responses, states: Object.fromEntries([...byState].map(([s, ids]) => [s, ids.length])) },
      });
      // The plan's stage follows its forms (through the lifecycle, audited).
      if (p.state === "SAMPLED") await transitionPlan(tx, { planId: p.id, to: "FIELDWORK" }, SYSTEM_ACTOR);
      if ((p.state === "SAMPLED" || p.state === "FIELDWORK") && stage === "ENTRY") await transitionPlan(tx, { planId: p.id, to: "ENTRY" }, SYSTEM_ACTOR);
      return { forms: forms.length, responses, entered: entered.length };
    },
    { timeout: 180_000 },
  );
}

export async function seedForms(log: (line: string) => void = console.log): Promise<void> {
  const plans = await db().plan.findMany({
    where: { draws: { some: { status: "LOCKED" } } },
    orderBy: [{ year: "desc" }, { id: "desc" }],
    select: { id: true, year: true, state: true, settings: true, questionnaireVersionId: true, draws: { where: { status: "LOCKED" }, orderBy: { id: "desc" }, take: 1, select: { id: true, seed: true } } },
  });
  const users = await db().user.findMany({ where: { role: { in: ["ADMIN", "CLERK"] }, active: true }, orderBy: { id: "asc" }, select: { id: true, username: true, role: true, units: { select: { unitId: true } } } });
  const clerkOf = new Map<number, number>();
  for (const u of users) if (u.role === "CLERK") for (const { unitId } of u.units) if (!clerkOf.has(unitId)) clerkOf.set(unitId, u.id);
  const people: People = {
    admin: users.find((u) => u.username === "admin")?.id ?? users.find((u) => u.role === "ADMIN")?.id ?? null,
    clerkOf,
    postClerk: users.find((u) => u.username === "nhapphieu.buudien")?.id ?? users.find((u) => u.role === "CLERK")?.id ?? null,
  };
  let budget = ANSWER_BUDGET;
  for (const [k, p] of plans.entries()) {
    const draw = p.draws[0];
    if (!draw) continue;
    // The current plan is being entered; earlier ones are still collecting forms.
    const r = await seedPlan(p, draw.id, draw.seed, budget, people, k === 0 ? "ENTRY" : "FIELDWORK");
    if (!r) continue;
    budget = Math.max(0, budget - r.entered);
    log(`Phiếu mẫu kế hoạch ${p.year}: ${r.forms} phiếu, ${r.entered} phiếu đã nhập (${r.responses} lần nhập).`);
  }
}
