import { parseArgs } from "node:util";
import type { AllocationRule, StratumMode } from "@/lib/sampling/types";

export const SAMPLE_USAGE = `Cách dùng: npm run sipas -- sample --frame <tệp.xlsx|tệp.csv> --seed <hạt giống> [tùy chọn]

  --frame <tệp>          danh sách theo tệp mẫu (các cột Mã đơn vị, Mã hồ sơ, …), hoặc danh sách
                         ẩn danh tải từ SIPAS (cột stratum, dossier_code, person_key, …)
  --seed <chuỗi>         hạt giống công bố tại buổi chọn mẫu (không chứa ký tự |)
  --strata unit|unit-field   phân tầng theo đơn vị (mặc định) hoặc đơn vị × lĩnh vực
  --rule yamane --e 0.05     công thức Yamane (mặc định, e = 0,05)
  --rule quota --n 50        chỉ tiêu cố định mỗi tầng
  --rule proportional --total 1500 [--min 30]   phân bổ tỷ lệ theo N, tối thiểu m mỗi tầng
  --rules <tệp.csv>      quy tắc cỡ mẫu của từng tầng (tệp “các tầng và quy tắc” tải từ SIPAS,
                         cột stratum và rule); dùng thay cho --rule
  --reserve 0.2          tỷ lệ dự phòng (mặc định 0)
  --duplicates <tệp.csv> ghi báo cáo bản ghi trùng ra tệp (mặc định: ra stderr)

Kết quả (stdout): CSV stratum,dossier_code,role,order,key,inclusion_probability`;

export type SampleArgs = {
  frame: string;
  seed: string;
  strata: StratumMode;
  rule: AllocationRule;
  /** A strata file whose rule column gives each stratum's rule (overrides `rule`). */
  rules: string | null;
  reserve: string;
  duplicates: string | null;
};

/** A usage mistake: the message (Vietnamese) is shown with the usage text. */
export class UsageError extends Error {}

function positiveInt(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`Thiếu tham số --${name}.`);
  }
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--${name} phải là số nguyên không âm (đang là "${value}").`);
  }
  return Number(value);
}

export function parseSampleArgs(argv: string[]): SampleArgs | "help" {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        frame: { type: "string" },
        seed: { type: "string" },
        strata: { type: "string", default: "unit" },
        rule: { type: "string", default: "yamane" },
        e: { type: "string", default: "0.05" },
        n: { type: "string" },
        total: { type: "string" },
        min: { type: "string" },
        reserve: { type: "string", default: "0" },
        duplicates: { type: "string" },
        rules: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (err) {
    throw new UsageError(`Tham số không hợp lệ: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (values.help) return "help";
  if (!values.frame) throw new UsageError("Thiếu tham số --frame.");
  if (values.seed === undefined) throw new UsageError("Thiếu tham số --seed.");
  if (values.strata !== "unit" && values.strata !== "unit-field") {
    throw new UsageError(`--strata chỉ nhận unit hoặc unit-field (đang là "${values.strata}").`);
  }
  let rule: AllocationRule;
  switch (values.rule) {
    case "yamane":
      rule = { kind: "yamane", e: values.e };
      break;
    case "quota":
      rule = { kind: "quota", q: positiveInt("n", values.n) };
      break;
    case "proportional":
      rule = { kind: "proportional", total: positiveInt("total", values.total), min: positiveInt("min", values.min, 0) };
      break;
    default:
      throw new UsageError(`--rule chỉ nhận yamane, quota hoặc proportional (đang là "${values.rule}").`);
  }
  return {
    frame: values.frame,
    seed: values.seed,
    strata: values.strata,
    rule,
    rules: values.rules ?? null,
    reserve: values.reserve,
    duplicates: values.duplicates ?? null,
  };
}
