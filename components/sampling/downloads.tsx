import { samplingText as t } from "@/lib/i18n/sampling";
import styles from "../frames/frames.module.css";

/** A shell argument in double quotes (POSIX shells and Windows cmd both accept this form). */
const quote = (s: string) => `"${s.replace(/(["\\$`])/g, "\\$1")}"`;

/** The files of a draw and the command that re-runs it on a monitor's own computer. */
export function DrawDownloads({ planId, draw, personal }: {
  planId: number;
  draw: { id: number; seed: string; strataMode: string; reserveShare: string };
  personal: boolean;
}) {
  const base = `/api/plans/${planId}`;
  const q = `?draw=${draw.id}`;
  const command =
    `npm run sipas -- sample --frame danh-sach-an-danh-kh${planId}.csv --seed ${quote(draw.seed)} \\\n` +
    `  --strata ${draw.strataMode} --rules cac-tang-kh${planId}-lan${draw.id}.csv --reserve ${draw.reserveShare} \\\n` +
    `  > chay-lai.csv\n` +
    `diff chay-lai.csv ket-qua-chon-mau-kh${planId}-lan${draw.id}.csv && echo "Khớp"`;
  return (
    <>
      <ul className={styles.downloads} data-testid="downloads">
        <li><a href={`${base}/sampling/selections${q}`}>{t.dlSelections}</a></li>
        <li><a href={`${base}/sampling/strata${q}`}>{t.dlStrata}</a></li>
        <li><a href={`${base}/frames/export`}>{t.dlFrame}</a></li>
        <li><a href={`${base}/sampling/list${q}`}>{personal ? t.dlPostOffice : t.dlPostOfficeMasked}</a></li>
        <li><a href={`${base}/sampling/duplicates`}>{t.dlDuplicates}</a></li>
      </ul>
      <h3>{t.cliTitle}</h3>
      <p className="muted">{t.cliHelp}</p>
      <pre className={styles.cli} data-testid="cli-command">{command}</pre>
    </>
  );
}
