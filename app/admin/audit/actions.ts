"use server";

import { z } from "zod";
import { action } from "@/lib/auth/guard";
import { verifyAuditChain } from "@/lib/audit/service";

/** Re-walks the whole hash chain; any role that reads the audit trail may ask. */
export const verifyAuditAction = action("audit.verify", "audit.read", z.object({}).passthrough(), async () => {
  const r = await verifyAuditChain();
  return r.ok ? { ok: true as const, count: r.count } : { ok: false as const, count: r.count, id: r.broken.id.toString(), reason: r.broken.reason };
});
