/**
 * Which sample-size rule applies to a unit of a plan (§5: a level or block may use its own
 * rule). Pure. Precedence: a manual override for the unit, then a rule for its block, then
 * for its level, then the default rule. Proportional rules are pooled per scope: all units
 * under one proportional rule share its total (the `group` of lib/sampling's allocate).
 */
import type { AllocationRule } from "@/lib/sampling/types";
import type { TPlanSettings, TRuleScope, TSizeRule } from "./schemas";

export type UnitForRule = { code: string; levelCode: string; blockCode: string };
export type RuleSource = "override" | "block" | "level" | "default";
export type ResolvedRule = { rule: AllocationRule; source: RuleSource; scopeKey: string };

export function scopeKey(scope: TRuleScope): string {
  return scope.type === "default" ? "default" : `${scope.type}:${scope.code}`;
}

function toAllocationRule(rule: TSizeRule, group: string): AllocationRule {
  switch (rule.kind) {
    case "yamane":
      return { kind: "yamane", e: rule.e };
    case "quota":
      return { kind: "quota", q: rule.n };
    case "proportional":
      return { kind: "proportional", total: rule.total, min: rule.min, group };
  }
}

export function resolveRule(settings: Pick<TPlanSettings, "rules" | "overrides">, unit: UnitForRule): ResolvedRule | null {
  const override = settings.overrides[unit.code];
  if (override !== undefined) return { rule: { kind: "manual", n: override }, source: "override", scopeKey: `unit:${unit.code}` };
  const block = settings.rules.find((r) => r.scope.type === "block" && r.scope.code === unit.blockCode);
  const level = settings.rules.find((r) => r.scope.type === "level" && r.scope.code === unit.levelCode);
  const fallback = settings.rules.find((r) => r.scope.type === "default");
  const hit = block ? { r: block, source: "block" as const } : level ? { r: level, source: "level" as const } : fallback ? { r: fallback, source: "default" as const } : null;
  if (!hit) return null;
  const key = scopeKey(hit.r.scope);
  return { rule: toAllocationRule(hit.r.rule, key), source: hit.source, scopeKey: key };
}

/** A short Vietnamese description of a size rule, for the plan page. */
export function describeRule(rule: TSizeRule): string {
  switch (rule.kind) {
    case "yamane":
      return `Yamane, e = ${rule.e.replace(".", ",")}`;
    case "quota":
      return `${rule.n} phiếu mỗi đơn vị (tối đa bằng số người trong danh sách)`;
    case "proportional":
      return `Tổng ${rule.total} phiếu phân bổ theo tỷ lệ${rule.min > 0 ? `, tối thiểu ${rule.min} mỗi đơn vị` : ""}`;
  }
}
