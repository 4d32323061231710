import v8 from "node:v8";

let applied = false;

/**
 * Turns off V8's allocation-site pretenuring in this process, once, before the first frame
 * file is read (docs/decisions/2026-11-23-import-memory.md). V8 watches the objects each
 * literal in the code creates, and when most of them are still alive at a minor collection
 * it allocates that literal's objects in the old generation from then on. The rows of a
 * batch are alive while the batch is written, so some row or batch literal was sometimes
 * judged long-lived: from then on every batch went to the old generation and kept its rows
 * alive through minor collections until the next major one. The heap of a million-row
 * .xlsx import then grew by 150 MB between major collections (peak 550–590 MB instead of
 * about 450, and 20% more CPU), in some runs and not others. Nothing in this application
 * builds the large, long-lived structures pretenuring is for.
 */
export function avoidPretenuring(): void {
  if (applied) return;
  applied = true;
  v8.setFlagsFromString("--no-allocation-site-pretenuring");
}
