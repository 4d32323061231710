import { db } from "@/lib/db";
import { csvField, SELECTION_HEADER } from "@/lib/cli/sample-output";
import { anonymisedCsvLine, ANON_HEADER } from "@/lib/frames/anonymised";
import { stratumCodeOf } from "@/lib/sampling/strata";
import type { StratumMode } from "@/lib/sampling/types";
import { ZStoredAllocation } from "./stored";

/**
 * The machine-readable files of a draw, line by line (CSV, UTF-8, LF). They are built to
 * be byte-identical to what `npm run sipas -- sample` prints, so a monitor compares them
 * with a plain diff; for that reason no cell is altered (no spreadsheet formula escaping).
 */

const PAGE = 20_000;

/** The stored selections in the command line's CSV format and order. */
export async function* selectionCsvLines(drawId: number): AsyncGenerator<string> {
  yield SELECTION_HEADER;
  const rows = await db().$queryRaw<{ stratum: string; dossierCode: string; role: "MAIN" | "RESERVE"; order: number; key: string; pi: number }[]>`
    SELECT st."code" AS "stratum", r."dossierCode", s."role"::text AS "role", s."order", s."key", s."inclusionProbability" AS "pi"
      FROM "Selection" s JOIN "Stratum" st ON st."id" = s."stratumId" JOIN "FrameRecord" r ON r."id" = s."frameRecordId"
     WHERE s."drawId" = ${drawId}`;
  // The command line's order: stratum code (code-unit order), main before reserve, order.
  rows.sort((a, b) => (a.stratum < b.stratum ? -1 : a.stratum > b.stratum ? 1 : 0) || (a.role === b.role ? 0 : a.role === "MAIN" ? -1 : 1) || a.order - b.order);
  for (const p of rows) {
    yield [csvField(p.stratum), csvField(p.dossierCode), p.role === "MAIN" ? "main" : "reserve", String(p.order), p.key, String(p.pi)].join(",");
  }
}

export const STRATA_HEADER = "stratum,unit_code,field_code,raw_count,population,sample_size,reserve,rule,census";

/** Strata of a draw with their rule (read back by `sample --rules`). */
export function strataCsvLines(allocation: unknown): string[] {
  const a = ZStoredAllocation.parse(allocation);
  return [
    STRATA_HEADER,
    ...a.strata.map((s) =>
      [s.code, s.unitCode, s.fieldCode ?? "", s.rawCount, s.N, s.n, s.r, s.rule, s.census ? "yes" : "no"].map((v) => csvField(String(v))).join(","),
    ),
  ];
}

/**
 * The plan's frame without personal data (lib/frames/anonymised.ts), read in pages by id
 * so that a million records stream out without being held at once.
 */
export async function* anonymisedFrameLines(planId: number, mode: StratumMode): AsyncGenerator<string> {
  yield ANON_HEADER;
  let after = 0;
  for (;;) {
    const page = await db().$queryRaw<{ id: number; unitCode: string; fieldCode: string | null; dossierCode: string; resultDate: string; personKey: string }[]>`
      SELECT r."id", u."code" AS "unitCode", f."code" AS "fieldCode", r."dossierCode",
             to_char(r."resultDate", 'YYYY-MM-DD') AS "resultDate", r."personKey"
        FROM "FrameRecord" r JOIN "Unit" u ON u."id" = r."unitId" LEFT JOIN "Field" f ON f."id" = r."fieldId"
       WHERE r."planId" = ${planId} AND r."id" > ${after}
       ORDER BY r."id" LIMIT ${PAGE}`;
    for (const r of page) {
      const stratum = stratumCodeOf(r, mode);
      if (stratum !== null) yield anonymisedCsvLine(stratum, r);
    }
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

/** Lines → a streamed HTTP body (UTF-8, one LF after each line). */
export function linesToStream(lines: AsyncIterable<string> | Iterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = (Symbol.asyncIterator in lines ? lines[Symbol.asyncIterator]() : lines[Symbol.iterator]()) as AsyncIterator<string> | Iterator<string>;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk = "";
      for (let i = 0; i < 2000; i++) {
        const next = await iterator.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += `${next.value}\n`;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
