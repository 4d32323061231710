import { FORM_STATES, type FormState } from "./state-machine";

/** The filter of the forms list from the page's query string (bad values are ignored). */
export function listFilter(sp: Record<string, string | string[] | undefined>): { unit?: number; state?: FormState; code?: string; page: number } {
  const one = (k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]);
  const unit = Number(one("unit"));
  const state = one("state");
  const page = Number(one("page"));
  const code = one("code")?.trim().slice(0, 40);
  return {
    unit: Number.isInteger(unit) && unit > 0 ? unit : undefined,
    state: state && (FORM_STATES as readonly string[]).includes(state) ? (state as FormState) : undefined,
    code: code || undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}
