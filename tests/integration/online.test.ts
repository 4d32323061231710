import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { encodeFormCode } from "@/lib/forms/form-code";
import { scanForm } from "@/lib/forms/fieldwork";
import { createFormsForDraw } from "@/lib/forms/service";
import { lookupForEntry } from "@/lib/entry/lookup";
import { lookupPublicForm, submitOnlineAnswer } from "@/lib/entry/online";
import { ANSWER_POLICY } from "@/lib/entry/throttle";
import { BUILTIN_TEMPLATES } from "@/lib/sipas/templates";
import { makeFormsPlan, setFormStates } from "../fixtures/forms-plan";
import { makeUser, useCleanDatabase } from "./helpers";

useCleanDatabase();

function cells(): Record<string, string> {
  return Object.fromEntries(
    BUILTIN_TEMPLATES.classic.items.map((i) => [i.code, i.kind === "satisfaction" ? "5" : i.kind === "text" ? "" : i.kind === "expectation" ? "10" : (i.options[1]?.code ?? "")]),
  );
}

async function setup() {
  const p = await makeFormsPlan({ units: 1, main: 4 });
  await db().$transaction((tx) => createFormsForDraw(tx, p.drawId, { id: null, name: "t" }));
  const forms = await db().form.findMany({ where: { planId: p.planId }, orderBy: { sequence: "asc" } });
  await setFormStates({ planId: p.planId }, "DISPATCHED");
  return { ...p, forms };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("online answering by form code", () => {
  it("shows the questionnaire and the unit, never who the form was sent to; the answer counts once", async () => {
    const s = await setup();
    const f = s.forms[0]!;
    const page = await lookupPublicForm(`https://sipas.example.vn/tra-loi/${f.code}`, "198.51.100.1");
    expect(page.status).toBe("open");
    const json = JSON.stringify(page);
    expect(json).toContain("Ủy ban nhân dân xã Thử Nghiệm");
    expect(json).not.toMatch(/Nguyễn Văn Thử|Hùng Vương|HS-/);

    const key = randomUUID();
    const r = await submitOnlineAnswer({ code: f.code, key, cells: cells() }, "198.51.100.1");
    expect(r.message).toContain("cảm ơn");
    // A retried submission (network hiccup) is the same answer.
    expect((await submitOnlineAnswer({ code: f.code, key, cells: cells() }, "198.51.100.1")).replay).toBe(true);
    const form = await db().form.findUniqueOrThrow({ where: { id: f.id }, include: { responses: { include: { answers: true } } } });
    expect(form).toMatchObject({ state: "ENTERED", mode: "ONLINE" });
    expect(form.responses).toHaveLength(1);
    expect(form.responses[0]).toMatchObject({ round: 1, mode: "ONLINE", enteredById: null });
    // A second online answer is refused; so is typing the paper form in.
    expect((await refusal(submitOnlineAnswer({ code: f.code, key: randomUUID(), cells: cells() }, "198.51.100.2"))).message).toContain("đã được trả lời");
    expect((await lookupPublicForm(f.code, "198.51.100.2")).status).toBe("answered");
    const clerk = await makeUser("CLERK", { unitIds: [f.unitId] });
    expect((await refusal(lookupForEntry(f.code, clerk, false))).message).toContain("trả lời trực tuyến");
    // The paper form coming back later is flagged as a duplicate, not counted.
    const back = await scanForm({ planId: s.planId, code: f.code, to: "RETURNED" }, { id: null, name: "t" });
    expect(back.outcome).toBe("duplicate");
    const after = await db().form.findUniqueOrThrow({ where: { id: f.id } });
    expect(after).toMatchObject({ state: "ENTERED", duplicateReturn: true });
    expect(await db().response.count({ where: { formId: f.id } })).toBe(1);
  });

  it("a paper form already back takes no online answer; invalid answers are refused", async () => {
    const s = await setup();
    const [a, b] = s.forms;
    await setFormStates({ planId: s.planId, codes: [a!.code] }, "RETURNED");
    expect((await lookupPublicForm(a!.code, "198.51.100.3")).status).toBe("closed");
    expect((await refusal(submitOnlineAnswer({ code: a!.code, key: randomUUID(), cells: cells() }, "198.51.100.3"))).code).toBe("CONFLICT");
    const bad = await refusal(submitOnlineAnswer({ code: b!.code, key: randomUUID(), cells: { ...cells(), "TC1.1": "9" } }, "198.51.100.3"));
    expect(bad.code).toBe("INVALID");
    expect(await db().response.count()).toBe(0);
  });

  it("after a few wrong codes an address is blocked for a while, so codes cannot be enumerated", async () => {
    const s = await setup();
    const ip = "203.0.113.77";
    for (let seq = 900; seq < 900 + ANSWER_POLICY.maxFailures; seq++) {
      const r = await lookupPublicForm(encodeFormCode({ plan: s.planId, unit: s.unitIds[0]!, seq }), ip);
      expect(r.status).toBe("notFound");
    }
    const blocked = await lookupPublicForm(s.forms[0]!.code, ip);
    expect(blocked.status).toBe("blocked");
    if (blocked.status !== "open") expect(blocked.message).toContain("thử lại sau");
    expect((await refusal(submitOnlineAnswer({ code: s.forms[0]!.code, key: randomUUID(), cells: cells() }, ip))).message).toContain("thử lại sau");
    // Another address is not affected.
    expect((await lookupPublicForm(s.forms[0]!.code, "203.0.113.78")).status).toBe("open");
  });
});
