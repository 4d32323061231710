import { DEFAULT_MAX_CELL_LENGTH } from "./cell";
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from "./zip-guard";

export type ReadProgress = { bytesRead: number; totalBytes: number; rows: number };

export type ReadOptions = {
  /** Longer cells are replaced by an OversizedCell marker and reported by validation. */
  maxCellLength: number;
  /** Rows (counting empty ones) beyond which the file is refused. */
  maxRows: number;
  zipLimits: ZipLimits;
  onProgress?: (p: ReadProgress) => void;
  /** Rows between two progress reports. */
  progressEvery: number;
};

export const DEFAULT_READ_OPTIONS: ReadOptions = {
  maxCellLength: DEFAULT_MAX_CELL_LENGTH,
  // An .xlsx sheet holds at most 1,048,576 rows; a CSV may hold more.
  maxRows: 5_000_000,
  zipLimits: DEFAULT_ZIP_LIMITS,
  progressEvery: 10_000,
};

/** What the reader learnt about the file, filled in while reading. */
export type ReadReport = {
  format: "xlsx" | "csv";
  totalBytes: number;
  /** .xlsx: worksheets in the file, and the name of the one read (the first). */
  sheetCount: number;
  sheetName: string | null;
  /** .csv: the delimiter detected from the header line. */
  delimiter: string | null;
  /** Rows skipped because every cell was empty (including those before the header). */
  emptyRows: number;
  /** Non-empty rows yielded, header included. */
  rows: number;
  /** Things the user should know that do not stop the import (Vietnamese). */
  notices: string[];
};
