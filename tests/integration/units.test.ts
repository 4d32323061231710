import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { verifyAuditChain } from "@/lib/audit/service";
import { createPlan } from "@/lib/plans/editor";
import { ZPlanInput } from "@/lib/plans/schemas";
import { unitLineage } from "@/lib/units/history";
import { mergeUnits, renameUnit, splitUnit } from "@/lib/units/restructure";
import { ZMerge, ZRename, ZSplit, ZUpdateUnit } from "@/lib/units/schemas";
import { updateUnit } from "@/lib/units/edit";
import { makeUser, useCleanDatabase } from "./helpers";
import { PLAN_2025, seedRegistryFixture } from "./registry-fixture";

useCleanDatabase();

let actor: { id: number; name: string };
const id = async (code: string) => (await db().unit.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const LEGAL = "Nghị quyết số 99/NQ-HĐND ngày 10/12/2025";

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}
const messagesOf = (e: AppError) => [e.message, ...Object.values(e.fieldErrors ?? {}).flat()].join(" | ");

async function newUnitInput(code: string, name: string) {
  const [level, block] = await Promise.all([db().adminLevel.findUniqueOrThrow({ where: { code: "XA" } }), db().block.findUniqueOrThrow({ where: { code: "UBND_XA" } })]);
  return { code, name, levelId: level.id, blockId: block.id };
}

beforeEach(async () => {
  await seedRegistryFixture();
  const admin = await makeUser("ADMIN");
  actor = { id: admin.id, name: admin.username };
});

describe("restructuring: merge", () => {
  it("closes the old communes the day before, creates the new one, links them, keeps the chain over years", async () => {
    const input = ZMerge.parse({
      predecessorIds: [await id("X001"), await id("X002")], effectiveDate: "2026-01-01", legalBasis: LEGAL, target: "new",
      successor: await newUnitInput("X061", "UBND phường An Phú Bình Minh"),
    });
    const r = await mergeUnits(input, actor);
    expect(r.message).toBe("Đã sáp nhập 2 đơn vị vào X061.");
    const [a, b, n] = await Promise.all(["X001", "X002", "X061"].map((c) => db().unit.findUniqueOrThrow({ where: { code: c } })));
    expect([iso(a!.validTo), iso(b!.validTo)]).toEqual(["2025-12-31", "2025-12-31"]);
    expect([iso(n!.validFrom), iso(n!.validTo)]).toEqual(["2026-01-01", null]);
    const links = await db().unitSuccession.findMany({ where: { successorId: n!.id } });
    expect(links.map((l) => [l.kind, iso(l.effectiveDate), l.legalBasis])).toEqual([["MERGE", "2026-01-01", LEGAL], ["MERGE", "2026-01-01", LEGAL]]);
    const lineage = await unitLineage(db(), n!.id);
    // Two generations back: X001 and X002 each came from three old communes (and a district) on 01/07/2025.
    const events = lineage.before.map((e) => `${e.generation} ${e.date} ${e.kind} ${e.predecessors.map((p) => p.code).join("+")}→${e.successors.map((x) => x.code).join("+")}`);
    expect(events).toEqual([
      "-2 2025-07-01 MERGE H01-X001+H01-X002+H01-X003→X001",
      "-2 2025-07-01 SPLIT H01→X001",
      "-2 2025-07-01 MERGE H02-X004+H02-X005→X002",
      "-2 2025-07-01 SPLIT H02→X002",
      "-1 2026-01-01 MERGE X001+X002→X061",
    ]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "unit.merge" } });
    expect(audit.after).toMatchObject({ predecessors: ["X001", "X002"], successor: "X061", effectiveDate: "2026-01-01" });
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("merges into an existing unit that continues", async () => {
    const input = ZMerge.parse({ predecessorIds: [await id("SYT"), await id("SGDDT")], effectiveDate: "2026-03-01", legalBasis: LEGAL, target: "existing", targetId: await id("SVHTTDL") });
    await mergeUnits(input, actor);
    const target = await db().unit.findUniqueOrThrow({ where: { code: "SVHTTDL" }, include: { predecessorLinks: true } });
    expect(target.validTo).toBeNull();
    expect(target.predecessorLinks).toHaveLength(2);
  });

  it("refuses a unit already closed, and names its successor", async () => {
    const input = ZMerge.parse({ predecessorIds: [await id("H01-X001"), await id("X003")], effectiveDate: "2026-01-01", legalBasis: LEGAL, target: "new", successor: await newUnitInput("X062", "Xã thử") });
    const e = await refusal(mergeUnits(input, actor));
    expect(messagesOf(e)).toContain("Đơn vị H01-X001 đã hết hiệu lực từ sau ngày 30/06/2025 (đã chuyển thành X001)");
    expect(await db().unit.findUnique({ where: { code: "X062" } })).toBeNull();
    expect((await db().unit.findUniqueOrThrow({ where: { code: "X003" } })).validTo).toBeNull();
  });

  it("refuses a date on or before the unit's own start", async () => {
    const input = ZMerge.parse({ predecessorIds: [await id("X003"), await id("X004")], effectiveDate: "2025-07-01", legalBasis: LEGAL, target: "new", successor: await newUnitInput("X063", "Xã thử") });
    expect(messagesOf(await refusal(mergeUnits(input, actor)))).toContain("Ngày hiệu lực phải sau ngày bắt đầu hiệu lực của X003 (01/07/2025).");
  });

  it("refuses a date before dossiers already listed for the unit, and commits nothing", async () => {
    const plan = await db().plan.findFirstOrThrow({ where: { year: 2025 } });
    const imp = await db().frameImport.create({ data: { planId: plan.id, source: "FILE", checksum: "x", rowCount: 1 } });
    await db().frameRecord.create({ data: { planId: plan.id, importId: imp.id, unitId: await id("X004"), dossierCode: "HS-1", kind: "INDIVIDUAL", personKey: "p1", resultDate: day("2025-09-15"), rowNumber: 2 } });
    const before = await db().unitSuccession.count();
    const input = ZMerge.parse({ predecessorIds: [await id("X004"), await id("X005")], effectiveDate: "2025-09-01", legalBasis: LEGAL, target: "new", successor: await newUnitInput("X064", "Xã thử") });
    const e = await refusal(mergeUnits(input, actor));
    expect(messagesOf(e)).toContain("có hồ sơ của X004 trả kết quả đến ngày 15/09/2025, sau ngày hiệu lực của việc sắp xếp");
    expect(await db().unitSuccession.count()).toBe(before);
    expect((await db().unit.findUniqueOrThrow({ where: { code: "X005" } })).validTo).toBeNull();
  });

  it("refuses closing a unit surveyed by a sampled plan whose window starts after the date; only notes plans in preparation", async () => {
    await db().plan.updateMany({ where: { year: 2025 }, data: { state: "FIELDWORK" } });
    const input = ZMerge.parse({ predecessorIds: [await id("STP"), await id("SYT")], effectiveDate: "2025-05-01", legalBasis: LEGAL, target: "new", successor: { ...(await newUnitInput("SMOI", "Sở mới")) } });
    expect(messagesOf(await refusal(mergeUnits(input, actor)))).toContain(`STP đang được khảo sát trong kế hoạch “${PLAN_2025}” (trạng thái “Đang khảo sát”)`);
    await db().plan.updateMany({ where: { year: 2025 }, data: { state: "DRAFT" } });
    const r = await mergeUnits({ ...input, successor: { ...input.successor!, code: "SMOI2" } } as typeof input, actor);
    expect(r.notices.join(" ")).toContain(`kế hoạch “${PLAN_2025}” (Dự thảo) đang có STP trong phạm vi khảo sát`);
  });
});

describe("restructuring: split and rename", () => {
  it("splits one unit into new ones with population shares", async () => {
    const input = ZSplit.parse({
      predecessorId: await id("X010"), effectiveDate: "2026-02-01", legalBasis: LEGAL,
      successors: [{ ...(await newUnitInput("X070", "Xã Bắc")), share: "0.6" }, { ...(await newUnitInput("X071", "Xã Nam")), share: "0.4" }],
    });
    await splitUnit(input, actor);
    const links = await db().unitSuccession.findMany({ where: { predecessor: { code: "X010" } }, include: { successor: true }, orderBy: { id: "asc" } });
    expect(links.map((l) => [l.kind, l.successor.code, l.share])).toEqual([["SPLIT", "X070", 0.6], ["SPLIT", "X071", 0.4]]);
    expect(iso((await db().unit.findUniqueOrThrow({ where: { code: "X010" } })).validTo)).toBe("2026-01-31");
  });

  it("refuses a split whose new code is taken, naming the row", async () => {
    const input = ZSplit.parse({
      predecessorId: await id("X011"), effectiveDate: "2026-02-01", legalBasis: LEGAL,
      successors: [await newUnitInput("X012", "Trùng mã"), await newUnitInput("X072", "Xã mới")],
    });
    const e = await refusal(splitUnit(input, actor));
    expect(e.fieldErrors?.["successors.0.code"]).toEqual(["Mã X012 đã được dùng cho đơn vị khác. Hãy chọn mã khác."]);
  });

  it("renames with a new code; the successor keeps level and block", async () => {
    const r = await renameUnit(ZRename.parse({ unitId: await id("STC"), effectiveDate: "2026-01-01", legalBasis: LEGAL, code: "stckh", name: "Sở Tài chính và Kế hoạch" }), actor);
    const n = await db().unit.findUniqueOrThrow({ where: { id: r.successorIds[0] }, include: { block: true, predecessorLinks: true } });
    expect([n.code, n.block.code, n.predecessorLinks[0]!.kind]).toEqual(["STCKH", "SO_NGANH", "RENAME"]);
    const e = await refusal(renameUnit(ZRename.parse({ unitId: await id("SXD"), effectiveDate: "2026-01-01", legalBasis: LEGAL, code: "SXD", name: "Sở Xây dựng mới" }), actor));
    expect(e.fieldErrors?.code?.[0]).toMatch(/Mã mới trùng mã cũ/);
  });

  it("creating a new unit at a level that no longer exists is refused", async () => {
    const huyen = await db().adminLevel.findUniqueOrThrow({ where: { code: "HUYEN" } });
    const input = ZMerge.parse({
      predecessorIds: [await id("X020"), await id("X021")], effectiveDate: "2026-01-01", legalBasis: LEGAL, target: "new",
      successor: { ...(await newUnitInput("H99", "Huyện mới")), levelId: huyen.id },
    });
    expect((await refusal(mergeUnits(input, actor))).fieldErrors?.["successor.levelId"]?.[0]).toBe("Cấp huyện không còn hiệu lực vào ngày 01/01/2026: không tạo được đơn vị mới ở cấp này.");
  });
});

describe("editing one unit", () => {
  async function form(code: string, changes: Record<string, unknown> = {}) {
    const u = await db().unit.findUniqueOrThrow({ where: { code } });
    return ZUpdateUnit.parse({
      id: u.id, expectedUpdatedAt: u.updatedAt.toISOString(), name: u.name, levelId: u.levelId, blockId: u.blockId, parentId: u.parentId ?? "",
      validFrom: iso(u.validFrom), validTo: iso(u.validTo) ?? "", noPublicServices: !u.providesPublicServices, ...changes,
    });
  }

  it("marks 'no public services', audited; a stale form is refused without saving", async () => {
    const stale = await form("SCT", { address: "Số 1 đường Hùng Vương" });
    await updateUnit(await form("SCT", { noPublicServices: "on" }), actor);
    expect((await db().unit.findUniqueOrThrow({ where: { code: "SCT" } })).providesPublicServices).toBe(false);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "unit.update" } });
    expect([audit.before, audit.after]).toEqual([{ providesPublicServices: true }, { code: "SCT", providesPublicServices: false }]);
    const e = await refusal(updateUnit(stale, actor));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/^Đơn vị vừa được người khác sửa lúc/);
    expect((await db().unit.findUniqueOrThrow({ where: { code: "SCT" } })).address).toBeNull();
  });

  it("refuses reopening a merged unit and a parent loop", async () => {
    const e = await refusal(updateUnit(await form("SKHDT", { validTo: "" }), actor));
    expect(e.fieldErrors?.validTo?.[0]).toBe("Đơn vị đã được sắp xếp từ ngày 01/03/2025 (có đơn vị kế thừa): ngày hết hiệu lực phải trước ngày đó.");
    await updateUnit(await form("SYT", { parentId: await id("SNV") }), actor);
    const loop = await refusal(updateUnit(await form("SNV", { parentId: await id("SYT") }), actor));
    expect(loop.fieldErrors?.parentId?.[0]).toBe("Quan hệ trực thuộc tạo thành vòng lặp (SNV → SYT → SNV).");
  });
});

describe("a plan only takes units valid in its window", () => {
  it("refuses a unit closed before the window, and one that provides no public services", async () => {
    const version = await db().questionnaireVersion.findFirstOrThrow();
    const input = ZPlanInput.parse({
      year: 2026, title: "Khảo sát năm 2026", windowStart: "2026-01-01", windowEnd: "2026-08-31", questionnaireVersionId: version.id, modes: ["POST"],
      unitIds: [await id("H01-X001"), await id("VPUBND"), await id("X001")], settings: { rules: [{ scope: { type: "default" }, rule: { kind: "yamane" } }] }, milestones: [],
    });
    const e = await refusal(createPlan(input, actor));
    expect(e.fieldErrors?.unitIds).toEqual([
      "Đơn vị H01-X001 không thể đưa vào kế hoạch: chỉ có hiệu lực từ 01/01/2008 đến 30/06/2025, không trùng thời gian giao dịch.",
      "Đơn vị VPUBND không thể đưa vào kế hoạch: đơn vị được đánh dấu không cung cấp dịch vụ công.",
    ]);
    expect(await db().plan.count({ where: { year: 2026 } })).toBe(0);
  });
});

describe("registry Excel", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sipas-it-units-"));
    return () => rm(dir, { recursive: true, force: true });
  });

  async function exportFile(): Promise<string> {
    const { writeUnitsWorkbook } = await import("@/lib/units/export");
    const file = path.join(dir, "danh-muc.xlsx");
    await writeUnitsWorkbook({ filename: file });
    return file;
  }
  async function importFile(file: string, name = "danh-muc.xlsx") {
    const { importUnits } = await import("@/lib/units/import");
    return importUnits({ name, bytes: await readFile(file) }, actor);
  }

  it("round trip: the exported file imports back with no change; an edited cell updates one unit, audited", async () => {
    await db().unit.update({ where: { code: "STP" }, data: { note: "=HYPERLINK(\"http://x\")" } });
    const total = await db().unit.count();
    const file = await exportFile();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet("Đơn vị")!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(["Mã đơn vị", "Tên đơn vị", "Mã cấp", "Mã khối", "Hiệu lực từ", "Cung cấp dịch vụ công"]));
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const stp = sheet.getColumn(1).values.findIndex((v) => v === "STP");
    expect(sheet.getRow(stp).getCell(11).value).toBe("'=HYPERLINK(\"http://x\")");

    const same = await importFile(file);
    expect(same).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: total });

    sheet.getRow(stp).getCell(2).value = "Sở Tư pháp tỉnh Phú Sơn";
    const edited = path.join(dir, "sua.xlsx");
    await wb.xlsx.writeFile(edited);
    const r = await importFile(edited, "sua.xlsx");
    expect(r).toMatchObject({ ok: true, created: 0, updated: 1 });
    const unit = await db().unit.findUniqueOrThrow({ where: { code: "STP" } });
    expect([unit.name, unit.note]).toEqual(["Sở Tư pháp tỉnh Phú Sơn", "=HYPERLINK(\"http://x\")"]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "unit.import" }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ file: "sua.xlsx", created: [], updated: [{ code: "STP", before: { name: "Sở Tư pháp" }, after: { name: "Sở Tư pháp tỉnh Phú Sơn" } }] });
  });

  it("a file with broken rows commits nothing, reports each problem, and gives an Excel report", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Đơn vị");
    ws.addRow(["Mã đơn vị", "Tên đơn vị", "Mã cấp", "Mã khối", "Hiệu lực từ", "Hiệu lực đến", "Cung cấp dịch vụ công"]);
    ws.addRow(["X900", "UBND xã Mới Hoàn Toàn", "XA", "UBND_XA", "01/01/2026", null, "Có"]);
    ws.addRow(["STP", "Sở Tư pháp (đổi tên)", "TINH", "SO_NGANH", "01/01/2008", null, "Có"]);
    ws.addRow(["X901", "", "XA", "KHOI_LA", "32/01/2026", null, "Có"]);
    ws.addRow(["X001", "UBND phường An Phú", "XA", "UBND_XA", "01/07/2025", "31/12/2024", null]);
    const file = path.join(dir, "loi.xlsx");
    await wb.xlsx.writeFile(file);
    const before = await db().unit.count();
    const r = await importFile(file, "loi.xlsx");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toBe("Tệp có 4 lỗi ở 2 dòng. Chưa có dòng nào được ghi. Hãy sửa theo bảng lỗi rồi tải lên lại.");
    expect(r.problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [4, "Tên đơn vị", ""], [4, "Mã khối", "KHOI_LA"], [4, "Hiệu lực từ", "32/01/2026"], [5, "Hiệu lực đến", "31/12/2024"],
    ]);
    expect(await db().unit.count()).toBe(before);
    expect(await db().unit.findUnique({ where: { code: "X900" } })).toBeNull();
    expect((await db().unit.findUniqueOrThrow({ where: { code: "STP" } })).name).toBe("Sở Tư pháp");
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(Buffer.from(r.report, "base64") as unknown as ArrayBuffer);
    const rs = report.worksheets[0]!;
    expect(rs.getRow(1).values).toEqual([undefined, "Dòng", "Cột", "Giá trị", "Lý do"]);
    expect(rs.rowCount).toBe(5);
  });

  it("refuses a closing date that contradicts listed dossiers, from the file too", async () => {
    const plan = await db().plan.findFirstOrThrow({ where: { year: 2025 } });
    const imp = await db().frameImport.create({ data: { planId: plan.id, source: "FILE", checksum: "x", rowCount: 1 } });
    await db().frameRecord.create({ data: { planId: plan.id, importId: imp.id, unitId: await id("X002"), dossierCode: "HS-9", kind: "INDIVIDUAL", personKey: "p1", resultDate: day("2025-10-20"), rowNumber: 2 } });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Đơn vị");
    ws.addRow(["Mã đơn vị", "Tên đơn vị", "Mã cấp", "Mã khối", "Hiệu lực từ", "Hiệu lực đến"]);
    ws.addRow(["X002", "UBND phường Bình Minh", "XA", "UBND_XA", "01/07/2025", "30/09/2025"]);
    const file = path.join(dir, "dong.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await importFile(file, "dong.xlsx");
    expect(!r.ok && r.problems[0]!.reason).toMatch(/đã có 1 hồ sơ của đơn vị với ngày trả kết quả ngoài thời gian hiệu lực mới/);
  });

  it("reads a CSV in UTF-8 with a BOM and a non-spreadsheet renamed .xlsx is refused with the file's name", async () => {
    const { writeFile } = await import("node:fs/promises");
    const csv = path.join(dir, "don-vi.csv");
    await writeFile(csv, "\uFEFFMã đơn vị,Tên đơn vị,Mã cấp,Mã khối,Hiệu lực từ\nX950,UBND xã Hòa An,XA,UBND_XA,01/01/2026\n");
    expect(await importFile(csv, "don-vi.csv")).toMatchObject({ ok: true, created: 1 });
    expect((await db().unit.findUniqueOrThrow({ where: { code: "X950" } })).name).toBe("UBND xã Hòa An");
    const fake = path.join(dir, "gia.xlsx");
    await writeFile(fake, "đây không phải bảng tính");
    const r = await importFile(fake, "gia.xlsx");
    expect(!r.ok && r.problems[0]!.reason).toMatch(/Tệp “gia.xlsx” không phải tệp Excel .xlsx hợp lệ/);
  });
});
