import type { TQuestionnaire } from "./questionnaire";
import { CLASSIC_TEMPLATE } from "./builtin/classic";
import { SHORT_WARD_TEMPLATE } from "./builtin/short-ward";

/** Built-in questionnaire templates (§4); admins copy and edit them. */
export const BUILTIN_TEMPLATES = {
  classic: CLASSIC_TEMPLATE,
  short: SHORT_WARD_TEMPLATE,
} as const satisfies Record<string, TQuestionnaire>;

export type BuiltinTemplateKey = keyof typeof BUILTIN_TEMPLATES;

export function isBuiltinTemplateKey(key: string): key is BuiltinTemplateKey {
  return Object.hasOwn(BUILTIN_TEMPLATES, key);
}
