import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PlanState } from "@/lib/generated/prisma/enums";
import { verifyAuditChain } from "@/lib/audit/service";
import { createPlan, deletePlan, setMilestoneDone, updatePlan, type PlanConflictDetails } from "@/lib/plans/editor";
import { requirePlanAllows, transitionPlan } from "@/lib/plans/guard";
import { getPlanForEdit, getPlanOverview } from "@/lib/plans/overview";
import { ZPlanInput, ZPlanUpdate } from "@/lib/plans/schemas";
import { mergeUnits } from "@/lib/units/restructure";
import { ZMerge } from "@/lib/units/schemas";
import { makeUser, useCleanDatabase } from "./helpers";
import { seedRegistryFixture } from "./registry-fixture";

useCleanDatabase();

let actor: { id: number; name: string };
let versionId: number;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

async function unitsOfLevel(code: string, on: string) {
  return db().unit.findMany({
    where: { level: { code }, providesPublicServices: true, validFrom: { lte: day(on) }, OR: [{ validTo: null }, { validTo: { gte: day(on) } }] },
    select: { id: true, code: true },
    orderBy: { code: "asc" },
  });
}

async function planInput(overrides: Record<string, unknown> = {}) {
  const communes = await unitsOfLevel("XA", "2026-01-01");
  return ZPlanInput.parse({
    year: 2026, title: "Khảo sát sự hài lòng năm 2026", legalNumber: "15/KH-UBND", legalDate: "2026-02-10",
    windowStart: "2026-01-01", windowEnd: "2026-08-31", questionnaireVersionId: versionId, modes: ["POST", "ONLINE"],
    unitIds: communes.map((u) => u.id),
    settings: { rules: [{ scope: { type: "default" }, rule: { kind: "yamane", e: "0.05" } }, { scope: { type: "block", code: "UBND_XA" }, rule: { kind: "quota", n: 50 } }] },
    milestones: [{ kind: "LISTS_DUE", dueOn: "2026-09-10" }, { kind: "SAMPLING_DAY", dueOn: "2026-09-17" }, { kind: "FIELDWORK_START", dueOn: "2026-09-20" }],
    ...overrides,
  });
}

async function setState(id: number, state: PlanState) {
  await db().plan.update({ where: { id }, data: { state } });
}

beforeEach(async () => {
  ({ versionId } = await seedRegistryFixture());
  const admin = await makeUser("ADMIN");
  actor = { id: admin.id, name: admin.username };
});

describe("creating and editing a plan", () => {
  it("creates a plan with the communes of a level, its rules and milestones, audited", async () => {
    const { id } = await createPlan(await planInput(), actor);
    const plan = await db().plan.findUniqueOrThrow({ where: { id }, include: { units: true, milestones: true } });
    expect(plan.state).toBe("DRAFT");
    expect(plan.units).toHaveLength(60);
    expect(plan.milestones.map((m) => m.kind).sort()).toEqual(["FIELDWORK_START", "LISTS_DUE", "SAMPLING_DAY"]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "plan.create", entityId: String(id) } });
    expect(audit.after).toMatchObject({ title: "Khảo sát sự hài lòng năm 2026", "settings.rules": expect.any(Array) });
    const overview = await getPlanOverview(id, new Date("2026-09-01T03:00:00Z"));
    expect(overview.nextDue).toMatchObject({ kind: "LISTS_DUE", dueOn: "2026-09-10", daysLeft: 9 });
  });

  it("refuses the same title twice in a year", async () => {
    await createPlan(await planInput(), actor);
    const e = await refusal(createPlan(await planInput(), actor));
    expect(e.message).toMatch(/^Năm 2026 đã có kế hoạch tên “Khảo sát sự hài lòng năm 2026”/);
  });

  it("a second editor with a stale version is told, loses nothing, and can overwrite knowingly", async () => {
    const { id } = await createPlan(await planInput(), actor);
    const start = await getPlanForEdit(id);
    const first = ZPlanUpdate.parse({ ...(await planInput({ title: "Tiêu đề của người thứ nhất" })), id, expectedVersion: start.version });
    expect((await updatePlan(first, actor)).version).toBe(start.version + 1);

    const second = ZPlanUpdate.parse({ ...(await planInput({ legalNumber: "16/KH-UBND" })), id, expectedVersion: start.version });
    const e = await refusal(updatePlan(second, actor));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/vừa được người khác lưu lúc .* \(phiên bản 2\)/);
    const details = e.details as PlanConflictDetails;
    expect(details.version).toBe(2);
    expect(details.current.title).toBe("Tiêu đề của người thứ nhất");
    const after = await db().plan.findUniqueOrThrow({ where: { id } });
    expect([after.title, after.legalNumber, after.version]).toEqual(["Tiêu đề của người thứ nhất", "15/KH-UBND", 2]);

    await updatePlan({ ...second, expectedVersion: details.version }, actor);
    expect((await db().plan.findUniqueOrThrow({ where: { id } })).legalNumber).toBe("16/KH-UBND");
  });

  it("marking a milestone done does not make other editors stale", async () => {
    const { id } = await createPlan(await planInput(), actor);
    await setMilestoneDone(id, "LISTS_DUE", true, actor);
    const plan = await db().plan.findUniqueOrThrow({ where: { id }, include: { milestones: true } });
    expect(plan.version).toBe(1);
    expect(plan.milestones.find((m) => m.kind === "LISTS_DUE")?.doneAt).not.toBeNull();
  });
});

describe("the lifecycle, enforced with messages", () => {
  it("approval lists what is missing; a merged-away unit blocks it until removed", async () => {
    const { id } = await createPlan(await planInput({ legalNumber: "", legalDate: null }), actor);
    const e = await db().$transaction((tx) => refusal(transitionPlan(tx, { planId: id, to: "APPROVED", expectedVersion: 1 }, actor)));
    expect(e.message).toBe("Cần nhập số hiệu và ngày ban hành văn bản phê duyệt kế hoạch.");

    await updatePlan(ZPlanUpdate.parse({ ...(await planInput()), id, expectedVersion: 1 }), actor);
    const [x1, x2] = await unitsOfLevel("XA", "2026-01-01");
    const xa = await db().adminLevel.findUniqueOrThrow({ where: { code: "XA" } });
    const block = await db().block.findUniqueOrThrow({ where: { code: "UBND_XA" } });
    const merged = await mergeUnits(
      ZMerge.parse({ predecessorIds: [x1!.id, x2!.id], effectiveDate: "2026-01-01", legalBasis: "Nghị quyết số 1/NQ-HĐND", target: "new", successor: { code: "X099", name: "UBND phường Mới", levelId: xa.id, blockId: block.id } }),
      actor,
    );
    expect(merged.notices).toHaveLength(2);
    const blocked = await db().$transaction((tx) => refusal(transitionPlan(tx, { planId: id, to: "APPROVED", expectedVersion: 2 }, actor)));
    expect(blocked.message).toContain(`Đơn vị ${x1!.code} không thể đưa vào kế hoạch: chỉ có hiệu lực từ 01/07/2025 đến 31/12/2025`);

    const input = await planInput();
    const unitIds = [...input.unitIds.filter((u) => u !== x1!.id && u !== x2!.id), merged.successorIds[0]!];
    await updatePlan(ZPlanUpdate.parse({ ...input, unitIds, id, expectedVersion: 2 }), actor);
    const ok = await db().$transaction((tx) => transitionPlan(tx, { planId: id, to: "APPROVED", expectedVersion: 3 }, actor));
    expect(ok).toEqual({ state: "APPROVED", version: 4 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "plan.transition", entityId: String(id) } });
    expect([audit.before, audit.after]).toEqual([{ state: "DRAFT", version: 3 }, { state: "APPROVED", version: 4 }]);
  });

  it("a double click or stale page does not move the plan twice", async () => {
    const { id } = await createPlan(await planInput(), actor);
    await db().$transaction((tx) => transitionPlan(tx, { planId: id, to: "APPROVED", expectedVersion: 1 }, actor));
    const e = await db().$transaction((tx) => refusal(transitionPlan(tx, { planId: id, to: "APPROVED", expectedVersion: 1 }, actor)));
    expect(e.message).toBe("Kế hoạch đã ở trạng thái “Đã phê duyệt” (có thể người khác vừa chuyển). Hãy tải lại trang.");
  });

  it("other areas are refused by state: frames only in FRAME, with what to do", async () => {
    const { id } = await createPlan(await planInput(), actor);
    const e = await db().$transaction((tx) => refusal(requirePlanAllows(tx, id, "frames.import")));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toBe(
      "Không thể nhập danh sách người dân, tổ chức: kế hoạch “Khảo sát sự hài lòng năm 2026” đang ở trạng thái “Dự thảo”. Hãy phê duyệt kế hoạch rồi bấm “Bắt đầu thu thập danh sách” trên trang kế hoạch.",
    );
    await setState(id, "FRAME");
    await expect(db().$transaction((tx) => requirePlanAllows(tx, id, "frames.import"))).resolves.toMatchObject({ id, state: "FRAME" });
  });

  it("scope and rules are frozen after sampling, general information is not", async () => {
    const { id } = await createPlan(await planInput(), actor);
    await setState(id, "SAMPLED");
    const input = await planInput();
    const e = await refusal(updatePlan(ZPlanUpdate.parse({ ...input, settings: { ...input.settings, reserveShare: "0.3" }, id, expectedVersion: 1 }), actor));
    expect(e.message).toMatch(/^Không thể sửa thời gian giao dịch, đơn vị, mẫu phiếu hoặc quy tắc cỡ mẫu: .* “Đã chọn mẫu”\. .*Mở lại thu thập danh sách/);
    await updatePlan(ZPlanUpdate.parse({ ...input, title: "Tên mới sau chọn mẫu", id, expectedVersion: 1 }), actor);
    expect((await db().plan.findUniqueOrThrow({ where: { id } })).title).toBe("Tên mới sau chọn mẫu");
  });

  it("in FRAME the window cannot move once lists are imported", async () => {
    const { id } = await createPlan(await planInput(), actor);
    await setState(id, "FRAME");
    const input = await planInput();
    const imp = await db().frameImport.create({ data: { planId: id, source: "FILE", checksum: "x", rowCount: 1 } });
    await db().frameRecord.create({ data: { planId: id, importId: imp.id, unitId: input.unitIds[0]!, dossierCode: "HS-1", kind: "INDIVIDUAL", personKey: "p", resultDate: day("2026-03-01"), rowNumber: 2 } });
    const e = await refusal(updatePlan(ZPlanUpdate.parse({ ...input, windowEnd: "2026-09-30", milestones: [], id, expectedVersion: 1 }), actor));
    expect(e.fieldErrors?.windowEnd?.[0]).toMatch(/Đã có 1 hồ sơ trong danh sách/);
    const e2 = await refusal(updatePlan(ZPlanUpdate.parse({ ...input, unitIds: input.unitIds.slice(1), id, expectedVersion: 1 }), actor));
    expect(e2.fieldErrors?.unitIds?.[0]).toMatch(/không bỏ khỏi kế hoạch được/);
  });

  it("the sample cannot be redrawn once a form is dispatched; frames reopen only without forms", async () => {
    const { id } = await createPlan(await planInput(), actor);
    await setState(id, "SAMPLED");
    const unitId = (await planInput()).unitIds[0]!;
    await db().sampleDraw.create({ data: { planId: id, seed: "s", frameChecksum: "f", allocation: {}, allocationChecksum: "a", algorithmVersion: "1", status: "LOCKED" } });
    await expect(db().$transaction((tx) => requirePlanAllows(tx, id, "sampling.draw"))).resolves.toBeTruthy();

    const stratum = await db().stratum.create({ data: { planId: id, code: "X001", unitId, population: 10, rawCount: 10, sampleSize: 2, reserve: 1, rule: "quota:q=2" } });
    await db().form.create({ data: { planId: id, unitId, stratumId: stratum.id, code: "00100001000017", sequence: 1, state: "PRINTED" } });
    await expect(db().$transaction((tx) => requirePlanAllows(tx, id, "sampling.draw"))).resolves.toBeTruthy();
    await db().form.updateMany({ where: { planId: id }, data: { state: "DISPATCHED" } });
    const e = await db().$transaction((tx) => refusal(requirePlanAllows(tx, id, "sampling.draw")));
    expect(e.message).toMatch(/^Không thể chọn mẫu lại cho kế hoạch “.*”: đã có 1 phiếu được gửi tới người dân/);

    const back = await db().$transaction((tx) => refusal(transitionPlan(tx, { planId: id, to: "FRAME" }, actor)));
    expect(back.message).toMatch(/^Đã tạo 1 phiếu từ mẫu hiện tại nên không thể mở lại thu thập danh sách/);
    await db().form.deleteMany({ where: { planId: id } });
    await db().$transaction((tx) => transitionPlan(tx, { planId: id, to: "FRAME" }, actor));
    expect((await db().sampleDraw.findFirstOrThrow({ where: { planId: id } })).status).toBe("SUPERSEDED");
  });

  it("answers cannot be edited after publication, and archive comes only after it", async () => {
    const { id } = await createPlan(await planInput(), actor);
    await setState(id, "PUBLISHED");
    const e = await db().$transaction((tx) => refusal(requirePlanAllows(tx, id, "answers.edit")));
    expect(e.message).toMatch(/Kết quả đã công bố là bản chốt/);
    await setState(id, "ANALYSIS");
    const notYet = await db().$transaction((tx) => refusal(transitionPlan(tx, { planId: id, to: "ARCHIVED" }, actor)));
    expect(notYet.message).toBe("Không thể chuyển kế hoạch từ “Phân tích” sang “Lưu trữ”.");
    const noSnapshot = await db().$transaction((tx) => refusal(transitionPlan(tx, { planId: id, to: "PUBLISHED" }, actor)));
    expect(noSnapshot.message).toMatch(/Chưa có kết quả nào được chốt để công bố/);
    await setState(id, "PUBLISHED");
    await db().$transaction((tx) => transitionPlan(tx, { planId: id, to: "ARCHIVED" }, actor));
    expect((await db().plan.findUniqueOrThrow({ where: { id } })).state).toBe("ARCHIVED");
  });

  it("only a draft can be deleted", async () => {
    const { id } = await createPlan(await planInput(), actor);
    await setState(id, "APPROVED");
    expect((await refusal(deletePlan(id, 1, actor))).message).toMatch(/Chỉ xóa được kế hoạch còn là dự thảo/);
    await setState(id, "DRAFT");
    await deletePlan(id, 1, actor);
    expect(await db().plan.findUnique({ where: { id } })).toBeNull();
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
