/** A problem found in an open-data folder, reported to a person (Vietnamese). */
export interface OpenDataIssue {
  file: string;
  /** Record number, the header being 1; null for a whole-file problem. */
  row: number | null;
  /** Column name (CSV) or JSON path (questionnaire.json); null when not about one column. */
  column: string | null;
  message: string;
}

export function formatIssue(i: OpenDataIssue): string {
  const where = [i.file, i.row !== null ? `dòng ${i.row}` : null, i.column !== null ? `cột ${i.column}` : null];
  return `${where.filter((x) => x !== null).join(", ")}: ${i.message}`;
}
