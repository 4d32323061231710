/**
 * `npx tsx bench/indices-open-data.ts [forms] [strata]`: generates an open-data
 * folder (100,000 forms × 22 criteria over 300 strata by default) in a temp
 * directory, then times reading it and computing every index. Prints
 * figures; asserts nothing.
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { readOpenDataFolder } from "@/lib/open-data/read";
import { computeIndices } from "@/lib/sipas/indices";
import { compileQuestionnaire } from "@/lib/sipas/layout";
import { writeGeneratedFolder } from "./generate-open-data";

const forms = Number(process.argv[2] ?? 100_000);
const strata = Number(process.argv[3] ?? 300);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (t: number) => `${t.toFixed(0)} ms`;

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "sipas-bench-"));
  try {
    let t = performance.now();
    const generated = await writeGeneratedFolder(dir, { forms, strata });
    const tGen = performance.now() - t;
    const size = (await stat(path.join(dir, "responses.csv"))).size;
    const layout = compileQuestionnaire(generated.questionnaire);
    const criteria = layout.itemsOfElement.reduce((a, l) => a + l.length, 0);

    const rssBefore = process.memoryUsage().rss;
    t = performance.now();
    const read = await readOpenDataFolder(dir);
    const tRead = performance.now() - t;
    if (!read.ok) throw new Error(`Dữ liệu sinh ra không hợp lệ: ${read.issues[0]?.message}`);
    // The first call includes V8's compilation (what a one-shot CLI run pays); then warm runs.
    t = performance.now();
    computeIndices(read.input);
    const tFirst = performance.now() - t;
    const runs: number[] = [];
    for (let k = 0; k < 5; k++) {
      t = performance.now();
      const r = computeIndices(read.input);
      runs.push(performance.now() - t);
      if (k === 0) console.log(`tỉnh (bình quân đơn vị): ${r.groups[0]?.index?.toFixed(2)}; gia quyền: ${r.provinceWeighted.sipas.index?.toFixed(2)}`);
    }
    runs.sort((a, b) => a - b);
    const peak = process.resourceUsage().maxRSS * 1024;
    const answers = read.input.forms.count * layout.satisfactionCodes.length;
    console.log(
      `quy mô: ${read.input.forms.count} phiếu × ${criteria} tiêu chí (+${layout.satisfactionCodes.length - criteria} câu độc lập) = ${answers} câu trả lời hài lòng, ` +
        `${layout.choices.length} câu lựa chọn, ${read.input.strata.length} tầng, ${read.input.units.length} đơn vị`,
    );
    console.log(`responses.csv: ${mb(size)}; sinh dữ liệu và ghi thư mục: ${ms(tGen)}`);
    console.log(`đọc và kiểm tra thư mục: ${ms(tRead)}`);
    console.log(`tính chỉ số, lần đầu: ${ms(tFirst)}`);
    console.log(`tính chỉ số (5 lần sau): trung vị ${ms(runs[2] ?? 0)}, nhanh nhất ${ms(runs[0] ?? 0)}, chậm nhất ${ms(runs[4] ?? 0)}`);
    console.log(`RSS trước khi đọc: ${mb(rssBefore)}; RSS đỉnh của tiến trình: ${mb(peak)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
