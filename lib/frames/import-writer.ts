import type pg from "pg";
import { db, type Tx } from "@/lib/db";
import { copyFrom, copyText } from "@/lib/db/copy";
import { Utf8Buffer } from "@/lib/utf8-buffer";
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
export type Conflict = { row: number; dossierCode: string; firstRow: number | null; firstImportId: number | null };

/** Rows per COPY: large enough to amortise the round trips, small enough to stay light. */
const CHUNK = 10_000;

const KIND = { individual: "INDIVIDUAL", organisation: "ORGANISATION" } as const;

const RECORD_COLUMNS = ["id", "planId", "importId", "unitId", "fieldId", "dossierCode", "kind", "procedure", "resultDate", "rowNumber", "personKey"] as const;
const PERSONAL_COLUMNS = ["recordId", "fullName", "address", "phone"] as const;

/**
 * One chunk as COPY text, written row by row into two buffers outside the JavaScript heap:
 * nothing of a row outlives its reading (with ten thousand rows held as objects, the
 * garbage collector's work was a third of an import's time, and the heap grew by 200 MB).
 * Two chunks exist, one filling while the other is written, and are reused.
 */
class Chunk {
  readonly records = new Utf8Buffer();
  readonly personal = new Utf8Buffer();
  clearUnits: number[] = [];
  rows = 0;

  reset(): void {
    this.records.clear();
    this.personal.clear();
    this.clearUnits = [];
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
    const rows = await db().$queryRaw<{ ids: number[] }[]>`
      SELECT array_agg(nextval(pg_get_serial_sequence('"FrameRecord"', 'id'))::int) AS ids FROM generate_series(1, ${CHUNK})`;
    return Int32Array.from(rows[0]!.ids);
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
 * Writes clean records into FrameRecord and FrameRecordPersonal inside the import's
 * transaction, by COPY on the transaction's own connection (`raw`), a chunk at a time,
 * one chunk written while the next is read and validated. A chunk that hits a dossier code
 * already taken is rolled back to its savepoint; from then on the import is going to be
 * refused, so chunks go through a staging table and INSERT … ON CONFLICT DO NOTHING, which
 * tells which rows collided and where each code was first seen, and personal data is no
 * longer written. Conflicts come back a chunk later; the caller reports them and rolls the
 * import back.
 */
export class FrameWriter {
  inserted = 0;
  replacedRecords = 0;
  private readonly cleared = new Set<number>();
  private chunk = new Chunk();
  /** The other chunk: being written, or free. */
  private spare = new Chunk();
  /** Ids for the rows of the filling chunk. */
  private ids: Int32Array | null = null;
  private readonly idBlocks = new IdBlocks();
  /** The chunk being written, if any: at most one at a time. */
  private inFlight: Promise<Conflict[]> | null = null;
  /** Set once a dossier code collided: the import will be refused. */
  private reporting = false;
  private staged = false;

  constructor(
    private readonly tx: Tx,
    /** The connection `tx` runs on, for COPY. */
    private readonly raw: pg.ClientBase,
    private readonly ctx: FrameContext,
    private readonly importId: number,
    private readonly scope: WriteScope,
  ) {}

  async start(): Promise<void> {
    this.ids = await this.idBlocks.take();
    if (this.scope.kind === "unit") {
      this.cleared.add(this.scope.unitId);
      this.replacedRecords += await this.tx.$executeRaw`
        DELETE FROM "FrameRecord" WHERE "planId" = ${this.ctx.planId} AND "unitId" = ${this.scope.unitId} AND "importId" <> ${this.importId}`;
    }
  }

  /**
   * Buffers one record (its codes already checked against the plan). True when the chunk is
   * full: the caller then awaits rotate(). Synchronous, so that a row costs no promise.
   */
  add(record: TFrameRecord, row: number): boolean {
    const unitId = this.ctx.unitIds.get(record.unitCode);
    if (unitId === undefined) throw new Error(`FrameWriter: unit ${record.unitCode} is not in the plan`);
    const c = this.chunk;
    if (this.scope.kind === "units-in-file" && !this.cleared.has(unitId)) {
      // Earlier records of this unit are deleted before the chunk holding its first new one.
      this.cleared.add(unitId);
      c.clearUnits.push(unitId);
    }
    const id = this.ids![c.rows]!;
    const fieldId = record.fieldCode === null ? null : (this.ctx.fieldIds.get(record.fieldCode) ?? null);
    const t = copyText;
    c.records.append(
      `${id}\t${this.ctx.planId}\t${this.importId}\t${unitId}\t${t(fieldId)}\t${t(record.dossierCode)}\t${KIND[record.kind]}\t` +
        `${t(record.procedure)}\t${record.resultDate}\t${row}\t${storedPersonKey(this.ctx.salt, record)}\n`,
    );
    if (!this.reporting) c.personal.append(`${id}\t${t(record.name)}\t${t(record.address)}\t${t(record.phone)}\n`);
    c.rows++;
    return c.rows === CHUNK;
  }

  /** Starts writing the full chunk once the previous one is written; returns that one's conflicts. */
  async rotate(): Promise<Conflict[]> {
    const c = this.chunk;
    const previous = await (this.inFlight ?? Promise.resolve([]));
    // The previous chunk is written: its buffers take the next rows.
    this.chunk = this.spare;
    this.chunk.reset();
    this.spare = c;
    this.ids = await this.idBlocks.take();
    this.inFlight = this.write(c);
    // Its failure is seen when it is awaited; this only keeps Node from calling it unhandled meanwhile.
    this.inFlight.catch(() => undefined);
    return previous;
  }

  /** Writes everything still buffered or in flight. */
  async flush(): Promise<Conflict[]> {
    try {
      const previous = await (this.inFlight ?? Promise.resolve([]));
      this.inFlight = null;
      return [...previous, ...(await this.write(this.chunk))];
    } finally {
      await this.idBlocks.close();
    }
  }

  private async write(c: Chunk): Promise<Conflict[]> {
    if (c.clearUnits.length > 0) {
      this.replacedRecords += await this.tx.$executeRawUnsafe(
        `DELETE FROM "FrameRecord" WHERE "planId" = $1 AND "unitId" = ANY($2::int[]) AND "importId" <> $3`,
        this.ctx.planId, c.clearUnits, this.importId,
      );
    }
    if (c.rows === 0) return [];
    const records = c.records.bytes();
    if (!this.reporting) {
      if (await this.copy(records, c.personal.bytes())) {
        this.inserted += c.rows;
        return [];
      }
      this.reporting = true;
    }
    return this.stage(records);
  }

  /** COPY of one chunk under a savepoint; false when a dossier code collided (nothing of the chunk kept). */
  private async copy(records: Buffer, personal: Buffer): Promise<boolean> {
    const raw = this.raw;
    await raw.query("SAVEPOINT frame_chunk");
    try {
      await copyFrom(raw, "FrameRecord", RECORD_COLUMNS, records);
      await copyFrom(raw, "FrameRecordPersonal", PERSONAL_COLUMNS, personal);
    } catch (err) {
      if ((err as { code?: unknown }).code !== "23505") throw err;
      await raw.query("ROLLBACK TO SAVEPOINT frame_chunk");
      await raw.query("RELEASE SAVEPOINT frame_chunk");
      return false;
    }
    await raw.query("RELEASE SAVEPOINT frame_chunk");
    return true;
  }

  /**
   * A chunk of an import that will be refused: inserted without the rows whose dossier code
   * is taken, which are returned with where the code was first seen (within a chunk, the
   * first row wins).
   */
  private async stage(records: Buffer): Promise<Conflict[]> {
    const raw = this.raw;
    if (!this.staged) {
      await raw.query(`CREATE TEMP TABLE frame_stage (LIKE "FrameRecord") ON COMMIT DROP`);
      this.staged = true;
    } else {
      await raw.query("TRUNCATE frame_stage");
    }
    await copyFrom(raw, "frame_stage", RECORD_COLUMNS, records);
    const inserted = await raw.query(`INSERT INTO "FrameRecord" SELECT * FROM frame_stage ON CONFLICT ("planId", "unitId", "dossierCode") DO NOTHING`);
    this.inserted += inserted.rowCount ?? 0;
    const taken = await raw.query<{ row: number; dossierCode: string; firstRow: number; firstImportId: number }>(
      `SELECT s."rowNumber" AS row, s."dossierCode", r."rowNumber" AS "firstRow", r."importId" AS "firstImportId"
         FROM frame_stage s
         JOIN "FrameRecord" r ON r."planId" = s."planId" AND r."unitId" = s."unitId" AND r."dossierCode" = s."dossierCode"
        WHERE r."id" <> s."id"
        ORDER BY s."rowNumber"`,
    );
    return taken.rows;
  }
}
