import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { openFrameFile, readNotices } from "@/lib/frames/reader";
import { FrameFileError } from "@/lib/frames/messages";
import { resolveColumns } from "@/lib/frames/columns";
import { DossierCodeTracker, headerProblemRows, validateRow, type RowProblem } from "@/lib/frames/validate";
import { anonymisedChecksum, isAnonymisedHeader, readAnonymisedFrame } from "@/lib/frames/anonymised";
import { runDraw } from "@/lib/sampling/draw";
import { SamplingInputError } from "@/lib/sampling/messages";
import { parseSampleArgs, SAMPLE_USAGE, UsageError, type SampleArgs } from "./sample-args";
import { duplicateCsvLines, duplicateText, selectionLines, summaryLines, type RowRecord } from "./sample-output";
import { readRulesFile, RulesFileError } from "./sample-rules";

/** Problems printed before "… và N lỗi khác"; the count is always complete. */
const SHOWN_PROBLEMS = 100;

const err = (line: string) => process.stderr.write(`${line}\n`);

function problemLine(p: RowProblem): string {
  return `Dòng ${p.row}, cột “${p.column}”${p.value ? ` (giá trị “${p.value}”)` : ""}: ${p.reason}`;
}

async function writeLines(out: NodeJS.WritableStream, lines: Iterable<string>): Promise<void> {
  for (const line of lines) if (!out.write(`${line}\n`)) await once(out, "drain");
}

/** Reads and checks the frame: the records, or every problem found. */
async function readFrame(args: SampleArgs): Promise<{ records: RowRecord[]; problems: RowProblem[]; notices: string[]; anonymised: boolean }> {
  const file = await openFrameFile(args.frame, {
    onProgress: (p) => {
      if (process.stderr.isTTY) process.stderr.write(`\rĐã đọc ${p.rows.toLocaleString("vi-VN")} dòng…`);
    },
  });
  if (isAnonymisedHeader(file.header.cells)) {
    // The anonymised export of the app (no names or phones: a salted person key instead).
    await file.rows.return(undefined);
    return { ...(await readAnonymisedFrame(args.frame, args.strata)), notices: [], anonymised: true };
  }
  const { columns, problems: headerProblems } = resolveColumns(file.header.cells);
  const problems = headerProblemRows(headerProblems, file.header.row);
  const records: RowRecord[] = [];
  if (problems.length > 0) {
    await file.rows.return(undefined);
    return { records, problems, notices: [], anonymised: false };
  }
  const tracker = new DossierCodeTracker();
  const dossierHeader = columns.dossierCode?.header ?? "Mã hồ sơ";
  const fieldHeader = columns.fieldCode?.header ?? "Mã lĩnh vực";
  for await (const raw of file.rows) {
    const result = validateRow(raw, columns);
    if (!result.ok) {
      for (const p of result.problems) problems.push(p);
      continue;
    }
    const duplicate = tracker.check(result.record, raw.row, dossierHeader);
    if (duplicate) problems.push(duplicate);
    if (args.strata === "unit-field" && result.record.fieldCode === null) {
      problems.push({ row: raw.row, column: fieldHeader, value: "", reason: "Cần mã lĩnh vực khi phân tầng theo đơn vị × lĩnh vực." });
    }
    if (problems.length === 0) records.push({ ...result.record, row: raw.row });
  }
  if (process.stderr.isTTY) process.stderr.write("\r");
  return { records, problems, notices: readNotices(file.report), anonymised: false };
}

async function run(argv: string[]): Promise<number> {
  let args: SampleArgs;
  try {
    const parsed = parseSampleArgs(argv);
    if (parsed === "help") {
      err(SAMPLE_USAGE);
      return 0;
    }
    args = parsed;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`Lỗi: ${e.message}\n\n${SAMPLE_USAGE}`);
    return 2;
  }
  try {
    const rules = args.rules ? await readRulesFile(args.rules) : null;
    const { records, problems, notices, anonymised } = await readFrame(args);
    for (const n of notices) err(n);
    if (problems.length > 0) {
      err(`Danh sách có ${problems.length} lỗi, chưa chọn mẫu. Hãy sửa rồi chạy lại:`);
      for (const p of problems.slice(0, SHOWN_PROBLEMS)) err(problemLine(p));
      if (problems.length > SHOWN_PROBLEMS) err(`… và ${problems.length - SHOWN_PROBLEMS} lỗi khác.`);
      return 1;
    }
    const result = runDraw({
      seed: args.seed,
      records,
      strata: args.strata,
      ruleFor: (s) => {
        if (!rules) return args.rule;
        const rule = rules.get(s.code);
        if (!rule) throw new RulesFileError(`Tầng ${s.code} có trong danh sách nhưng không có trong tệp quy tắc ${args.rules}.`);
        return rule;
      },
      reserveShare: args.reserve,
    });
    const anonChecksum = anonymised ? anonymisedChecksum(records as (RowRecord & { personKey: string })[], args.strata) : undefined;
    for (const line of summaryLines(result, records.length, anonChecksum)) err(line);
    if (args.duplicates) {
      const out = createWriteStream(args.duplicates);
      await writeLines(out, duplicateCsvLines(result.duplicates));
      out.end();
      await once(out, "finish");
      err(`Đã ghi báo cáo ${result.duplicates.length} bản ghi trùng vào ${args.duplicates}.`);
    } else {
      for (const d of result.duplicates) err(duplicateText(d));
    }
    await writeLines(process.stdout, selectionLines(result));
    return 0;
  } catch (e) {
    if (e instanceof FrameFileError || e instanceof SamplingInputError || e instanceof RulesFileError) {
      err(`Lỗi: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

/** `npm run sipas -- sample`: draws the sample from a frame file, reproducibly. */
const command = {
  summary: "chọn mẫu từ tệp danh sách (.xlsx/.csv) với hạt giống cho trước, in CSV kết quả",
  run,
};
export default command;
