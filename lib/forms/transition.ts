import type { Tx } from "@/lib/db";
import type { FormState, SurveyMode } from "@/lib/generated/prisma/enums";
import { recordAudits, type Actor, type AuditInput } from "@/lib/audit/service";
import { AppError, conflict } from "@/lib/errors";
import { vi } from "@/lib/i18n/vi";
import { assertTransition, FormTransitionError } from "./state-machine";

/**
 * The one place where a form changes state (SIPAS-METHOD §6): the state machine decides,
 * the version column makes a stale change fail instead of overwriting a newer one, and
 * the change is written to the audit trail in the same transaction. Every caller locks
 * the form first (lockForm…), so the state it decides on is the state it changes.
 */

export type TLockedForm = {
  id: number;
  code: string;
  planId: number;
  unitId: number;
  stratumId: number;
  selectionId: number | null;
  state: FormState;
  mode: SurveyMode;
  version: number;
  doubleEntry: boolean;
  duplicateReturn: boolean;
  batchId: number | null;
};

const COLUMNS = `id, code, "planId", "unitId", "stratumId", "selectionId", state, mode, version, "doubleEntry", "duplicateReturn", "batchId"`;

/** Locks the form (SELECT … FOR UPDATE) and returns it, or null when no form has this code. */
export async function lockFormByCode(tx: Tx, code: string): Promise<TLockedForm | null> {
  const rows = await tx.$queryRawUnsafe<TLockedForm[]>(`SELECT ${COLUMNS} FROM "Form" WHERE code = $1 FOR UPDATE`, code);
  return rows[0] ?? null;
}

export async function lockFormById(tx: Tx, id: number): Promise<TLockedForm | null> {
  const rows = await tx.$queryRawUnsafe<TLockedForm[]>(`SELECT ${COLUMNS} FROM "Form" WHERE id = $1 FOR UPDATE`, id);
  return rows[0] ?? null;
}

export type TMoveOptions = {
  actor: Actor;
  /** The response's mode, for moves that record a response (ENTERED). */
  mode?: SurveyMode;
  /** Columns changed together with the state. */
  set?: { batchId?: number | null; mode?: SurveyMode };
  /** Extra facts for the audit event (never personal data). */
  note?: Record<string, unknown>;
  /** Other events of the same change, written with this one (one pass through the audit lock). */
  alsoAudit?: AuditInput[];
  now?: Date;
};

/** Turns the state machine's refusal into an error the person sees (it is already Vietnamese). */
export function transitionError(err: unknown): unknown {
  return err instanceof FormTransitionError ? new AppError("CONFLICT", err.message, undefined, { allowed: err.allowed }) : err;
}

/** Moves a locked form to `to`; returns the form as it now is. */
export async function moveForm(tx: Tx, form: TLockedForm, to: FormState, opts: TMoveOptions): Promise<TLockedForm> {
  try {
    assertTransition(form.state, to, opts.mode);
  } catch (err) {
    throw transitionError(err);
  }
  // Raw SQL: this runs on every save of the entry screen, where the ORM's per-query cost shows.
  const batchId = opts.set && "batchId" in opts.set ? (opts.set.batchId ?? null) : undefined;
  const updated = await tx.$executeRawUnsafe(
    `UPDATE "Form" SET state = $1::"FormState", version = version + 1, "updatedAt" = now(),
       "batchId" = CASE WHEN $2 THEN $3::int ELSE "batchId" END, mode = COALESCE($4::"SurveyMode", mode)
     WHERE id = $5 AND version = $6`,
    to, batchId !== undefined, batchId ?? null, opts.set?.mode ?? null, form.id, form.version,
  );
  if (updated !== 1) throw conflict(vi.errors.conflict);
  await recordAudits(
    tx,
    [
      {
        actor: opts.actor,
        action: "form.state",
        entity: "Form",
        entityId: form.id,
        planId: form.planId,
        before: { code: form.code, state: form.state },
        after: { state: to, ...(opts.mode ? { mode: opts.mode } : {}), ...opts.set, ...opts.note },
      },
      ...(opts.alsoAudit ?? []),
    ],
    opts.now,
  );
  return { ...form, state: to, version: form.version + 1, ...opts.set };
}
