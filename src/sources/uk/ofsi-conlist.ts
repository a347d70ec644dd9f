// HM Treasury / OFSI Consolidated List of Financial Sanctions Targets, CSV ("ConList.csv").
// Layout: `Last Updated,dd/mm/yyyy`, a header line, then one row per name variant of a target,
// grouped (not contiguously) by `Group ID`. Older files are Windows-1252, newer ones UTF-8 with
// extra columns (non-Latin names, alias quality, UK Sanctions List references): columns are read
// by header name, so both layouts work.
import type { StatementDraft } from '../../model/statement.ts';
import { SourceError } from '../../model/errors.ts';
import type { ParseContext, SourceParser } from '../types.ts';
import { logicalName } from '../io.ts';
import { csvRecords, HeaderIndex } from './csv-records.ts';
import { ukDate } from './uk-fields.ts';
import { UkListWriter, type UkRow } from './uk-entry.ts';

const REQUIRED = ['Group ID', 'Name 6', 'Group Type'];

const KNOWN = new Set(
  [
    'Name 6', 'Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5', 'Title', 'Name Non-Latin Script', 'Non-Latin Script Type',
    'Non-Latin Script Language', 'Non-Latin Script Type/Language', 'DOB', 'Town of Birth', 'Country of Birth', 'Nationality',
    'Passport Number', 'Passport Details', 'National Identification Number', 'NI Number', 'NI Details',
    'National Identification Details', 'Position', 'Address 1', 'Address 2', 'Address 3', 'Address 4', 'Address 5', 'Address 6',
    'Post/Zip Code', 'Country', 'Other Information', 'Group Type', 'Alias Type', 'Alias Quality', 'Regime', 'Listed On',
    'UK Sanctions List Date Designated', 'UK Sanctions List Ref', 'Last Updated', 'Group ID',
  ].map(HeaderIndex.key),
);

/** A ConList row as the shared UK row, by header name. */
function readRow(h: HeaderIndex, c: string[], line: number): UkRow {
  return {
    line,
    key: h.get(c, 'Group ID'),
    kind: h.get(c, 'Group Type'),
    givenNames: [1, 2, 3, 4, 5].map((i) => h.get(c, `Name ${i}`)),
    surname: h.get(c, 'Name 6'),
    nameType: h.get(c, 'Alias Type'),
    aliasQuality: h.get(c, 'Alias Quality'),
    title: h.get(c, 'Title'),
    nonLatinName: h.get(c, 'Name Non-Latin Script'),
    nonLatinType: h.get(c, 'Non-Latin Script Type', 'Non-Latin Script Type/Language'),
    nonLatinLanguage: h.get(c, 'Non-Latin Script Language', 'Non-Latin Script Type/Language'),
    dob: h.get(c, 'DOB'),
    townOfBirth: h.get(c, 'Town of Birth'),
    countryOfBirth: h.get(c, 'Country of Birth'),
    nationality: h.get(c, 'Nationality'),
    passportNumber: h.get(c, 'Passport Number'),
    passportDetails: h.get(c, 'Passport Details'),
    nationalId: h.get(c, 'National Identification Number'),
    nationalIdDetails: h.get(c, 'NI Details', 'National Identification Details', 'NI Number'),
    position: h.get(c, 'Position'),
    addressLines: [1, 2, 3, 4, 5, 6].map((i) => h.get(c, `Address ${i}`)),
    postcode: h.get(c, 'Post/Zip Code'),
    addressCountry: h.get(c, 'Country'),
    otherInfo: h.get(c, 'Other Information'),
    regime: h.get(c, 'Regime'),
    listedOn: h.get(c, 'Listed On'),
    designatedOn: h.get(c, 'UK Sanctions List Date Designated'),
    lastUpdated: h.get(c, 'Last Updated'),
    unReference: '',
    ukReference: h.get(c, 'UK Sanctions List Ref'),
  };
}

/**
 * The rows of a ConList file, read by header name. Calls `onPublished` with the file's date.
 * Exposed for tests and tools that want row-level figures.
 */
export async function* readOfsiRows(path: string, ctx: Pick<ParseContext, 'warn'>, onPublished?: (iso: string) => void): AsyncGenerator<UkRow> {
  const file = logicalName(path);
  let header: HeaderIndex | undefined;
  let rows = 0;
  for await (const { cells, line } of csvRecords(path, 'auto')) {
    if (!header) {
      const first = (cells[0] ?? '').trim();
      if (/^last updated$/i.test(first)) {
        const iso = ukDate(cells[1] ?? '');
        if (iso) onPublished?.(iso);
        else ctx.warn(`${file}:${line}: unreadable publication date "${cells[1] ?? ''}"`);
        continue;
      }
      header = new HeaderIndex(cells);
      const missing = REQUIRED.filter((name) => !header!.has(name));
      if (missing.length) throw new SourceError(file, `not an OFSI ConList header: missing column(s) ${missing.map((m) => `"${m}"`).join(', ')}`, line);
      const unknown = cells.map((n) => n.trim()).filter((n) => n && !KNOWN.has(HeaderIndex.key(n)));
      if (unknown.length) ctx.warn(`${file}:${line}: unknown column(s) ignored: ${unknown.join(', ')}`);
      continue;
    }
    if (cells.every((cell) => cell.trim() === '')) continue;
    const row = readRow(header, cells, line);
    if (!row.key) throw new SourceError(file, 'row without a Group ID', line);
    if (!row.surname && row.givenNames.every((n) => !n)) ctx.warn(`${file}:${line}: row of group ${row.key} has no name`);
    rows++;
    yield row;
  }
  if (!header) throw new SourceError(file, 'empty file: no ConList header');
  if (rows === 0) throw new SourceError(file, 'the list has no entries');
}

export const ukOfsiConList: SourceParser = {
  format: 'uk-ofsi-csv',
  defaultDataset: 'gb_hmt_sanctions',
  title: 'UK HM Treasury (OFSI) Consolidated List of Financial Sanctions Targets',
  publisher: 'HM Treasury, Office of Financial Sanctions Implementation (OFSI)',
  licence: 'Open Government Licence v3.0',
  officialUrls: { 'ConList.csv': 'https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv' },

  detect(fileName: string, head: string): boolean {
    const lines = head.split(/\r?\n/, 3).join('\n');
    return /\bGroup ID\b/.test(lines) && /\bName 6\b/.test(lines) && /\bAlias Type\b/.test(lines);
  },

  async *parse(files: string[], ctx: ParseContext): AsyncGenerator<StatementDraft> {
    if (files.length === 0) throw new SourceError('(none)', 'no ConList file given');
    for (const path of files) {
      const writer = new UkListWriter(ctx, {
        file: logicalName(path),
        authority: 'HM Treasury, Office of Financial Sanctions Implementation (OFSI)',
        sourceUrl: 'https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets',
      });
      for await (const row of readOfsiRows(path, ctx, (iso) => ctx.published(iso))) yield* writer.row(row);
      yield* writer.finish();
    }
  },
};
