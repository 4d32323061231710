import { z } from "zod";
import { AppError, type ErrorCode } from "@/lib/errors";
import { recordAuditNow, type Actor } from "@/lib/audit/service";
import { vi } from "@/lib/i18n/vi";
import { can, type Permission } from "./permissions";
import { actorOf, getSessionUser, requestIp, type SessionUser } from "./session";

/**
 * The one door. Every server action and route handler is built by `action`, `route` or
 * `publicRoute`, which do, in order: session → permission → zod parse → handler → error
 * mapping. Each records what it guards in a registry, so tests/integration/authorization
 * can prove that nothing is exported unguarded.
 */

export type Ctx = { user: SessionUser; actor: Actor };
export type ActionResult<T> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: ErrorCode; error: string; fieldErrors?: Record<string, string[]>; details?: unknown };

type GuardInfo = { kind: "action" | "route" | "public"; permission: Permission | null };
const registry = new WeakMap<object, GuardInfo>();
export function guardInfo(fn: unknown): GuardInfo | undefined {
  return typeof fn === "function" ? registry.get(fn) : undefined;
}

/** FormData → plain object; repeated keys become arrays, empty file inputs are dropped. */
export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(fd.keys())) {
    const values = fd.getAll(key).filter((v) => !(typeof v !== "string" && v.size === 0 && v.name === ""));
    out[key] = key.endsWith("[]") || values.length > 1 ? values : values[0];
  }
  for (const key of Object.keys(out)) {
    if (key.endsWith("[]")) {
      out[key.slice(0, -2)] = out[key];
      delete out[key];
    }
  }
  return out;
}

type Refusal = { code: "UNAUTHENTICATED" | "FORBIDDEN"; error: string };

/** Session and permission; a refusal is written to the audit trail. */
async function authorize(permission: Permission, what: string): Promise<{ ctx: Ctx } | Refusal> {
  const ip = await requestIp();
  const user = await getSessionUser();
  if (!user || !can(user.role, permission)) {
    await recordAuditNow({
      actor: actorOf(user, ip),
      action: "access.denied",
      entity: "Endpoint",
      entityId: what,
      outcome: "DENIED",
      after: { permission, role: user?.role ?? null },
    });
    return user
      ? { code: "FORBIDDEN", error: vi.errors.forbidden }
      : { code: "UNAUTHENTICATED", error: vi.errors.unauthenticated };
  }
  return { ctx: { user, actor: actorOf(user, ip) } };
}

export function zodFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

function mapError(err: unknown, what: string): { code: ErrorCode; error: string; fieldErrors?: Record<string, string[]>; details?: unknown } {
  if (err instanceof AppError) return { code: err.code, error: err.message, fieldErrors: err.fieldErrors, details: err.details };
  const prismaCode = (err as { code?: unknown } | null)?.code;
  if (prismaCode === "P2002") return { code: "CONFLICT", error: vi.errors.duplicate };
  if (prismaCode === "P2025") return { code: "NOT_FOUND", error: vi.errors.notFound };
  console.error(`[${what}]`, err);
  return { code: "ERROR", error: vi.errors.unexpected };
}

/** Re-throws Next's control-flow errors (redirect, notFound) instead of mapping them. */
function isNextControl(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}

/**
 * A server action. Accepts `(input)` or `(prevState, formData)` (useActionState).
 * `name` identifies it in the audit trail of refusals.
 */
export function action<S extends z.ZodType, T>(
  name: string,
  permission: Permission,
  schema: S,
  handler: (input: z.infer<S>, ctx: Ctx) => Promise<T>,
): (...args: unknown[]) => Promise<ActionResult<T>> {
  const fn = async (...args: unknown[]): Promise<ActionResult<T>> => {
    const auth = await authorize(permission, `action:${name}`);
    if (!("ctx" in auth)) return { ok: false, ...auth };
    const raw = args.length >= 2 ? args[1] : args[0];
    const input = raw instanceof FormData ? formDataToObject(raw) : raw;
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { ok: false, code: "INVALID", error: vi.errors.invalid, fieldErrors: zodFieldErrors(parsed.error) };
    try {
      return { ok: true, data: await handler(parsed.data, auth.ctx) };
    } catch (err) {
      if (isNextControl(err)) throw err;
      return { ok: false, ...mapError(err, name) };
    }
  };
  registry.set(fn, { kind: "action", permission });
  return fn;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };
const STATUS: Record<ErrorCode, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, INVALID: 422, NOT_FOUND: 404, CONFLICT: 409, ERROR: 500 };

export function jsonError(code: ErrorCode, error: string, extra?: object): Response {
  return Response.json({ ok: false, code, error, ...extra }, { status: STATUS[code] });
}

/** A route handler that needs a signed-in user with `permission`. */
export function route(
  name: string,
  permission: Permission,
  handler: (req: Request, ctx: Ctx, params: Record<string, string | string[]>) => Promise<Response>,
): (req: Request, context: RouteContext) => Promise<Response> {
  const fn = async (req: Request, context: RouteContext): Promise<Response> => {
    const auth = await authorize(permission, `route:${name}`);
    if (!("ctx" in auth)) return jsonError(auth.code, auth.error);
    try {
      return await handler(req, auth.ctx, (await context?.params) ?? {});
    } catch (err) {
      if (isNextControl(err)) throw err;
      const m = mapError(err, name);
      return jsonError(m.code, m.error, m.fieldErrors ? { fieldErrors: m.fieldErrors } : undefined);
    }
  };
  registry.set(fn, { kind: "route", permission });
  return fn;
}

/** A route handler that is public on purpose (health, sign-in, published results, token APIs). */
export function publicRoute<A extends unknown[]>(
  name: string,
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  const fn = async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (err) {
      if (isNextControl(err)) throw err;
      const m = mapError(err, name);
      return jsonError(m.code, m.error);
    }
  };
  registry.set(fn, { kind: "public", permission: null });
  return fn;
}
