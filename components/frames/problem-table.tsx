import type { RowProblem } from "@/lib/frames/validate";
import { framesText as t } from "@/lib/i18n/frames";

/** Problems of an import: row, column, value and reason, as the Excel report lists them. */
export function ProblemTable({ problems }: { problems: readonly RowProblem[] }) {
  return (
    <table data-testid="frame-problems">
      <thead>
        <tr><th className="num">{t.colRow}</th><th>{t.colColumn}</th><th style={{ minWidth: "9rem" }}>{t.colValue}</th><th>{t.colReason}</th></tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={`${p.row}-${p.column}-${i}`}>
            <td className="num">{p.row}</td>
            <td>{p.column}</td>
            <td className="mono" style={{ wordBreak: "normal", overflowWrap: "anywhere" }}>{p.value}</td>
            <td>{p.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
