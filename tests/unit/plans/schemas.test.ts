import { describe, expect, it } from "vitest";
import { changedKeys, emptyPlanValues, actionForKey } from "@/lib/plans/form-values";
import { resolveRule } from "@/lib/plans/rules";
import { ZPlanInput, ZPlanSettings, type TPlanSettings } from "@/lib/plans/schemas";
import { settingsProblems, unitOffered, unitScopeProblems } from "@/lib/plans/validate";

const base = {
  year: "2026", title: "Khảo sát năm 2026", legalNumber: "", legalDate: null, budget: "",
  windowStart: "2026-01-01", windowEnd: "2026-08-31", questionnaireVersionId: "1", modes: ["POST"], unitIds: [1, 2],
  settings: { rules: [{ scope: { type: "default" }, rule: { kind: "yamane", e: "0.05" } }] },
  milestones: [
    { kind: "LISTS_DUE", dueOn: "2026-09-10" }, { kind: "SAMPLING_DAY", dueOn: "2026-09-17" },
    { kind: "FIELDWORK_START", dueOn: "2026-09-20" }, { kind: "FIELDWORK_END", dueOn: "2026-10-31" },
  ],
};
const issues = (input: unknown) => {
  const r = ZPlanInput.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("ZPlanSettings", () => {
  it("fills defaults and keeps rules exact as text", () => {
    const s = ZPlanSettings.parse({ rules: [{ scope: { type: "default" }, rule: { kind: "yamane" } }] });
    expect(s).toMatchObject({ strata: "unit", reserveShare: "0.2", minValidForms: 30, elementMethod: "mean", doubleEntryShare: 0.1, overrides: {} });
    expect(s.rules[0]!.rule).toEqual({ kind: "yamane", e: "0.05" });
  });
  it.each([["0"], ["0.6"], ["5"], ["0,05"], ["-0.1"]])("refuses Yamane e = %s", (e) => {
    expect(ZPlanSettings.safeParse({ rules: [{ scope: { type: "default" }, rule: { kind: "yamane", e } }] }).success).toBe(false);
  });
  it("refuses a reserve share above 1 and a quota of 0, with Vietnamese messages", () => {
    const r = ZPlanSettings.safeParse({ reserveShare: "1.5", rules: [{ scope: { type: "default" }, rule: { kind: "quota", n: 0 } }] });
    expect(r.success).toBe(false);
    const messages = r.success ? [] : r.error.issues.map((i) => i.message);
    expect(messages).toContain("Tỷ lệ phải từ 0 đến 1 (ví dụ 0.2).");
    expect(messages).toContain("Tối thiểu 1.");
  });
  it("says 'enter a whole number' for text typed into a number", () => {
    const r = ZPlanSettings.safeParse({ minValidForms: "ba mươi", rules: [{ scope: { type: "default" }, rule: { kind: "quota", n: 50 } }] });
    expect(!r.success && r.error.issues[0]!.message).toBe("Nhập một số nguyên.");
  });
});

describe("ZPlanInput", () => {
  it("accepts a complete plan and normalises empty optional fields to null", () => {
    const r = ZPlanInput.parse(base);
    expect(r.year).toBe(2026);
    expect(r.legalNumber).toBeNull();
    expect(r.budget).toBeNull();
  });
  it("refuses a window that ends before it starts", () => {
    expect(issues({ ...base, windowEnd: "2025-12-31" }).windowEnd).toMatch(/sau hoặc bằng ngày bắt đầu/);
  });
  it("refuses an impossible date", () => {
    expect(issues({ ...base, windowEnd: "2026-02-30" }).windowEnd).toBe("Ngày không tồn tại.");
  });
  it("refuses milestones out of order and sampling before the window closes", () => {
    const i = issues({
      ...base,
      milestones: [{ kind: "LISTS_DUE", dueOn: "2026-09-10" }, { kind: "SAMPLING_DAY", dueOn: "2026-08-20" }, { kind: "FIELDWORK_START", dueOn: "2026-08-01" }],
    });
    expect(i["milestones.SAMPLING_DAY"]).toBeDefined();
    expect(i["milestones.FIELDWORK_START"]).toMatch(/phải sau hoặc cùng ngày với “Ngày chọn mẫu”/);
  });
  it("requires at least one survey mode", () => {
    expect(issues({ ...base, modes: [] }).modes).toBe("Chọn ít nhất một hình thức khảo sát.");
  });
});

describe("which rule applies to a unit", () => {
  const settings: TPlanSettings = ZPlanSettings.parse({
    rules: [
      { scope: { type: "default" }, rule: { kind: "yamane", e: "0.05" } },
      { scope: { type: "level", code: "XA" }, rule: { kind: "quota", n: 150 } },
      { scope: { type: "block", code: "UBND_XA" }, rule: { kind: "proportional", total: 3000, min: 30 } },
    ],
    overrides: { X007: 80 },
  });
  it("prefers a unit override, then block, then level, then default", () => {
    expect(resolveRule(settings, { code: "X007", levelCode: "XA", blockCode: "UBND_XA" })).toEqual({ rule: { kind: "manual", n: 80 }, source: "override", scopeKey: "unit:X007" });
    expect(resolveRule(settings, { code: "X001", levelCode: "XA", blockCode: "UBND_XA" })?.rule).toEqual({ kind: "proportional", total: 3000, min: 30, group: "block:UBND_XA" });
    expect(resolveRule(settings, { code: "Q1", levelCode: "XA", blockCode: "OTHER" })?.rule).toEqual({ kind: "quota", q: 150 });
    expect(resolveRule(settings, { code: "STP", levelCode: "TINH", blockCode: "SO_NGANH" })).toMatchObject({ source: "default", rule: { kind: "yamane", e: "0.05" } });
  });
  it("returns null when no rule covers the unit", () => {
    const only = ZPlanSettings.parse({ rules: [{ scope: { type: "level", code: "XA" }, rule: { kind: "quota", n: 50 } }] });
    expect(resolveRule(only, { code: "STP", levelCode: "TINH", blockCode: "SO_NGANH" })).toBeNull();
  });
});

describe("checks against the registry", () => {
  const ctx = { levelCodes: new Set(["TINH", "XA"]), blockCodes: new Set(["SO_NGANH", "UBND_XA"]), units: [{ code: "STP", levelCode: "TINH", blockCode: "SO_NGANH" }, { code: "X001", levelCode: "XA", blockCode: "UBND_XA" }] };
  it("finds duplicate scopes, unknown codes, uncovered units and stray overrides", () => {
    const s = ZPlanSettings.parse({
      rules: [
        { scope: { type: "level", code: "XA" }, rule: { kind: "quota", n: 50 } },
        { scope: { type: "level", code: "XA" }, rule: { kind: "quota", n: 60 } },
        { scope: { type: "block", code: "KHONG_CO" }, rule: { kind: "quota", n: 60 } },
      ],
      overrides: { H01: 10 },
    });
    const p = settingsProblems(s, ctx);
    expect(p.map((x) => x.path)).toEqual(["settings.rules.1.scope", "settings.rules.2.scope", "settings.overrides", "settings.rules"]);
    expect(p[3]!.message).toContain("STP");
  });
  it("offers a unit only when it overlaps the window and serves the public", () => {
    const u = { validFrom: "2008-01-01", validTo: "2025-06-30", providesPublicServices: true };
    expect(unitOffered(u, "2025-01-01", "2025-08-31")).toBe(true);
    expect(unitOffered(u, "2025-07-01", "2025-10-31")).toBe(false);
    expect(unitOffered({ ...u, validTo: null, providesPublicServices: false }, "2025-01-01", "2025-08-31")).toBe(false);
    const problems = unitScopeProblems([{ id: 1, code: "H01-X001", levelCode: "XA", blockCode: "UBND_XA", ...u }], "2025-07-01", "2025-10-31");
    expect(problems[0]!.message).toBe("Đơn vị H01-X001 không thể đưa vào kế hoạch: chỉ có hiệu lực từ 01/01/2008 đến 30/06/2025, không trùng thời gian giao dịch.");
  });
});

describe("plan editor values", () => {
  it("finds what changed and which lifecycle permission each change needs", () => {
    const a = emptyPlanValues(2026);
    const b = { ...a, title: "Mới", unitIds: [3], settings: { ...a.settings, minValidForms: 20 } };
    const keys = changedKeys(a, b);
    expect(keys).toEqual(["title", "unitIds", "settings.minValidForms"]);
    expect(keys.map(actionForKey)).toEqual(["plan.editInfo", "plan.editScope", "plan.editMethod"]);
  });
});
