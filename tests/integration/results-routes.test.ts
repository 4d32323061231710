import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/service";
import type { SessionUser } from "@/lib/auth/session";
import { closeBulkPool } from "@/lib/results/bulk-read";
import { computeSnapshot } from "@/lib/results/service";
import { insertSurvey } from "../fixtures/survey-db";
import { smallSurvey } from "../fixtures/results-input";
import { makeUser, useCleanDatabase } from "./helpers";

const current: { user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/session")>();
  return { ...real, getSessionUser: async () => current.user, requestIp: async () => "203.0.113.7" };
});

const { GET: excel } = await import("@/app/api/plans/[id]/results/excel/route");
const { GET: openData } = await import("@/app/api/plans/[id]/results/open-data/route");
const { GET: publicExcel } = await import("@/app/api/public/results/[planId]/route");

useCleanDatabase();
afterAll(() => closeBulkPool());

const call = (handler: typeof excel, planId: number, query = "") =>
  handler(new Request(`http://localhost/x${query}`), { params: Promise.resolve({ id: String(planId) }) });

describe("results downloads", () => {
  it("serves the plan's Excel and open data to readers in scope only, and records who took them", async () => {
    const { planId } = await insertSurvey(smallSurvey({ forms: 240, strata: 5 }), { year: 2025, title: "Kế hoạch thử tải về", codePrefix: "D", planState: "ANALYSIS" });
    await computeSnapshot(planId, SYSTEM_ACTOR);

    current.user = await makeUser("MONITOR", { planIds: [] });
    expect((await call(excel, planId)).status).toBe(404);
    expect((await call(openData, planId, "?file=all")).status).toBe(404);

    current.user = await makeUser("MONITOR", { planIds: [planId] });
    const x = await call(excel, planId);
    expect(x.status).toBe(200);
    expect(x.headers.get("content-type")).toContain("spreadsheetml");
    expect(x.headers.get("content-disposition")).toMatch(/ket-qua-sipas-2025-[0-9a-f]{8}\.xlsx/);
    const tar = await call(openData, planId, "?file=all");
    expect(tar.headers.get("content-type")).toBe("application/x-tar");
    const csv = await call(openData, planId, "?file=strata.csv");
    expect(await csv.text()).toMatch(/^stratum,unit_code,population\r\n/);
    expect((await call(openData, planId, "?file=../../etc/passwd")).status).toBe(422);
    expect(await db().auditEvent.count({ where: { action: "results.export", planId } })).toBe(3);

    // The public sees nothing until the snapshot is published.
    current.user = null;
    const pub = await publicExcel(new Request("http://localhost/p"), { params: Promise.resolve({ planId: String(planId) }) });
    expect(pub.status).toBe(404);
  });
});
