import { describe, expect, it } from "vitest";
import { validateDefinition } from "@/lib/questionnaires/validate";
import { BUILTIN_TEMPLATES } from "@/lib/sipas/templates";
import type { TQuestionnaire } from "@/lib/sipas/questionnaire";

const classic = BUILTIN_TEMPLATES.classic;
const errorsOf = (q: unknown) => {
  const r = validateDefinition(q);
  return r.ok ? {} : r.fieldErrors;
};

describe("questionnaire rules", () => {
  it("accepts both built-in templates", () => {
    expect(validateDefinition(classic).ok).toBe(true);
    expect(validateDefinition(BUILTIN_TEMPLATES.short).ok).toBe(true);
  });

  it("places each problem at its field", () => {
    const items = classic.items.map((i) => (i.code === "NĐ2" ? { ...i, options: [{ code: "C", label: "Có" }, { code: "C", label: "Không" }] } : i));
    const q: TQuestionnaire = {
      ...classic,
      aspects: [{ code: "KC1", title: "Khía cạnh" }],
      elements: classic.elements.map((e, k) => (k === 0 ? { ...e, aspect: "KC1" } : e)),
      items: [...items, { code: "TC1.1", kind: "satisfaction", element: "YT7", text: "Trùng mã", required: false }],
    };
    const e = errorsOf(q);
    const last = q.items.length - 1;
    expect(e[`items.${last}.code`]?.[0]).toContain("TC1.1");
    expect(e[`items.${last}.element`]?.[0]).toContain("YT7");
    expect(e["elements.1.aspect"]?.[0]).toContain("mọi yếu tố");
    const nd2 = q.items.findIndex((i) => i.code === "NĐ2");
    expect(e[`items.${nd2}.options.1.code`]?.[0]).toContain("trùng");
  });

  it("refuses reserved option codes, too many choices, an element without criteria", () => {
    const md1 = classic.items.findIndex((i) => i.code === "MD1");
    const items = classic.items.map((i, k) => (k === md1 && i.kind === "expectation" ? { ...i, maxChoices: 20, options: [...i.options.slice(0, 9), { code: "M", label: "x" }] } : i));
    const e = errorsOf({ ...classic, items, elements: [...classic.elements, { code: "YT6", title: "Trống", aspect: null }] });
    expect(e[`items.${md1}.maxChoices`]).toBeDefined();
    expect(e[`items.${md1}.options.9.code`]).toBeDefined();
    expect(e["elements.5.code"]?.[0]).toContain("YT6");
  });

  it("reports the model's own checks (empty text, unknown kind) at their path", () => {
    const e = errorsOf({ ...classic, items: [{ ...classic.items[0], text: "" }, { code: "X", kind: "other", text: "?" }] });
    expect(e["items.0.text"]).toBeDefined();
    expect(Object.keys(e).some((k) => k.startsWith("items.1"))).toBe(true);
  });
});
