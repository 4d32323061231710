import type { SelectionRow } from "@/lib/draws/queries";
import { formatNumber } from "@/lib/i18n/format";
import { samplingText as t } from "@/lib/i18n/sampling";
import styles from "../frames/frames.module.css";

/** The first selected people of a draw (masked for users without personal.read). */
export function SelectionTable({ rows, total }: { rows: SelectionRow[]; total: number }) {
  return (
    <>
      <div className={styles.scroll}>
        <table data-testid="selections">
          <thead>
            <tr>
              <th>{t.col.stratum}</th><th>{t.col.role}</th><th className="num">{t.col.order}</th><th>{t.col.dossier}</th>
              <th>{t.col.name}</th><th>{t.col.phone}</th><th>{t.col.address}</th><th className="num">{t.col.pi}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.stratum}-${r.role}-${r.order}`}>
                <td className={styles.code}>{r.stratum}</td>
                <td>{r.role === "MAIN" ? t.mainRole : t.reserveRole}</td>
                <td className="num">{r.order}</td>
                <td className={styles.code}>{r.dossierCode}</td>
                <td data-testid="selection-name">{r.name}</td>
                <td className={styles.code} data-testid="selection-phone">{r.phone}</td>
                <td>{r.address}</td>
                <td className="num">{formatNumber(r.pi, 4)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > rows.length && <p className="muted">{t.selectionsShown(rows.length, total)}</p>}
    </>
  );
}
