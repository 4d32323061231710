import type pg from "pg";
import type { Tx } from "@/lib/db";
import { copyFrom, copyText } from "@/lib/db/copy";
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

/** Rows per INSERT: large enough to amortise the round trip, small enough to stay light. */
const CHUNK = 10_000;

const KIND = { individual: "INDIVIDUAL", organisation: "ORGANISATION" } as const;

/** One chunk of records as column arrays (what unnest() takes), with the units to clear first. */
class Batch {
  readonly unit: number[] = [];
  readonly field: (number | null)[] = [];
  readonly dossier: string[] = [];
  readonly kind: string[] = [];
  readonly procedure: (string | null)[] = [];
  readonly date: string[] = [];
  readonly rowNo: number[] = [];
  readonly key: string[] = [];
  readonly name: string[] = [];
  readonly address: (string | null)[] = [];
  readonly phone: (string | null)[] = [];
  readonly clearUnits: number[] = [];
}

const RECORD_COLUMNS = ["id", "planId", "importId", "unitId", "fieldId", "dossierCode", "kind", "procedure", "resultDate", "rowNumber", "personKey"] as const;
const PERSONAL_COLUMNS = ["recordId", "fullName", "address", "phone"] as const;

/**
 * Writes clean records into FrameRecord and FrameRecordPersonal inside the import's
 * transaction, a chunk at a time. With the transaction's own connection (`raw`), a chunk
 * goes in by COPY — several times faster than INSERT for a million rows — with ids taken
 * from the sequence beforehand; if it hits a dossier code already taken, the chunk is
 * rolled back to its savepoint and written again by INSERT … ON CONFLICT DO NOTHING, which
 * tells which rows collided. One chunk is written while the next is read and validated, so
 * the file and the database work side by side. Conflicts come back a chunk later; the
 * caller reports them and rolls the import back.
 */
export class FrameWriter {
  inserted = 0;
  replacedRecords = 0;
  private readonly cleared = new Set<number>();
  private batch = new Batch();
  /** The chunk being written, if any: at most one at a time. */
  private inFlight: Promise<Conflict[]> | null = null;

  constructor(
    private readonly tx: Tx,
    /** The connection `tx` runs on, for COPY; null: INSERT only. */
    private readonly raw: pg.ClientBase | null,
    private readonly ctx: FrameContext,
    private readonly importId: number,
    private readonly scope: WriteScope,
  ) {}

  async start(): Promise<void> {
    if (this.scope.kind === "unit") {
      this.cleared.add(this.scope.unitId);
      this.replacedRecords += await this.tx.$executeRaw`
        DELETE FROM "FrameRecord" WHERE "planId" = ${this.ctx.planId} AND "unitId" = ${this.scope.unitId} AND "importId" <> ${this.importId}`;
    }
  }

  /** Buffers one record (its codes already checked against the plan); returns conflicts found so far. */
  async add(record: TFrameRecord, row: number): Promise<Conflict[]> {
    const unitId = this.ctx.unitIds.get(record.unitCode);
    if (unitId === undefined) throw new Error(`FrameWriter: unit ${record.unitCode} is not in the plan`);
    const b = this.batch;
    if (this.scope.kind === "units-in-file" && !this.cleared.has(unitId)) {
      // Earlier records of this unit are deleted before the chunk holding its first new one.
      this.cleared.add(unitId);
      b.clearUnits.push(unitId);
    }
    b.unit.push(unitId);
    b.field.push(record.fieldCode === null ? null : (this.ctx.fieldIds.get(record.fieldCode) ?? null));
    b.dossier.push(record.dossierCode);
    b.kind.push(KIND[record.kind]);
    b.procedure.push(record.procedure);
    b.date.push(record.resultDate);
    b.rowNo.push(row);
    b.key.push(storedPersonKey(this.ctx.salt, record));
    b.name.push(record.name);
    b.address.push(record.address);
    b.phone.push(record.phone);
    if (b.unit.length < CHUNK) return [];
    // Wait for the previous chunk, then start this one without waiting for it.
    const previous = await (this.inFlight ?? Promise.resolve([]));
    this.batch = new Batch();
    this.inFlight = this.write(b);
    // Its failure is seen when it is awaited; this only keeps Node from calling it unhandled meanwhile.
    this.inFlight.catch(() => undefined);
    return previous;
  }

  /** Writes everything still buffered or in flight. */
  async flush(): Promise<Conflict[]> {
    const previous = await (this.inFlight ?? Promise.resolve([]));
    this.inFlight = null;
    const b = this.batch;
    this.batch = new Batch();
    return [...previous, ...(await this.write(b))];
  }

  private async write(b: Batch): Promise<Conflict[]> {
    if (b.clearUnits.length > 0) {
      this.replacedRecords += await this.tx.$executeRawUnsafe(
        `DELETE FROM "FrameRecord" WHERE "planId" = $1 AND "unitId" = ANY($2::int[]) AND "importId" <> $3`,
        this.ctx.planId, b.clearUnits, this.importId,
      );
    }
    if (b.unit.length === 0) return [];
    if (this.raw) {
      const copied = await this.copy(this.raw, b);
      if (copied) return [];
    }
    return this.insert(b);
  }

  /** COPY of one chunk under a savepoint; false when a dossier code collided (nothing of the chunk kept). */
  private async copy(raw: pg.ClientBase, b: Batch): Promise<boolean> {
    const n = b.unit.length;
    const ids = (await raw.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('"FrameRecord"', 'id'))::int AS id FROM generate_series(1, $1)`, [n])).rows;
    const t = copyText;
    let records = "";
    let personal = "";
    for (let i = 0; i < n; i++) {
      const id = ids[i]!.id;
      records +=
        `${id}\t${this.ctx.planId}\t${this.importId}\t${b.unit[i]}\t${t(b.field[i] ?? null)}\t${t(b.dossier[i]!)}\t${b.kind[i]}\t` +
        `${t(b.procedure[i] ?? null)}\t${b.date[i]}\t${b.rowNo[i]}\t${b.key[i]}\n`;
      personal += `${id}\t${t(b.name[i]!)}\t${t(b.address[i] ?? null)}\t${t(b.phone[i] ?? null)}\n`;
    }
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
    this.inserted += n;
    return true;
  }

  private async insert(b: Batch): Promise<Conflict[]> {
    const inserted = await this.tx.$queryRawUnsafe<{ id: number; rowNumber: number }[]>(
      `INSERT INTO "FrameRecord" ("planId", "importId", "unitId", "fieldId", "dossierCode", "kind", "procedure", "resultDate", "rowNumber", "personKey")
       SELECT $1, $2, * FROM unnest($3::int[], $4::int[], $5::text[], $6::"RespondentKind"[], $7::text[], $8::date[], $9::int[], $10::text[])
       ON CONFLICT ("planId", "unitId", "dossierCode") DO NOTHING
       RETURNING "id", "rowNumber"`,
      this.ctx.planId, this.importId, b.unit, b.field, b.dossier, b.kind, b.procedure, b.date, b.rowNo, b.key,
    );
    // Row numbers are unique within an import: they pair each new id with its personal data.
    const at = new Map<number, number>();
    b.rowNo.forEach((row, i) => at.set(row, i));
    const written = new Uint8Array(b.unit.length);
    const ids: number[] = [];
    const names: string[] = [];
    const addresses: (string | null)[] = [];
    const phones: (string | null)[] = [];
    for (const r of inserted) {
      const i = at.get(r.rowNumber)!;
      written[i] = 1;
      ids.push(r.id);
      names.push(b.name[i]!);
      addresses.push(b.address[i] ?? null);
      phones.push(b.phone[i] ?? null);
    }
    if (ids.length > 0) {
      await this.tx.$executeRawUnsafe(
        `INSERT INTO "FrameRecordPersonal" ("recordId", "fullName", "address", "phone") SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[])`,
        ids, names, addresses, phones,
      );
    }
    this.inserted += ids.length;
    const skipped = b.rowNo.flatMap((rowNumber, i) => (written[i] ? [] : [{ rowNumber, unitId: b.unit[i]!, dossierCode: b.dossier[i]! }]));
    return skipped.length > 0 ? this.describe(skipped) : [];
  }

  /** Where each skipped dossier code was first seen (the first row wins within a chunk). */
  private async describe(skipped: { rowNumber: number; unitId: number; dossierCode: string }[]): Promise<Conflict[]> {
    const found = await this.tx.$queryRawUnsafe<{ unitId: number; dossierCode: string; rowNumber: number; importId: number }[]>(
      `SELECT r."unitId", r."dossierCode", r."rowNumber", r."importId"
         FROM unnest($2::int[], $3::text[]) AS s("unitId", "dossierCode")
         JOIN "FrameRecord" r ON r."planId" = $1 AND r."unitId" = s."unitId" AND r."dossierCode" = s."dossierCode"`,
      this.ctx.planId,
      skipped.map((s) => s.unitId),
      skipped.map((s) => s.dossierCode),
    );
    const first = new Map(found.map((f) => [`${f.unitId}|${f.dossierCode}`, f]));
    return skipped
      .map((s) => {
        const f = first.get(`${s.unitId}|${s.dossierCode}`);
        return { row: s.rowNumber, dossierCode: s.dossierCode, firstRow: f?.rowNumber ?? null, firstImportId: f?.importId ?? null };
      })
      .sort((a, b) => a.row - b.row);
  }
}
