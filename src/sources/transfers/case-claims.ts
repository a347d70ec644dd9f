// The rows of a case file as claims, exactly as written (no locator appended, nothing validated),
// for `interdict check-case`: the lint judges what the author wrote, line by line. A case file is
// a directory holding `statements.csv` and `transfers.csv` (layouts: src/sources/statements/,
// docs/TRANSFERS.md).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SourceError } from '../../model/errors.ts';
import { csvRecords } from '../csv-records.ts';

export interface CaseRow {
  file: string;
  line: number;
  kind: 'statement' | 'transfer';
  /** The row's cells by column name, trimmed. */
  cells: Record<string, string>;
}

export const CASE_FILES = { statement: 'statements.csv', transfer: 'transfers.csv' } as const;

/** Every row of the case file in `dir`; throws SourceError when a file is missing or malformed. */
export async function readCaseRows(dir: string): Promise<CaseRow[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new SourceError(dir, 'is not a readable directory');
  }
  const rows: CaseRow[] = [];
  for (const [kind, name] of Object.entries(CASE_FILES) as [CaseRow['kind'], string][]) {
    if (!names.includes(name)) throw new SourceError(join(dir, name), 'missing: a case file holds statements.csv and transfers.csv');
    let header: string[] | undefined;
    for await (const { cells, line } of csvRecords(join(dir, name), 'utf8')) {
      if (!header) {
        header = cells.map((c) => c.replace(/^\uFEFF/, '').trim());
        continue;
      }
      if (cells.length !== header.length) throw new SourceError(name, `${cells.length} fields where the header has ${header.length}`, line);
      const record: Record<string, string> = {};
      header.forEach((column, i) => (record[column] = cells[i].trim()));
      rows.push({ file: name, line, kind, cells: record });
    }
  }
  return rows;
}
