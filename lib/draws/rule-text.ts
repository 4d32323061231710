import type { AllocationRule } from "@/lib/sampling/types";

/**
 * The size rule of a stratum as one line of text, in the strata file the app exports and
 * `npm run sipas -- sample --rules` reads back (pure; docs/decisions/2026-11-23-frames-and-draws.md):
 *   yamane:e=0.05 · quota:q=50 · manual:n=40 · proportional:total=1500:min=30:group=block:UBND_XA
 * The group of a proportional rule (last, it may hold colons) is the pool whose total is shared.
 */
export function formatRule(rule: AllocationRule): string {
  switch (rule.kind) {
    case "yamane":
      return `yamane:e=${rule.e}`;
    case "quota":
      return `quota:q=${rule.q}`;
    case "manual":
      return `manual:n=${rule.n}`;
    case "proportional":
      return `proportional:total=${rule.total}:min=${rule.min}:group=${rule.group ?? ""}`;
  }
}

const COUNT = /^\d{1,9}$/;
const DECIMAL = /^\d*[.,]?\d+%?$/;

/** Parses formatRule's text; returns null when it is not one. */
export function parseRule(text: string): AllocationRule | null {
  // The group is last and may itself hold colons (a scope such as "block:UBND_XA").
  const trimmed = text.trim();
  const at = trimmed.indexOf(":group=");
  const head = at < 0 ? trimmed : trimmed.slice(0, at);
  const groupText = at < 0 ? undefined : trimmed.slice(at + ":group=".length);
  const [kind, ...parts] = head.split(":");
  const args = new Map<string, string>();
  for (const p of parts) {
    const eq = p.indexOf("=");
    if (eq <= 0) return null;
    args.set(p.slice(0, eq), p.slice(eq + 1));
  }
  const count = (k: string): number | null => {
    const v = args.get(k);
    return v !== undefined && COUNT.test(v) ? Number(v) : null;
  };
  switch (kind) {
    case "yamane": {
      const e = args.get("e");
      return e !== undefined && DECIMAL.test(e) && args.size === 1 ? { kind: "yamane", e } : null;
    }
    case "quota": {
      const q = count("q");
      return q !== null && args.size === 1 ? { kind: "quota", q } : null;
    }
    case "manual": {
      const n = count("n");
      return n !== null && args.size === 1 ? { kind: "manual", n } : null;
    }
    case "proportional": {
      const total = count("total");
      const min = count("min") ?? 0;
      if (total === null || (args.has("min") && count("min") === null)) return null;
      if ([...args.keys()].some((k) => k !== "total" && k !== "min")) return null;
      return groupText === undefined || groupText === "" ? { kind: "proportional", total, min } : { kind: "proportional", total, min, group: groupText };
    }
    default:
      return null;
  }
}
