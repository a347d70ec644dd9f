// HM Treasury / OFSI Consolidated List of Financial Sanctions Targets, CSV ("ConList.csv").
// Layout: `Last Updated,dd/mm/yyyy`, a header line, then one row per name variant of a target,
// grouped (not contiguously) by `Group ID`. Older files are Windows-1252, newer ones UTF-8 with
// extra columns (non-Latin names, alias quality, UK Sanctions List references): columns are read
// by header name, so both layouts work.
import type { StatementDraft } from '../../model/statement.ts';
import type { ParseContext, SourceParser } from '../types.ts';
import { HeaderIndex } from '../csv-records.ts';
import { parseUkFiles, readUkRows, type UkLayout } from './uk-rows.ts';
import { ukDate } from './uk-fields.ts';
import type { UkRow } from './uk-entry.ts';

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
export function readOfsiRows(path: string, ctx: Pick<ParseContext, 'warn'>, onPublished?: (iso: string) => void): AsyncGenerator<UkRow> {
  return readUkRows(OFSI_LAYOUT, path, ctx, onPublished);
}

/** The ConList layout: an optional `Last Updated` line with the date, then the header. */
const OFSI_LAYOUT: UkLayout = {
  header: 'an OFSI ConList header',
  headerName: 'ConList header',
  required: REQUIRED,
  known: KNOWN,
  keyColumn: 'Group ID',
  readRow,
  preamble(cells, { line, file, ctx, onPublished }) {
    if (!/^last updated$/i.test((cells[0] ?? '').trim())) return false;
    const iso = ukDate(cells[1] ?? '');
    if (iso) onPublished?.(iso);
    else ctx.warn(`${file}:${line}: unreadable publication date "${cells[1] ?? ''}"`);
    return true;
  },
  check(row, line, file, ctx) {
    if (!row.surname && row.givenNames.every((n) => !n)) ctx.warn(`${file}:${line}: row of group ${row.key} has no name`);
  },
};

export const ukOfsiConList: SourceParser = {
  format: 'uk-ofsi-csv',
  defaultDataset: 'gb_hmt_sanctions',
  title: 'UK HM Treasury (OFSI) Consolidated List of Financial Sanctions Targets',
  publisher: 'HM Treasury, Office of Financial Sanctions Implementation (OFSI)',
  licence: 'Open Government Licence v3.0',
  officialUrls: { 'ConList.csv': 'https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv' },

  detect(_fileName: string, head: string): boolean {
    const lines = head.split(/\r?\n/, 3).join('\n');
    return /\bGroup ID\b/.test(lines) && /\bName 6\b/.test(lines) && /\bAlias Type\b/.test(lines);
  },

  parse(files: string[], ctx: ParseContext): AsyncGenerator<StatementDraft> {
    return parseUkFiles(OFSI_LAYOUT, files, ctx, {
      list: 'ConList',
      authority: 'HM Treasury, Office of Financial Sanctions Implementation (OFSI)',
      sourceUrl: 'https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets',
    });
  },
};
