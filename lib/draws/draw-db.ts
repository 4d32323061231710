import type pg from "pg";
import { runDraw, type StratumInfo } from "@/lib/sampling/draw";
import type { AllocationRule, StratumMode } from "@/lib/sampling/types";
import { anonymisedChecksumOf, frameChecksumOf, frameOrder, loadDrawFrame } from "./draw-frame";
import { drawColumns, type FrameDraw } from "./fast-draw";
import { readFrameColumns } from "./frame-columns";

export type DbDrawInput = {
  mode: StratumMode;
  seed: string;
  ruleFor: (stratum: StratumInfo) => AllocationRule;
  reserveShare: string;
  /** Also compute the anonymised frame checksum. */
  anonymised: boolean;
  /** Runs on the frame before the draw (the draw refuses an empty frame or units outside the plan). */
  check?: (records: number, unitCodes: Iterable<string>) => void;
  /** Called after reading the frame and after drawing (the benchmark times the steps). */
  phase?: (label: string) => void;
};

export type DbDraw = {
  draw: FrameDraw;
  /** The dossier codes of these frame records of the plan (those not found are left out). */
  dossiers: (recordIds: ReadonlySet<number>) => Map<number, string>;
  /** Which way it went (lib/draws/fast-draw.ts, or lib/sampling's runDraw). */
  way: "columns" | "records";
};

/**
 * The draw of a plan from the frame in the database (drawSample, verifyStoredDraw). `raw`
 * must be the connection of the transaction (or snapshot) the caller reads in
 * (lib/db/dedicated.ts). The frame is read as columns and drawn by drawColumns; a frame
 * outside what that takes (see readFrameColumns) is read again as records and drawn by
 * lib/sampling's runDraw, the reference, which gives the same result or the same error.
 */
export async function drawFromDatabase(raw: pg.ClientBase, planId: number, input: DbDrawInput): Promise<DbDraw> {
  const fast = await drawFromColumns(raw, planId, input);
  // The columns are let go before the frame is read again.
  return fast ?? drawFromRecords(raw, planId, input);
}

async function drawFromColumns(raw: pg.ClientBase, planId: number, input: DbDrawInput): Promise<DbDraw | null> {
  const columns = await readFrameColumns(raw, planId, input.mode);
  if (!columns.usable) return null;
  input.phase?.("read the frame (COPY, columns)");
  input.check?.(columns.records, columns.unitCodes);
  const draw = drawColumns(columns, input);
  input.phase?.("draw (dedup, allocation, selection, checksums)");
  if (!draw) return null;
  const dossiers = (ids: ReadonlySet<number>) => {
    const out = new Map<number, string>();
    if (ids.size === 0) return out;
    for (const s of columns.strata) for (let k = 0; k < s.count; k++) if (ids.has(s.id[k]!)) out.set(s.id[k]!, s.dossier[k]!);
    return out;
  };
  return { draw, dossiers, way: "columns" };
}

/** lib/sampling's way: every record as an object (personal data as bytes), runDraw, both checksums. */
async function drawFromRecords(raw: pg.ClientBase, planId: number, input: DbDrawInput): Promise<DbDraw> {
  const frame = await loadDrawFrame(raw, planId);
  const records = frame.records;
  input.phase?.("read the frame again (COPY, records)");
  input.check?.(records.length, records.map((r) => r.unitCode));
  const order = frameOrder(records, input.mode);
  const result = runDraw({
    seed: input.seed, records, strata: input.mode, ruleFor: input.ruleFor, reserveShare: input.reserveShare,
    frameChecksum: (strata) => frameChecksumOf(frame, strata, order),
  });
  const draw: FrameDraw = {
    algorithmVersion: result.algorithmVersion, seed: result.seed, frameChecksum: result.frameChecksum,
    allocationChecksum: result.allocationChecksum, anonymisedFrameChecksum: input.anonymised ? anonymisedChecksumOf(order) : "",
    allocation: result.allocation,
    strata: result.strata.map(({ code, unitCode, fieldCode, N, rawCount }) => ({ code, unitCode, fieldCode, N, rawCount })),
    selections: result.selections.map((p) => ({
      stratum: p.stratum, dossierCode: p.dossierCode, role: p.role, order: p.order, key: p.key, inclusionProbability: p.inclusionProbability, recordId: p.record.id,
    })),
    duplicates: result.duplicates.length,
  };
  input.phase?.("runDraw (dedup, allocation, selection, checksums)");
  const dossiers = (ids: ReadonlySet<number>) => new Map(records.filter((r) => ids.has(r.id)).map((r) => [r.id, r.dossierCode]));
  return { draw, dossiers, way: "records" };
}
