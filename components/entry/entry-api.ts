import type { TEntryForm } from "@/lib/entry/lookup";
import type { TEntryResult } from "@/lib/entry/save";

/** The entry screen's calls to its JSON routes (app/api/entry/*). */

export type TRefusal = { code: string; error: string; fieldErrors?: Record<string, string[]>; details?: { alreadyEntered?: boolean; code?: string } };
export type TApiResult<T> = { ok: true; data: T } | ({ ok: false } & TRefusal) | { ok: false; network: true };

/** A key for one save attempt; getRandomValues works on plain-http intranet addresses too. */
export function newAttemptKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function call<T>(input: string, init?: RequestInit): Promise<TApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(input, { ...init, cache: "no-store", headers: { "Content-Type": "application/json", ...init?.headers } });
  } catch {
    return { ok: false, network: true };
  }
  try {
    return (await res.json()) as TApiResult<T>;
  } catch {
    // A proxy's error page or a restart: treat as a network failure (the save is retried with the same key).
    return { ok: false, network: true };
  }
}

export function lookupForm(code: string, open: boolean): Promise<TApiResult<TEntryForm>> {
  return call<TEntryForm>(`/api/entry/form?code=${encodeURIComponent(code)}&open=${open ? "1" : "0"}`);
}

export type TSaveBody = { code: string; intent: TEntryForm["intent"]; version: number; key: string; cells: Record<string, string> };

/** Saves, retrying a lost request with the same key (the server recognises the retry). */
export async function saveForm(body: TSaveBody, onRetry: () => void): Promise<TApiResult<TEntryResult>> {
  let last: TApiResult<TEntryResult> = { ok: false, network: true };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0) {
      onRetry();
      await new Promise((r) => setTimeout(r, 400 * attempt));
    }
    last = await call<TEntryResult>("/api/entry/save", { method: "POST", body: JSON.stringify(body) });
    if (!("network" in last)) return last;
  }
  return last;
}
