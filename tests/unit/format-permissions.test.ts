import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDay, formatNumber } from "@/lib/i18n/format";
import { can, HOME_PATH, PERMISSIONS, ROLES } from "@/lib/auth/permissions";
import { formDataToObject } from "@/lib/auth/guard";

describe("Vietnamese formatting", () => {
  it("shows dates as dd/mm/yyyy in Vietnam's time zone", () => {
    expect(formatDate(new Date("2026-11-23T18:30:00Z"))).toBe("24/11/2026");
    expect(formatDateTime(new Date("2026-11-23T03:05:00Z"))).toBe("10:05 23/11/2026");
    expect(formatDay(new Date("2025-07-01T00:00:00Z"))).toBe("01/07/2025");
  });
  it("uses the decimal comma", () => {
    expect(formatNumber(80.0512)).toBe("80,05");
    expect(formatNumber(1234.5, 1)).toBe("1.234,5");
    expect(formatNumber(Number.NaN)).toBe("—");
  });
});

describe("permission matrix", () => {
  it("gives every role a home it may open and keeps personal data to ADMIN", () => {
    for (const role of ROLES) expect(can(role, "home.read")).toBe(true);
    expect(HOME_PATH.CLERK).toBe("/entry");
    expect(PERMISSIONS["personal.read"]).toEqual(["ADMIN"]);
    expect(can("MONITOR", "plans.write")).toBe(false);
    expect(can("LEADER", "entry.write")).toBe(false);
  });
});

describe("FormData parsing", () => {
  it("keeps repeated and [] keys as arrays", () => {
    const fd = new FormData();
    fd.append("name", "Sở Tư pháp");
    fd.append("unitIds[]", "3");
    fd.append("tag", "a");
    fd.append("tag", "b");
    expect(formDataToObject(fd)).toEqual({ name: "Sở Tư pháp", unitIds: ["3"], tag: ["a", "b"] });
  });
});
