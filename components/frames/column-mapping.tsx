"use client";

import { useState } from "react";
import { COLUMNS, type ColumnKey } from "@/lib/frames/columns";
import type { RowProblem } from "@/lib/frames/validate";
import { framesText as t } from "@/lib/i18n/frames";
import { ProblemTable } from "./problem-table";
import styles from "./frames.module.css";

/**
 * The column-mapping step: for each template column, which header of the file holds it
 * (proposed from the template's headers and known aliases). The file stays on the server.
 */
export function ColumnMapping({ headers, proposed, problems, onSubmit }: {
  headers: string[];
  proposed: Partial<Record<ColumnKey, string>>;
  problems: RowProblem[];
  onSubmit: (mapping: Record<string, ColumnKey>) => void;
}) {
  const [choice, setChoice] = useState<Partial<Record<ColumnKey, string>>>(proposed);
  const submit = () => {
    const mapping: Record<string, ColumnKey> = {};
    for (const c of COLUMNS) {
      const h = choice[c.key];
      if (h) mapping[h] = c.key;
    }
    onSubmit(mapping);
  };
  return (
    <section className={styles.mapping} data-testid="column-mapping">
      <h3>{t.mappingTitle}</h3>
      <p>{t.mappingIntro}</p>
      <ProblemTable problems={problems} />
      <table>
        <tbody>
          {COLUMNS.map((c) => (
            <tr key={c.key}>
              <th scope="row">
                <label htmlFor={`map-${c.key}`}>{c.header}</label>
                {c.required && <span className="muted"> ({t.required})</span>}
              </th>
              <td>
                <select id={`map-${c.key}`} value={choice[c.key] ?? ""} onChange={(e) => setChoice({ ...choice, [c.key]: e.target.value || undefined })}>
                  <option value="">{t.mappingNone}</option>
                  {headers.map((h) => <option key={h} value={h}>{h}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button type="button" onClick={submit}>{t.mappingSubmit}</button>
      </p>
    </section>
  );
}
