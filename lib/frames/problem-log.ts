import { writeErrorReport } from "./error-report";
import type { RowProblem } from "./validate";

/** Problems kept in memory to show on screen; the report file has all of them. */
export const SHOWN_PROBLEMS = 500;

/**
 * Collects an import's problems: the first SHOWN_PROBLEMS for the screen, and every one
 * streamed into the Excel error report as it is found (lib/frames/error-report.ts), so a
 * file with a million bad rows never holds them all in memory. The report is written only
 * if there is a problem.
 */
export class ProblemLog {
  readonly shown: RowProblem[] = [];
  count = 0;
  private queue: RowProblem[] = [];
  private wake: (() => void) | null = null;
  private closed = false;
  private writing: Promise<number> | null = null;

  constructor(private readonly reportPath: string | null) {}

  add(p: RowProblem): void {
    this.count++;
    if (this.shown.length < SHOWN_PROBLEMS) this.shown.push(p);
    if (!this.reportPath) return;
    this.queue.push(p);
    if (!this.writing) this.writing = writeErrorReport({ filename: this.reportPath }, this.drain());
    this.wake?.();
  }

  /** Finishes the report; true when one was written. */
  async close(): Promise<boolean> {
    this.closed = true;
    this.wake?.();
    if (!this.writing) return false;
    await this.writing;
    return true;
  }

  private async *drain(): AsyncGenerator<RowProblem> {
    for (;;) {
      const batch = this.queue;
      this.queue = [];
      for (const p of batch) yield p;
      if (this.queue.length > 0) continue;
      if (this.closed) return;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = null;
    }
  }
}
