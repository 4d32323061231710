import { createHash } from "node:crypto";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/service";
import { framesText as t } from "@/lib/i18n/frames";
import { COLUMN_KEYS, type ColumnIndex } from "./columns";
import { auditRejectedImport, commitFrame, type CommittedImport } from "./import";
import { validateRow, type RowProblem } from "./validate";

/** Largest batch, in records: bigger lists go in several batches (or as a file). */
export const MAX_API_RECORDS = 50_000;
/** Problems returned in one response; the count is always complete. */
const MAX_PROBLEMS = 10_000;

const ZCell = z.union([z.string().max(10_000), z.number(), z.null()]).optional();
export const ZApiBatch = z.object({
  mode: z.enum(["append", "replace"]).default("append"),
  records: z
    .array(z.object({
      unitCode: ZCell, dossierCode: ZCell, name: ZCell, kind: ZCell, address: ZCell,
      phone: ZCell, fieldCode: ZCell, procedure: ZCell, resultDate: ZCell,
    }).strict())
    .min(1)
    .max(MAX_API_RECORDS),
});
export type TApiBatch = z.infer<typeof ZApiBatch>;

export const ZIdempotencyKey = z.string().trim().min(1).max(200);

/** What the API answers; stored under the idempotency key so a replay gets the same body. */
export type ApiResult =
  | { status: 201; body: { ok: true; importId: number; rows: number; units: number; replacedRecords: number; duplicateRecords: number } }
  | { status: 422; body: { ok: false; code: "INVALID"; error: string; problemCount: number; problems: RowProblem[] } }
  | { status: 409; body: { ok: false; code: "CONFLICT"; error: string } };

// The JSON field names are the columns the problems name.
const COLUMNS: ColumnIndex = Object.fromEntries(COLUMN_KEYS.map((k, index) => [k, { index, header: k }]));
const KIND_WORDS: Record<string, string> = { individual: "Cá nhân", organisation: "Tổ chức", organization: "Tổ chức" };

class Replay extends Error {
  constructor(readonly result: ApiResult) {
    super("replay");
  }
}

function storedKey(planId: number, key: string): string {
  return `frames:${planId}:${key}`;
}

/** A previous request under this key: the same body gets its result again, another body a 409. */
async function replayed(client: Tx | ReturnType<typeof db>, planId: number, key: string, requestSha: string): Promise<ApiResult | null> {
  const row = await client.idempotencyKey.findUnique({ where: { key: storedKey(planId, key) } });
  if (!row) return null;
  if (row.requestSha !== requestSha) return { status: 409, body: { ok: false, code: "CONFLICT", error: t.api.keyReused } };
  return row.result as unknown as ApiResult;
}

/**
 * One batch of frame records from a one-stop-shop system: the same validation as a file
 * (lib/frames/validate.ts, rows numbered from 1 in the order sent), committed in one
 * transaction or not at all. `append` adds dossiers (one already in the frame is an
 * error); `replace` replaces the lists of the units in the batch. The Idempotency-Key makes
 * a retried request return the first result and create nothing twice, even when the two
 * arrive together (the key is checked again under the plan's frame lock).
 */
export async function importApiBatch(input: { planId: number; key: string; batch: TApiBatch; actor: Actor }): Promise<ApiResult & { replayed: boolean }> {
  const requestSha = createHash("sha256").update(JSON.stringify(input.batch)).digest("hex");
  const first = await replayed(db(), input.planId, input.key, requestSha);
  if (first) return { ...first, replayed: true };
  const problems: RowProblem[] = [];
  let problemCount = 0;
  try {
    const outcome = await commitFrame({
      planId: input.planId,
      actor: input.actor,
      source: "API",
      fileName: null,
      checksum: requestSha,
      idempotencyKey: input.key,
      scope: input.batch.mode === "replace" ? { kind: "units-in-file" } : { kind: "append" },
      columns: { unitCode: "unitCode", dossierCode: "dossierCode", fieldCode: "fieldCode" },
      beforeWrite: async (tx) => {
        const again = await replayed(tx, input.planId, input.key, requestSha);
        if (again) throw new Replay(again);
      },
      read: async function* (ctx) {
        yield input.batch.records.map((r, i) => {
          const kind = typeof r.kind === "string" ? (KIND_WORDS[r.kind.trim().toLowerCase()] ?? r.kind) : r.kind;
          const cells = COLUMN_KEYS.map((k) => (k === "kind" ? kind : r[k]) ?? null);
          return { row: i + 1, result: validateRow({ row: i + 1, cells }, COLUMNS, ctx) };
        });
      },
      onProblem: (p) => {
        problemCount++;
        if (problems.length < MAX_PROBLEMS) problems.push(p);
      },
      finalize: async (tx, result) => {
        await tx.idempotencyKey.create({
          data: { key: storedKey(input.planId, input.key), scope: "frames.api", requestSha, result: created(result) as never },
        });
      },
    });
    if (outcome.ok) return { ...created(outcome), replayed: false };
    await auditRejectedImport({ planId: input.planId, actor: input.actor, source: "API", fileName: null, checksum: requestSha, problems: problemCount });
    return { status: 422, body: { ok: false, code: "INVALID", error: t.api.rejected(problemCount), problemCount, problems }, replayed: false };
  } catch (err) {
    if (err instanceof Replay) return { ...err.result, replayed: true };
    // The same key committed by a request that raced this one past the check.
    if ((err as { code?: unknown }).code === "P2002") {
      const again = await replayed(db(), input.planId, input.key, requestSha);
      if (again) return { ...again, replayed: true };
    }
    throw err;
  }
}

function created(r: CommittedImport): ApiResult {
  return {
    status: 201,
    body: { ok: true, importId: r.importId, rows: r.rowCount, units: r.units, replacedRecords: r.replacedRecords, duplicateRecords: r.duplicateRecords },
  };
}
