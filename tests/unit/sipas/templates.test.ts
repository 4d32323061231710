import { describe, expect, it } from "vitest";
import { compileQuestionnaire } from "@/lib/sipas/layout";
import { ZQuestionnaire } from "@/lib/sipas/questionnaire";
import { BUILTIN_TEMPLATES } from "@/lib/sipas/templates";

describe("built-in templates", () => {
  it("classic (QĐ 2640): 5 elements, the 22 criteria TC1.1…TC5.4 in order", () => {
    const q = BUILTIN_TEMPLATES.classic;
    const layout = compileQuestionnaire(q);
    expect(layout.elementCodes).toHaveLength(5);
    const criteria = q.items.filter((i) => i.kind === "satisfaction" && i.element !== null).map((i) => i.code);
    const expected = [4, 5, 6, 3, 4].flatMap((k, e) => Array.from({ length: k }, (_, j) => `TC${e + 1}.${j + 1}`));
    expect(criteria).toEqual(expected);
    expect(layout.itemsOfElement.map((l) => l.length)).toEqual([4, 5, 6, 3, 4]);
    // The overall question stands alone: reported, but in no element.
    expect(q.items.find((i) => i.code === "HL")).toMatchObject({ kind: "satisfaction", element: null });
    const md = q.items.find((i) => i.kind === "expectation");
    expect(md).toMatchObject({ mode: "choose", maxChoices: 3 });
    expect(q.items.filter((i) => i.kind === "respondent").map((i) => i.code)).toEqual(["GT", "DT", "HV", "NN"]);
    expect(q.items.some((i) => i.kind === "text")).toBe(true);
  });

  it("short ward form: 9 satisfaction items", () => {
    const q = BUILTIN_TEMPLATES.short;
    expect(q.template).toBe("short-ward");
    expect(q.items.filter((i) => i.kind === "satisfaction")).toHaveLength(9);
    expect(() => compileQuestionnaire(q)).not.toThrow();
  });

  it("both are already in the model's parsed form", () => {
    for (const q of Object.values(BUILTIN_TEMPLATES)) expect(ZQuestionnaire.parse(q)).toEqual(q);
  });
});
