import type { IndexInput, StratumInfo, UnitInfo } from "@/lib/sipas/engine-input";
import {
  ANSWER_MULTIPLE,
  ANSWER_UNREADABLE,
  CHOICE_MULTIPLE,
  CHOICE_UNREADABLE,
  MULTI_UNREADABLE,
} from "@/lib/sipas/engine-input";
import { compileQuestionnaire } from "@/lib/sipas/layout";
import type { TQuestionnaire } from "@/lib/sipas/questionnaire";
import { BUILTIN_TEMPLATES } from "@/lib/sipas/templates";
import { writeOpenDataFolder } from "@/lib/open-data/write";

/**
 * Synthetic survey data for benchmarks (deterministic for a seed): units in
 * three levels, some split into unit × field strata, forms allocated roughly
 * in proportion to random weights, answers with unit-specific satisfaction
 * and a few blank / multiple / unreadable codes. Reused by the database
 * benchmark, so it only builds data: timing is the caller's business.
 */
export interface GenerateOptions {
  forms?: number;
  strata?: number;
  seed?: number;
  questionnaire?: TQuestionnaire;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEVELS = [
  { level: "Cấp tỉnh", block: "Sở, ban, ngành", prefix: "SO" },
  { level: "Cấp tỉnh", block: "Cơ quan ngành dọc", prefix: "NDOC" },
  { level: "Cấp xã", block: "UBND cấp xã", prefix: "XA" },
];
const FIELDS = ["DAT_DAI", "TU_PHAP", "XAY_DUNG"];

export function generateIndexInput(options: GenerateOptions = {}): IndexInput {
  const nForms = options.forms ?? 100_000;
  const nStrata = options.strata ?? 300;
  const rand = mulberry32(options.seed ?? 2025);
  const questionnaire = options.questionnaire ?? BUILTIN_TEMPLATES.classic;
  const layout = compileQuestionnaire(questionnaire);

  // A third of the strata come from units split by field (2–3 strata each).
  const units: UnitInfo[] = [];
  const strata: StratumInfo[] = [];
  while (strata.length < nStrata) {
    const u = units.length;
    const kind = LEVELS[u % 10 === 0 ? 0 : u % 10 === 1 ? 1 : 2] as (typeof LEVELS)[number];
    const code = `${kind.prefix}${String(u + 1).padStart(3, "0")}`;
    units.push({ code, name: `Đơn vị ${u + 1}`, level: kind.level, block: kind.block });
    const split = u % 3 === 0 ? Math.min(2 + (u % 2), nStrata - strata.length) : 1;
    for (let f = 0; f < split; f++) {
      strata.push({ code: split === 1 ? code : `${code}/${FIELDS[f]}`, unitCode: code, population: 0 });
    }
  }
  const weights = strata.map(() => 0.2 + 1.6 * rand());
  const total = weights.reduce((a, b) => a + b, 0);
  const m = weights.map((w) => Math.max(1, Math.floor((nForms * w) / total)));
  for (let k = 0, left = nForms - m.reduce((a, b) => a + b, 0); left > 0; k = (k + 1) % m.length, left--) {
    m[k] = (m[k] ?? 0) + 1;
  }
  strata.forEach((s, h) => {
    s.population = Math.ceil((m[h] ?? 1) * (1.5 + 30 * rand()));
  });

  const S = layout.satisfactionCodes.length;
  const n = m.reduce((a, b) => a + b, 0);
  const stratum = new Uint32Array(n);
  const satisfaction = new Uint8Array(n * S);
  const choices = layout.choices.map((c) =>
    c.kind === "multi" ? new Uint32Array(n) : new Uint8Array(c.kind === "rate3" ? n * c.optionCodes.length : n),
  );
  const texts = layout.textCodes.map(() => new Array<string>(n).fill(""));
  const codes = new Array<string>(n);
  const quality = units.map(() => 0.55 + 0.4 * rand());
  const unitPos = new Map(units.map((u, i) => [u.code, i]));
  let i = 0;
  strata.forEach((s, h) => {
    const p = quality[unitPos.get(s.unitCode) ?? 0] ?? 0.8;
    for (let k = 0; k < (m[h] ?? 0); k++, i++) {
      stratum[i] = h;
      codes[i] = `P${String(i + 1).padStart(7, "0")}`;
      for (let c = 0; c < S; c++) {
        const r = rand();
        satisfaction[i * S + c] =
          r < 0.03 ? 0 : r < 0.033 ? ANSWER_MULTIPLE : r < 0.035 ? ANSWER_UNREADABLE : rand() < p ? 4 + (rand() < 0.4 ? 1 : 0) : 1 + Math.floor(rand() * 3);
      }
      layout.choices.forEach((c, j) => {
        const col = choices[j] as Uint8Array | Uint32Array;
        const J = c.optionCodes.length;
        const r = rand();
        if (c.kind === "single") col[i] = r < 0.05 ? 0 : r < 0.055 ? CHOICE_MULTIPLE : r < 0.057 ? CHOICE_UNREADABLE : 1 + Math.floor(rand() * J);
        else if (c.kind === "multi") {
          let mask = 0;
          const picks = r < 0.05 ? 0 : 1 + Math.floor(rand() * c.maxChoices);
          for (let t = 0; t < picks; t++) mask |= 1 << Math.floor(rand() * J);
          col[i] = r > 0.998 ? MULTI_UNREADABLE : mask >>> 0;
        } else for (let o = 0; o < J; o++) col[i * J + o] = Math.floor(rand() * 4);
      });
      texts.forEach((col) => {
        if (rand() < 0.02) col[i] = `Ý kiến số ${i + 1}: "nhanh hơn", gọn hơn`;
      });
    }
  });
  return { questionnaire, units, strata, forms: { count: n, codes, stratum, satisfaction, choices, texts } };
}

/** Generates and writes an open-data folder; returns the generated input. */
export async function writeGeneratedFolder(dir: string, options: GenerateOptions = {}): Promise<IndexInput> {
  const input = generateIndexInput(options);
  await writeOpenDataFolder(dir, input);
  return input;
}
