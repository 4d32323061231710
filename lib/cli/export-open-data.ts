import { parseArgs } from "node:util";
import { disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { closeBulkPool } from "@/lib/results/bulk-read";
import { writePlanOpenData } from "@/lib/results/open-data";

const USAGE = `Cách dùng: npm run sipas -- export-open-data --plan <mã kế hoạch> --out <thư mục>

Ghi thư mục dữ liệu mở của kế hoạch (questionnaire.json, units.csv, strata.csv, responses.csv)
từ cơ sở dữ liệu DATABASE_URL: các phiếu được tính (đã nhập, đã kiểm tra), không có thông tin cá nhân.
Tính lại mọi chỉ số từ thư mục đó: npm run sipas -- indices <thư mục>. Định dạng: docs/open-data.md.`;

/** `npm run sipas -- export-open-data --plan <id> --out <folder>`: the open-data folder of a plan. */
const command = {
  summary: "xuất thư mục dữ liệu mở của một kế hoạch từ CSDL (cần DATABASE_URL)",
  async run(argv: string[]): Promise<number> {
    let plan: string | undefined;
    let out: string | undefined;
    try {
      ({ values: { plan, out } } = parseArgs({ args: argv, strict: true, options: { plan: { type: "string" }, out: { type: "string" } } }));
    } catch {
      plan = undefined;
    }
    if (!plan || !/^[1-9]\d{0,8}$/.test(plan) || !out) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    try {
      const r = await writePlanOpenData(Number(plan), out);
      const { forms, strata, units } = r.plan.input;
      process.stderr.write(
        `Đã ghi ${out}: kế hoạch ${r.plan.year} — ${r.plan.title}; ${forms.count} phiếu, ${strata.length} tầng, ${units.length} đơn vị.\n` +
          `Phương pháp của kế hoạch: ${r.plan.method.elementMethod}, tối thiểu ${r.plan.method.minValidForms} phiếu hợp lệ ` +
          `(tính lại: npm run sipas -- indices ${out} --method ${r.plan.method.elementMethod} --min-valid ${r.plan.method.minValidForms}).\n`,
      );
      // stdout: the inputs hash alone, to compare with the snapshot's "dữ liệu đầu vào".
      process.stdout.write(`${r.hash}\n`);
      return 0;
    } catch (err) {
      if (err instanceof AppError) {
        process.stderr.write(`${err.message}\n`);
        return 1;
      }
      throw err;
    } finally {
      await disconnectDb();
      await closeBulkPool();
    }
  },
};
export default command;
