import { describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/db";
import { recordAudit, verifyAuditChain } from "@/lib/audit/service";
import auditVerify from "@/lib/cli/audit-verify";
import { useCleanDatabase } from "./helpers";

useCleanDatabase();

async function appendEvents(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await db().$transaction((tx) =>
      recordAudit(tx, { actor: { id: null, name: "kiểm thử" }, action: "test.event", entity: "Test", entityId: i, before: { v: i }, after: { v: i + 1, note: "Tiếng Việt có dấu" } }),
    );
  }
}

async function raw(sql: string, params: unknown[] = []): Promise<void> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    await c.query(sql, params);
  } finally {
    await c.end();
  }
}

describe("audit trail", () => {
  it("chains events and verifies an intact chain", async () => {
    await appendEvents(5);
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 5 });
  });

  it("keeps ids gap-free and the chain intact under concurrent writers", async () => {
    await Promise.all(Array.from({ length: 20 }, () => appendEvents(1)));
    const ids = (await db().auditEvent.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((e) => Number(e.id));
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("rolls the event back with the change it records", async () => {
    await expect(
      db().$transaction(async (tx) => {
        await recordAudit(tx, { actor: { id: null, name: "x" }, action: "test.rollback", entity: "Test" });
        throw new Error("change failed");
      }),
    ).rejects.toThrow("change failed");
    expect(await db().auditEvent.count()).toBe(0);
  });

  it("refuses UPDATE and DELETE on the audit table", async () => {
    await appendEvents(1);
    await expect(raw(`UPDATE "AuditEvent" SET "actorName" = 'x'`)).rejects.toThrow(/append-only/);
    await expect(raw(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
  });

  it("names the first tampered event, also through the command", async () => {
    await appendEvents(6);
    // A tamperer with superuser rights can bypass the trigger; the chain still shows it.
    await raw(`SET session_replication_role = replica; UPDATE "AuditEvent" SET "after" = '{"v": 999}' WHERE id = 4`);
    const result = await verifyAuditChain();
    expect(result).toMatchObject({ ok: false, count: 3, broken: { id: 4n } });
    const errors: string[] = [];
    const original = console.error;
    console.error = (m: string) => errors.push(m);
    try {
      expect(await auditVerify.run([])).toBe(3);
    } finally {
      console.error = original;
    }
    expect(errors.join("\n")).toContain("#4");
  });

  it("detects a deleted event", async () => {
    await appendEvents(4);
    await raw(`SET session_replication_role = replica; DELETE FROM "AuditEvent" WHERE id = 2`);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, broken: { id: 3n } });
  });
});
