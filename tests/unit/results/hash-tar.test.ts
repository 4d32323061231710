import { describe, expect, it } from "vitest";
import { inputsHash } from "@/lib/results/hash";
import { tarFolder } from "@/lib/results/tar";
import { buildInput, formsFromColumns, makeQuestionnaire } from "../sipas/helpers";

const q = makeQuestionnaire([2]);
const input = () =>
  buildInput(q, [{ code: "U1", name: "Đơn vị 1", level: "Cấp xã", block: "UBND" }], [{ code: "U1", unitCode: "U1", population: 100 }], formsFromColumns("U1", [[4, 5, 3], [5, 0, 2]]));
const method = { elementMethod: "mean" as const, minValidForms: 30 };

describe("inputs hash", () => {
  it("is stable, and changes with any answer, population, name or method", () => {
    const h = inputsHash(input(), method);
    expect(inputsHash(input(), method)).toBe(h);
    const a = input();
    a.forms.satisfaction[3] = 1;
    expect(inputsHash(a, method)).not.toBe(h);
    const b = input();
    b.strata[0]!.population = 101;
    expect(inputsHash(b, method)).not.toBe(h);
    const c = input();
    c.units[0]!.name = "Đơn vị một";
    expect(inputsHash(c, method)).not.toBe(h);
    expect(inputsHash(input(), { ...method, minValidForms: 20 })).not.toBe(h);
    // Free-text comments are not an input of any figure.
    const d = input();
    d.forms.texts = [["x", "y", "z"]];
    expect(inputsHash(d, method)).toBe(h);
  });
});

describe("tar writer", () => {
  it("writes ustar headers with valid checksums and 512-byte padding", () => {
    const tar = tarFolder("thu-muc", [{ name: "a.csv", content: "đ,1\r\n" }], new Date("2026-01-01T00:00:00Z"));
    expect(tar.length).toBe(512 * 2 + 512 + 1024);
    const header = tar.subarray(512, 1024);
    const text = new TextDecoder().decode(header);
    expect(text.startsWith("thu-muc/a.csv\0")).toBe(true);
    expect(text.slice(257, 263)).toBe("ustar\0");
    const stored = parseInt(text.slice(148, 154), 8);
    let sum = 0;
    header.forEach((b, i) => (sum += i >= 148 && i < 156 ? 32 : b));
    expect(stored).toBe(sum);
    expect(parseInt(text.slice(124, 135), 8)).toBe(new TextEncoder().encode("đ,1\r\n").length);
  });
});
