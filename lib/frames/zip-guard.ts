import { basename } from "node:path";
import yauzl from "yauzl";
import { FrameFileError, frameMessages as m } from "./messages";

/**
 * Checks an .xlsx before it is read, so that a corrupt file or a zip bomb is refused with
 * a clear message instead of exhausting memory or disk.
 *
 * 1. Central directory (declared sizes): at most `maxEntries` entries; declared
 *    uncompressed total ≤ `maxTotalUncompressed`; an entry above `ratioAppliesAbove`
 *    bytes may not inflate more than `maxRatio` times; no encryption; stored or deflate.
 * 2. Layout: entries follow one another with no gap wider than a data descriptor
 *    (24 bytes): a hidden entry between two listed ones means a crafted file (and would
 *    reach any tool that reads the zip sequentially).
 * 3. Real sizes are checked as the reader inflates an entry (lib/frames/read-xlsx.ts reads
 *    through yauzl, which stops as soon as an entry inflates past its declared size), so a
 *    lying header cannot get through; entries the reader does not need are never inflated.
 */
export type ZipLimits = {
  maxEntries: number;
  maxTotalUncompressed: number;
  maxRatio: number;
  ratioAppliesAbove: number;
};

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalUncompressed: 2 * 1024 ** 3,
  maxRatio: 200,
  ratioAppliesAbove: 10 * 1024 ** 2,
};

export type XlsxInspection = {
  /** Worksheet parts (xl/worksheets/sheetN.xml). */
  sheetCount: number;
  totalUncompressed: number;
};

const MAX_DESCRIPTOR = 24;
const MB = 1024 ** 2;

/** Opens a zip for reading entries one by one (through its central directory). */
export function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    );
  });
}

export async function inspectXlsx(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<XlsxInspection> {
  const file = basename(path);
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch {
    throw new FrameFileError(m.corruptZip(file));
  }
  const bomb = (detail: string) => new FrameFileError(m.zipBomb(file, detail));
  try {
    if (zip.entryCount > limits.maxEntries) throw bomb(m.zipTooManyEntries(zip.entryCount, limits.maxEntries));
    // yauzl's cursor starts at the central directory; used for the layout check below.
    const cursor: unknown = (zip as unknown as { readEntryCursor?: unknown }).readEntryCursor;
    const centralDirectory = typeof cursor === "number" ? cursor : undefined;
    const entries: yauzl.Entry[] = [];
    let total = 0;
    let hasWorkbook = false;
    let sheetCount = 0;
    for await (const entry of zip.eachEntry()) {
      if (entry.isEncrypted()) throw new FrameFileError(m.encrypted(file));
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw new FrameFileError(m.corruptZip(file));
      total += entry.uncompressedSize;
      if (total > limits.maxTotalUncompressed) {
        throw bomb(m.zipTotalTooBig(Math.ceil(total / MB), limits.maxTotalUncompressed / MB));
      }
      if (entry.uncompressedSize > limits.ratioAppliesAbove) {
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (ratio > limits.maxRatio) throw bomb(m.zipRatio(entry.fileName, Math.round(ratio), limits.maxRatio));
      }
      if (entry.fileName === "xl/workbook.xml") hasWorkbook = true;
      if (/^xl\/worksheets\/sheet\d+\.xml$/.test(entry.fileName)) sheetCount++;
      entries.push(entry);
    }
    if (!hasWorkbook || sheetCount === 0) throw new FrameFileError(m.zipNotExcel(file));
    await checkLayout(zip, entries, centralDirectory, () => bomb(m.zipLayout));
    return { sheetCount, totalUncompressed: total };
  } catch (err) {
    if (err instanceof FrameFileError) throw err;
    throw new FrameFileError(m.corruptZip(file));
  } finally {
    zip.close();
  }
}

async function checkLayout(
  zip: yauzl.ZipFile,
  entries: yauzl.Entry[],
  centralDirectory: number | undefined,
  fail: () => Error,
): Promise<void> {
  const sorted = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  let end = 0;
  for (const entry of sorted) {
    const gap = entry.relativeOffsetOfLocalHeader - end;
    if (gap < 0 || gap > MAX_DESCRIPTOR) throw fail();
    const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
    end = fileDataStart + entry.compressedSize;
  }
  if (centralDirectory !== undefined) {
    const gap = centralDirectory - end;
    if (gap < 0 || gap > MAX_DESCRIPTOR) throw fail();
  }
}
