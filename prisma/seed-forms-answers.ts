import type { TItem, TQuestionnaire } from "@/lib/sipas/questionnaire";
import type { TCells } from "@/lib/entry/answer-cells";

/**
 * Believable answers for the demo (prisma/seed-forms.ts): each unit has its own level of
 * satisfaction, each respondent a personal tilt, elements differ (feedback handling is
 * rated lowest, as in real SIPAS surveys), and a few answers are blank, multiply ticked or
 * unreadable. Deterministic for a given random source.
 */

export type Rng = () => number;

/** mulberry32: small, fast, and good enough to make demo data look random. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function pick<T>(rng: Rng, values: readonly T[], weights?: readonly number[]): T {
  const w = weights ?? values.map(() => 1);
  let r = rng() * w.reduce((a, b) => a + b, 0);
  for (let i = 0; i < values.length; i++) {
    r -= w[i] ?? 0;
    if (r <= 0) return values[i] as T;
  }
  return values[values.length - 1] as T;
}

const COMMENTS = [
  "Cán bộ tiếp nhận nhiệt tình, hướng dẫn rõ ràng.",
  "Đề nghị bố trí thêm ghế ngồi chờ vào buổi sáng.",
  "Thời gian chờ lấy số còn lâu, mong cải thiện.",
  "Nên niêm yết phí, lệ phí ở nơi dễ thấy hơn.",
  "Mong mở rộng nộp hồ sơ trực tuyến cho nhiều thủ tục hơn.",
  "Hài lòng với thái độ phục vụ của công chức.",
  "Kết quả trả đúng hẹn, thủ tục nhanh gọn.",
  "Cần hướng dẫn kỹ hơn khi kê khai hồ sơ đất đai.",
];

/** Feedback handling (the last element) is usually rated lowest; staff and results highest. */
function elementEffect(q: TQuestionnaire, element: string | null): number {
  const k = q.elements.findIndex((e) => e.code === element);
  if (k < 0) return 0;
  if (k === q.elements.length - 1 && q.elements.length > 2) return -0.07;
  return [0.01, -0.01, 0.03, 0.04, 0][k % 5] ?? 0;
}

function satisfaction(rng: Rng, p: number): string {
  const r = rng();
  if (r < 0.025) return "";
  if (r < 0.033) return "M";
  if (r < 0.04) return "U";
  if (rng() < Math.min(0.99, Math.max(0.3, p))) return rng() < 0.38 ? "5" : "4";
  return pick(rng, ["3", "2", "1"], [0.7, 0.22, 0.08]);
}

function single(rng: Rng, item: Extract<TItem, { kind: "assessment" | "respondent" }>, level: number): string {
  if (rng() < 0.03) return "";
  const codes = item.options.map((o) => o.code);
  if (item.code === "NĐ2") return rng() < 0.02 + (0.92 - level) * 0.25 ? "C" : "K";
  if (item.code === "NĐ3") return rng() < level + 0.05 ? "S" : "T";
  if (item.code === "NĐ1") return pick(rng, codes, [0.7, 0.2, 0.07, 0.03]);
  if (item.kind === "assessment") return pick(rng, codes, codes.map((_, i) => (i === 0 ? 3 : 1)));
  return pick(rng, codes);
}

function multi(rng: Rng, item: Extract<TItem, { kind: "expectation" }>): string {
  if (rng() < 0.1) return "";
  const codes = item.options.map((o) => o.code);
  if (item.mode === "rate3") return codes.map((c) => `${c}=${pick(rng, ["1", "2", "3"], [1, 3, 2])}`).join(";");
  const k = Math.min(item.maxChoices ?? codes.length, pick(rng, [1, 2, 3], [0.3, 0.4, 0.3]));
  const weights = codes.map((_, i) => [3, 2, 3, 2, 5, 2, 3, 3, 2, 4][i] ?? 2);
  const chosen = new Set<string>();
  while (chosen.size < k) chosen.add(pick(rng, codes, weights));
  return codes.filter((c) => chosen.has(c)).join(";");
}

/** One respondent's answers; `level` is the unit's share of satisfied answers (0.70–0.92). */
export function demoCells(q: TQuestionnaire, rng: Rng, level: number): TCells {
  const tilt = (rng() - 0.5) * 0.24;
  const out: TCells = {};
  for (const item of q.items) {
    switch (item.kind) {
      case "satisfaction":
        out[item.code] = satisfaction(rng, level + tilt + elementEffect(q, item.element) + (rng() - 0.5) * 0.04);
        break;
      case "assessment":
      case "respondent":
        out[item.code] = single(rng, item, level);
        break;
      case "expectation":
        out[item.code] = multi(rng, item);
        break;
      case "text":
        out[item.code] = rng() < 0.07 ? pick(rng, COMMENTS) : "";
        break;
    }
  }
  return out;
}

/** A second entry of the same paper form: usually identical, sometimes with a slip or two. */
export function secondEntry(q: TQuestionnaire, first: TCells, rng: Rng): TCells {
  const out = { ...first };
  const slips = pick(rng, [0, 1, 2], [0.55, 0.33, 0.12]);
  const sat = q.items.filter((i) => i.kind === "satisfaction");
  for (let s = 0; s < slips; s++) {
    const item = pick(rng, sat);
    const v = Number(out[item.code]);
    out[item.code] = v >= 1 && v <= 5 ? String(v === 5 ? 4 : v + 1) : "4";
  }
  return out;
}
