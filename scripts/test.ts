/**
 * `npm test`: every check, in order — type-check, lint, unit tests, integration tests
 * against a real PostgreSQL (a database created for the run), a production build, and the
 * Playwright tests in Debian's Chromium. Stops at the first failing step; ends with one
 * line "N passed, N failed".
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

type Step = { name: string; cmd: string; args: string[]; report?: { file: string; kind: "vitest" | "playwright" } };
const bin = (name: string) => `node_modules/.bin/${name}`;
const steps: Step[] = [
  { name: "Kiểm tra kiểu (tsc)", cmd: bin("tsc"), args: ["--noEmit", "-p", "tsconfig.json"] },
  { name: "Lint (oxlint)", cmd: "npm", args: ["run", "--silent", "lint"] },
  { name: "Kiểm thử đơn vị", cmd: bin("vitest"), args: ["run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile.json=tmp/vitest-unit.json"], report: { file: "tmp/vitest-unit.json", kind: "vitest" } },
  { name: "Kiểm thử tích hợp (PostgreSQL)", cmd: bin("vitest"), args: ["run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile.json=tmp/vitest-integration.json"], report: { file: "tmp/vitest-integration.json", kind: "vitest" } },
  { name: "Build (next build)", cmd: bin("next"), args: ["build"] },
  { name: "Kiểm thử đầu-cuối (Playwright, Chromium)", cmd: bin("playwright"), args: ["test"], report: { file: "tmp/playwright-report.json", kind: "playwright" } },
];

function counts(report: NonNullable<Step["report"]>): { passed: number; failed: number; skipped: number } {
  if (!existsSync(report.file)) return { passed: 0, failed: 0, skipped: 0 };
  const json = JSON.parse(readFileSync(report.file, "utf8")) as Record<string, unknown>;
  if (report.kind === "vitest") {
    const j = json as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
    return { passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + j.numTodoTests };
  }
  const s = (json as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }).stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
}

mkdirSync("tmp", { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const total = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();
let failedStep: string | null = null;
for (const step of steps) {
  if (step.report) rmSync(step.report.file, { force: true });
  const t0 = Date.now();
  console.log(`\n━━ ${step.name}`);
  const r = spawnSync(step.cmd, step.args, { stdio: "inherit", env });
  if (step.report) {
    const c = counts(step.report);
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  }
  console.log(`━━ ${step.name}: ${r.status === 0 ? "đạt" : "KHÔNG ĐẠT"} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (r.status !== 0) {
    failedStep = step.name;
    if (!step.report) total.failed += 1;
    break;
  }
}
console.log(`\nTổng thời gian ${((Date.now() - started) / 1000).toFixed(0)} s${failedStep ? `; dừng ở bước: ${failedStep}` : ""}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
