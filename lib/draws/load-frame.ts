import type pg from "pg";
import type { DbOrTx } from "@/lib/db";
import type { FrameRecord } from "@/lib/sampling/types";

/** A frame record as the draw sees it, with its database id (to store selections). */
export type DbFrameRecord = FrameRecord & { id: number; personKey: string };

type Row = {
  id: number;
  unitCode: string;
  fieldCode: string | null;
  dossierCode: string;
  kind: "INDIVIDUAL" | "ORGANISATION";
  resultDate: string;
  personKey: string;
  procedure: string | null;
  fullName: string | null;
  address: string | null;
  phone: string | null;
};

const BASE = `
  SELECT r."id", u."code" AS "unitCode", f."code" AS "fieldCode", r."dossierCode", r."kind",
         to_char(r."resultDate", 'YYYY-MM-DD') AS "resultDate", r."personKey", r."procedure"`;

/**
 * The plan's whole frame in lib/sampling's shape. `personal`: with names, addresses and
 * phones — what the frame checksum covers; without, those are empty (enough for the
 * allocation and the selection, which use the stored person key). Read it inside the
 * transaction (or snapshot) whose result depends on it.
 */
export async function loadFrame(client: DbOrTx, planId: number, opts: { personal: boolean; raw?: pg.ClientBase }): Promise<DbFrameRecord[]> {
  if (opts.raw) return loadFrameRaw(opts.raw, planId, opts.personal);
  const sql = opts.personal
    ? `${BASE}, r."fullName", r."address", r."phone"
         FROM "FrameRecord" r JOIN "Unit" u ON u."id" = r."unitId" LEFT JOIN "Field" f ON f."id" = r."fieldId"
        WHERE r."planId" = $1`
    : `${BASE}, NULL AS "fullName", NULL AS "address", NULL AS "phone"
         FROM "FrameRecord" r JOIN "Unit" u ON u."id" = r."unitId" LEFT JOIN "Field" f ON f."id" = r."fieldId"
        WHERE r."planId" = $1`;
  const rows = await client.$queryRawUnsafe<Row[]>(sql, planId);
  const out = new Array<DbFrameRecord>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as Row;
    out[i] = {
      id: r.id,
      unitCode: r.unitCode,
      dossierCode: r.dossierCode,
      // Purged personal data (an archived plan) reads as empty: the checksum then shows it.
      name: r.fullName ?? "",
      kind: r.kind === "ORGANISATION" ? "organisation" : "individual",
      address: r.address,
      phone: r.phone,
      fieldCode: r.fieldCode,
      procedure: r.procedure,
      resultDate: r.resultDate,
      personKey: r.personKey,
    };
  }
  return out;
}

/**
 * The same through pg directly, rows as arrays: for a million records several times faster
 * than through Prisma. `raw` must be the connection of the transaction the caller reads in
 * (lib/db/dedicated.ts).
 */
async function loadFrameRaw(raw: pg.ClientBase, planId: number, personal: boolean): Promise<DbFrameRecord[]> {
  const res = await raw.query<unknown[]>({
    text: `${BASE}, ${personal ? `r."fullName", r."address", r."phone"` : "NULL, NULL, NULL"}, r."kind"::text
             FROM "FrameRecord" r JOIN "Unit" u ON u."id" = r."unitId" LEFT JOIN "Field" f ON f."id" = r."fieldId"
            WHERE r."planId" = $1`,
    values: [planId],
    rowMode: "array",
  });
  const rows = res.rows as [number, string, string | null, string, unknown, string, string, string | null, string | null, string | null, string | null, string][];
  const out = new Array<DbFrameRecord>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [id, unitCode, fieldCode, dossierCode, , resultDate, personKey, procedure, fullName, address, phone, kind] = rows[i]!;
    out[i] = {
      id, unitCode, dossierCode, name: fullName ?? "", kind: kind === "ORGANISATION" ? "organisation" : "individual",
      address, phone, fieldCode, procedure, resultDate, personKey,
    };
  }
  return out;
}
