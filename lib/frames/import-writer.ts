import type pg from "pg";
import { db, type Tx } from "@/lib/db";
import { copyFrom, copyText } from "@/lib/db/copy";
import { Utf8Buffer } from "@/lib/utf8-buffer";
import { FingerprintSet, personFingerprint, stringFingerprint, type Halves } from "./fingerprints";
import { storedPersonKey } from "./person-key";
import type { TFrameRecord } from "./schemas";

/** What the writer needs of the plan: ids for codes, and the salt of the person keys. */
export type FrameContext = {
  planId: number;
  salt: string;
  unitIds: ReadonlyMap<string, number>;
  fieldIds: ReadonlyMap<string, number>;
};

/**
 * Which earlier records an import replaces: one unit's list (a unit upload), the lists of
 * the units that appear in the file (a file for several units), or none (an API batch
 * that adds dossiers).
 */
export type WriteScope = { kind: "unit"; unitId: number } | { kind: "units-in-file" } | { kind: "append" };

/** A dossier code already taken in its unit: by an earlier row of this import or by an earlier import. */
export type Conflict = { row: number; dossierCode: string; firstRow: number; firstImportId: number };

/** Rows per COPY: large enough to amortise the round trips, small enough to stay light. */
const CHUNK = 10_000;
/**
 * Bytes per COPY at most (a chunk is written once it holds this much, even with fewer
 * rows): ten thousand typical rows are about 2.3 MB. The chunk's buffer is made this size
 * (plus room for one long row) and never grows; a buffer that doubles frees its old self,
 * and a freed block of a few MB makes glibc keep freed memory instead of returning it.
 */
const CHUNK_BYTES = 3 << 20;
const CHUNK_CAPACITY = CHUNK_BYTES + (256 << 10);


const KIND = { individual: "INDIVIDUAL", organisation: "ORGANISATION" } as const;

const COLUMNS = ["id", "planId", "importId", "unitId", "fieldId", "dossierCode", "kind", "procedure", "resultDate", "rowNumber", "personKey", "fullName", "address", "phone"] as const;

/**
 * One chunk as COPY text, written row by row into a buffer outside the JavaScript heap:
 * nothing of a row outlives its reading (with ten thousand rows held as objects, the
 * garbage collector's work was a third of an import's time, and the heap grew by 200 MB).
 * Two chunks exist, one filling while the other is written, and are reused.
 */
class Chunk {
  readonly records = new Utf8Buffer(CHUNK_CAPACITY);
  rows = 0;

  reset(): void {
    this.records.clear();
    this.rows = 0;
  }
}

/**
 * Ids for new frame records, taken from the table's sequence a chunk ahead on a pooled
 * connection of its own (a sequence is not transactional, so the ids stay unique whatever
 * happens to the import; a rolled-back import leaves a gap, as any insert does). Taking
 * them on the import's connection would queue behind the COPY in flight.
 */
class IdBlocks {
  private next: Promise<Int32Array> = this.fetch();

  private async fetch(): Promise<Int32Array> {
    // The sequence by name, a constant: pg_get_serial_sequence() in the select list ran a
    // catalog scan per id, a quarter of the database's work in a million-row import. The
    // ids usually come back as one run (nobody else took one meanwhile): then only its ends
    // travel, not ten thousand numbers to parse.
    const [run] = await db().$queryRaw<{ first: number; last: number; n: number; ids: number[] | null }[]>`
      WITH taken AS (SELECT nextval('"FrameRecord_id_seq"')::int AS id FROM generate_series(1, ${CHUNK})),
           span AS (SELECT min(id) AS first, max(id) AS last, count(*)::int AS n FROM taken)
      SELECT first, last, n, CASE WHEN last - first + 1 = n THEN NULL ELSE (SELECT array_agg(id) FROM taken) END AS ids FROM span`;
    if (run!.ids) return Int32Array.from(run!.ids);
    const ids = new Int32Array(run!.n);
    for (let i = 0; i < ids.length; i++) ids[i] = run!.first + i;
    return ids;
  }

  async take(): Promise<Int32Array> {
    const block = await this.next;
    this.next = this.fetch();
    this.next.catch(() => undefined);
    return block;
  }

  async close(): Promise<void> {
    await this.next.catch(() => undefined);
  }
}

/**
 * Writes clean records, with their personal data, into FrameRecord inside the import's
 * transaction, by COPY on the transaction's own connection (`raw`), a chunk at a time,
 * one chunk written while the next is read and validated. A dossier code must be unique in
 * its unit within the plan: conflicts() finds every repeat once all rows are written (see
 * docs/decisions/2026-11-23-frame-personal-columns.md for why this is not a unique index).
 */
export class FrameWriter {
  /** Repeated dossier codes remembered by value; beyond this the plan is searched whole (tests lower it). */
  static maxCandidates = 50_000;
  inserted = 0;
  replacedRecords = 0;
  /** The units whose earlier records this import replaces. */
  private readonly replaced = new Set<number>();
  /** The plan's other imports: the records this import may replace are theirs. */
  private earlier: number[] = [];
  private chunk = new Chunk();
  /** The other chunk: being written, or free. */
  private spare = new Chunk();
  /** Ids for the rows of the filling chunk. */
  private ids: Int32Array | null = null;
  private readonly idBlocks = new IdBlocks();
  /** The chunk being written, if any: at most one at a time. */
  private inFlight: Promise<void> | null = null;
  /** Dossier codes (in their unit) and people (in their unit and field) of this import. */
  private readonly codes = new FingerprintSet();
  private readonly people = new FingerprintSet();
  private readonly fp: Halves = { hi: 0, lo: 0 };
  /** Rows of this import whose person (unit, field, person key) an earlier row already had. */
  private repeatedPeople = 0;
  /** Dossier codes whose fingerprint came twice, as unit id TAB code (confirmed in the database). */
  private readonly candidates = new Set<string>();
  private tooManyCandidates = false;

  constructor(
    private readonly tx: Tx,
    /** The connection `tx` runs on, for COPY. */
    private readonly raw: pg.ClientBase,
    private readonly ctx: FrameContext,
    private readonly importId: number,
    private readonly scope: WriteScope,
  ) {}

  /** An appending batch into a plan that has records of earlier imports: it shares their units. */
  private get appendsToFrame(): boolean {
    return this.scope.kind === "append" && this.earlier.length > 0;
  }

  async start(): Promise<void> {
    this.ids = await this.idBlocks.take();
    const others = await this.tx.frameImport.findMany({ where: { planId: this.ctx.planId, id: { not: this.importId } }, select: { id: true } });
    this.earlier = others.map((i) => i.id);
    if (this.scope.kind === "unit") this.replaced.add(this.scope.unitId);
  }

  /**
   * Buffers one record (its codes already checked against the plan). True when the chunk is
   * full: the caller then awaits rotate(). Synchronous, so that a row costs no promise.
   */
  add(record: TFrameRecord, row: number): boolean {
    const unitId = this.ctx.unitIds.get(record.unitCode);
    if (unitId === undefined) throw new Error(`FrameWriter: unit ${record.unitCode} is not in the plan`);
    const c = this.chunk;
    if (this.scope.kind === "units-in-file") this.replaced.add(unitId);
    const id = this.ids![c.rows]!;
    const fieldId = record.fieldCode === null ? null : (this.ctx.fieldIds.get(record.fieldCode) ?? null);
    const personKey = storedPersonKey(this.ctx.salt, record);
    const fp = stringFingerprint(record.dossierCode, unitId, this.fp);
    if (this.codes.add(fp.hi, fp.lo)) this.candidate(unitId, record.dossierCode);
    const pf = personFingerprint(personKey, unitId, fieldId ?? 0, this.fp);
    if (this.people.add(pf.hi, pf.lo)) this.repeatedPeople++;
    const t = copyText;
    c.records.append(
      `${id}\t${this.ctx.planId}\t${this.importId}\t${unitId}\t${t(fieldId)}\t${t(record.dossierCode)}\t${KIND[record.kind]}\t` +
        `${t(record.procedure)}\t${record.resultDate}\t${row}\t${personKey}\t` +
        `${t(record.name)}\t${t(record.address)}\t${t(record.phone)}\n`,
    );
    c.rows++;
    return c.rows === CHUNK || c.records.length >= CHUNK_BYTES;
  }

  private candidate(unitId: number, dossierCode: string): void {
    if (this.tooManyCandidates) return;
    this.candidates.add(`${unitId}\t${dossierCode}`);
    if (this.candidates.size > FrameWriter.maxCandidates) {
      this.tooManyCandidates = true;
      this.candidates.clear();
    }
  }

  /** Starts writing the full chunk once the previous one is written. */
  async rotate(): Promise<void> {
    const c = this.chunk;
    await this.inFlight;
    // The previous chunk is written: its buffers take the next rows.
    this.chunk = this.spare;
    this.chunk.reset();
    this.spare = c;
    this.ids = await this.idBlocks.take();
    this.inFlight = this.write(c);
    // Its failure is seen when it is awaited; this only keeps Node from calling it unhandled meanwhile.
    this.inFlight.catch(() => undefined);
  }

  /**
   * Writes everything still buffered or in flight, then deletes the records this import
   * replaces: those of earlier imports in the replaced units, in one statement through the
   * import index (a delete per chunk would rescan the plan for every new unit of a file
   * sorted by unit).
   */
  async flush(): Promise<void> {
    try {
      await this.inFlight;
      this.inFlight = null;
      await this.write(this.chunk);
    } finally {
      await this.idBlocks.close();
    }
    if (this.earlier.length > 0 && this.replaced.size > 0) {
      this.replacedRecords += await this.tx.$executeRawUnsafe(
        `DELETE FROM "FrameRecord" WHERE "importId" = ANY($1::int[]) AND "unitId" = ANY($2::int[])`,
        this.earlier, [...this.replaced],
      );
    }
  }

  private async write(c: Chunk): Promise<void> {
    if (c.rows === 0) return;
    this.inserted += await copyFrom(this.raw, "FrameRecord", COLUMNS, c.records.bytes());
  }

  /**
   * After flush(): every record of this import whose dossier code is taken in its unit, by
   * an earlier import's record still in the frame or by an earlier row of this import, with
   * where it was first seen (an earlier import's record comes first, then the lowest row).
   * Which codes to look at: those whose fingerprint came twice in this import (none, in a
   * clean file: then nothing is read), every code of this import when it adds to units
   * whose earlier records stay (an API batch that appends), or, past maxCandidates, every
   * code repeated anywhere in the plan. The answer is from the stored values, so a
   * fingerprint shared by two codes reports nothing. Streams in batches through a cursor: a
   * file that repeats one code a million times is reported whole without being held in memory.
   */
  async conflicts(onConflicts: (batch: Conflict[]) => void): Promise<void> {
    const append = this.appendsToFrame;
    if (!append && !this.tooManyCandidates && this.candidates.size === 0) return;
    const raw = this.raw;
    const params: unknown[] = [this.ctx.planId, this.importId];
    let repeated: string;
    if (this.tooManyCandidates) {
      repeated = `SELECT "unitId", "dossierCode" FROM "FrameRecord" WHERE "planId" = $1 GROUP BY "unitId", "dossierCode" HAVING count(*) > 1`;
    } else if (append) {
      repeated = `SELECT DISTINCT "unitId", "dossierCode" FROM "FrameRecord" WHERE "importId" = $2`;
    } else {
      const pairs = [...this.candidates].map((c) => c.split("\t") as [string, string]);
      params.push(pairs.map((p) => Number(p[0])), pairs.map((p) => p[1]));
      repeated = `SELECT DISTINCT u AS "unitId", d AS "dossierCode" FROM unnest($3::int[], $4::text[]) AS c(u, d)`;
    }
    await raw.query("SET LOCAL work_mem = '128MB'");
    await raw.query(
      `DECLARE frame_conflicts NO SCROLL CURSOR FOR
         WITH repeated AS (${repeated}),
         members AS (
           SELECT r."id", r."importId", r."rowNumber", r."dossierCode",
                  first_value(r."id") OVER w AS "firstId", first_value(r."rowNumber") OVER w AS "firstRow",
                  first_value(r."importId") OVER w AS "firstImportId"
             FROM "FrameRecord" r JOIN repeated d ON d."unitId" = r."unitId" AND d."dossierCode" = r."dossierCode"
            WHERE r."planId" = $1
           WINDOW w AS (PARTITION BY r."unitId", r."dossierCode" ORDER BY r."importId" = $2, r."rowNumber", r."id"))
         SELECT "rowNumber" AS row, "dossierCode", "firstRow", "firstImportId" FROM members
          WHERE "importId" = $2 AND "id" <> "firstId"
          ORDER BY "rowNumber"`,
      params,
    );
    for (;;) {
      const { rows } = await raw.query<Conflict>(`FETCH ${CHUNK} FROM frame_conflicts`);
      if (rows.length === 0) break;
      onConflicts(rows);
    }
    await raw.query("CLOSE frame_conflicts");
  }

  /**
   * After flush(): how many of the plan's records repeat a person of their unit and field
   * (§5 deduplication, as the draw will do it). This import's rows are counted as they
   * came, by fingerprint (the salted SHA-256 keys are uniform: a false repeat among a
   * million rows has a probability of about 3·10⁻⁸); the records of earlier imports that
   * stay are counted by the database. An appending import shares units with them: the plan
   * is then counted whole.
   */
  async duplicates(): Promise<number> {
    const append = this.appendsToFrame;
    if (!append && this.earlier.length === 0) return this.repeatedPeople;
    await this.raw.query("SET LOCAL work_mem = '128MB'");
    const where = append ? `"planId" = $1` : `"importId" = ANY($1::int[])`;
    const { rows } = await this.raw.query<{ total: string | null; people: string }>(
      `SELECT sum(n) AS total, count(*) AS people
         FROM (SELECT count(*) AS n FROM "FrameRecord" WHERE ${where} GROUP BY "unitId", "fieldId", "personKey") g`,
      [append ? this.ctx.planId : this.earlier],
    );
    const others = Number(rows[0]?.total ?? 0) - Number(rows[0]?.people ?? 0);
    return append ? others : this.repeatedPeople + others;
  }
}
