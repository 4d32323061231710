import { parseArgs } from "node:util";
import { indicesJson } from "@/lib/open-data/indices-json";
import { formatIssue } from "@/lib/open-data/issues";
import { readOpenDataFolder } from "@/lib/open-data/read";
import type { ElementMethod } from "@/lib/sipas/engine-input";
import { computeIndices } from "@/lib/sipas/indices";

const USAGE = `Cách dùng: npm run sipas -- indices <thư mục> [--method mean|pooled] [--min-valid N]

  <thư mục>          thư mục dữ liệu mở: questionnaire.json, units.csv, strata.csv, responses.csv
  --method mean      chỉ số yếu tố = trung bình các tiêu chí (mặc định)
  --method pooled    chỉ số yếu tố = tổng câu hài lòng / tổng câu trả lời hợp lệ của yếu tố
  --min-valid N      số phiếu hợp lệ tối thiểu để đơn vị được xếp hạng (mặc định 30)

Kết quả (stdout): JSON các chỉ số (phần trăm, không làm tròn) kèm sai số chuẩn và khoảng tin cậy 95%.
Định nghĩa: docs/open-data.md.`;

/** How many issues to print before summarising the rest. */
const MAX_ISSUES_SHOWN = 200;

class UsageError extends Error {}

function parse(argv: string[]): { folder: string; method: ElementMethod; minValid: number } {
  let values: { method?: string; "min-valid"?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { method: { type: "string" }, "min-valid": { type: "string" } },
    }));
  } catch {
    throw new UsageError("Tham số không hợp lệ.");
  }
  const [folder, ...extra] = positionals;
  if (folder === undefined) throw new UsageError("Thiếu thư mục dữ liệu.");
  if (extra.length > 0) throw new UsageError(`Thừa tham số: ${extra.join(" ")}.`);
  const method = values.method ?? "mean";
  if (method !== "mean" && method !== "pooled") throw new UsageError(`--method phải là mean hoặc pooled (đang là "${method}").`);
  const raw = values["min-valid"] ?? "30";
  if (!/^[0-9]+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
    throw new UsageError(`--min-valid phải là số nguyên dương (đang là "${raw}").`);
  }
  return { folder, method, minValid: Number(raw) };
}

/** `npm run sipas -- indices <folder>`: every SIPAS index of an open-data folder, as JSON. */
const command = {
  summary: "tính chỉ số SIPAS kèm sai số chuẩn, khoảng tin cậy từ thư mục dữ liệu mở",
  async run(argv: string[]): Promise<number> {
    let args: ReturnType<typeof parse>;
    try {
      args = parse(argv);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      process.stderr.write(`${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    const read = await readOpenDataFolder(args.folder);
    if (!read.ok) {
      const shown = read.issues.slice(0, MAX_ISSUES_SHOWN).map(formatIssue);
      const more = read.issues.length - shown.length;
      process.stderr.write(
        `Thư mục "${args.folder}" có ${read.issues.length} lỗi; chưa tính chỉ số nào. Hãy sửa rồi chạy lại:\n` +
          shown.map((l) => `  ${l}\n`).join("") +
          (more > 0 ? `  … và ${more} lỗi khác\n` : ""),
      );
      return 1;
    }
    const result = computeIndices(read.input, { method: args.method, minValid: args.minValid });
    process.stdout.write(JSON.stringify(indicesJson(result), null, 2) + "\n");
    return 0;
  },
};
export default command;
