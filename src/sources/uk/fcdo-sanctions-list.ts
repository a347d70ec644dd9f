// The UK Sanctions List (FCDO) CSV: every UK designation under the Sanctions Act, one row per name
// of a designated person, entity or ship, grouped by `Unique ID` (`RUS0001`, `DPR0012`). The first
// line carries the report date, then the header. Written from the published column layout: columns
// are read by name, so reordered or added columns still read (unknown ones are reported).
import type { StatementDraft } from '../../model/statement.ts';
import { SourceError } from '../../model/errors.ts';
import type { ParseContext, SourceParser } from '../types.ts';
import { HeaderIndex } from '../csv-records.ts';
import { parseUkFiles, type UkLayout } from './uk-rows.ts';
import { ukDate } from './uk-fields.ts';
import type { UkRow } from './uk-entry.ts';

const REQUIRED = ['Unique ID', 'Name 6', 'Designation Type'];

const KNOWN = new Set(
  [
    'Last Updated', 'Unique ID', 'OFSI Group ID', 'UN Reference Number', 'Name 6', 'Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5',
    'Name type', 'Alias strength', 'Title', 'Name non-latin script', 'Non-latin script type', 'Non-latin script language',
    'Regime Name', 'Designation Type', 'Designation source', 'Sanctions Imposed', 'Other Information', 'UK Statement of Reasons',
    'Address Line 1', 'Address Line 2', 'Address Line 3', 'Address Line 4', 'Address Line 5', 'Address Line 6',
    'Address Postal Code', 'Address Country', 'Phone number', 'Website', 'Email address', 'Date Designated', 'D.O.B',
    'Nationality(/ies)', 'National Identifier number', 'National Identifier additional information', 'Passport number',
    'Passport additional information', 'Position', 'Gender', 'Town of birth', 'Country of birth', 'Type of entity', 'Subsidiaries',
    'Parent company', 'Business registration number (s)', 'IMO number', 'Current owner/operator (s)', 'Previous owner/operator (s)',
    'Current believed flag of ship', 'Previous flags', 'Type of ship', 'Tonnage of ship', 'Length of ship', 'Year Built',
    'Hull identification number (HIN)',
  ].map(HeaderIndex.key),
);

function readRow(h: HeaderIndex, c: string[], line: number): UkRow {
  const g = (...names: string[]) => h.get(c, ...names);
  return {
    line,
    key: g('Unique ID'),
    kind: g('Designation Type'),
    givenNames: [1, 2, 3, 4, 5].map((i) => g(`Name ${i}`)),
    surname: g('Name 6'),
    nameType: g('Name type'),
    aliasQuality: g('Alias strength'),
    title: g('Title'),
    nonLatinName: g('Name non-latin script'),
    nonLatinType: g('Non-latin script type'),
    nonLatinLanguage: g('Non-latin script language'),
    dob: g('D.O.B', 'DOB', 'Date of birth'),
    townOfBirth: g('Town of birth'),
    countryOfBirth: g('Country of birth'),
    nationality: g('Nationality(/ies)', 'Nationality', 'Nationalities'),
    passportNumber: g('Passport number'),
    passportDetails: g('Passport additional information'),
    nationalId: g('National Identifier number'),
    nationalIdDetails: g('National Identifier additional information'),
    position: g('Position'),
    addressLines: [1, 2, 3, 4, 5, 6].map((i) => g(`Address Line ${i}`)),
    postcode: g('Address Postal Code'),
    addressCountry: g('Address Country'),
    otherInfo: g('Other Information'),
    regime: g('Regime Name', 'Regime'),
    listedOn: g('Date Designated'),
    designatedOn: '',
    lastUpdated: g('Last Updated'),
    unReference: g('UN Reference Number'),
    ukReference: g('Unique ID'),
    ofsiGroupId: g('OFSI Group ID'),
    designationSource: g('Designation source'),
    sanctionsImposed: g('Sanctions Imposed'),
    statementOfReasons: g('UK Statement of Reasons'),
    phone: g('Phone number'),
    website: g('Website'),
    email: g('Email address'),
    gender: g('Gender'),
    entityType: g('Type of entity'),
    subsidiaries: g('Subsidiaries'),
    parentCompany: g('Parent company'),
    registrationNumbers: g('Business registration number (s)', 'Business registration number(s)'),
    imoNumber: g('IMO number'),
    currentOwners: g('Current owner/operator (s)', 'Current owner/operator(s)'),
    previousOwners: g('Previous owner/operator (s)', 'Previous owner/operator(s)'),
    flag: g('Current believed flag of ship'),
    previousFlags: g('Previous flags'),
    shipType: g('Type of ship'),
    tonnage: g('Tonnage of ship'),
    shipLength: g('Length of ship'),
    yearBuilt: g('Year Built'),
    hin: g('Hull identification number (HIN)'),
  };
}

/** The report date of a preamble line: `Report Date: 13-Jun-2024`, `Last Updated,13/06/2024`. */
function preambleDate(cells: string[]): string | undefined {
  for (const cell of cells) {
    const text = cell.replace(/^\s*(report date|last updated|date)\s*:?\s*/i, '').trim();
    const iso = text ? ukDate(text.split(/\s+/)[0]) : undefined;
    if (iso) return iso;
  }
  return undefined;
}

/** The UK Sanctions List layout: up to three lines (one with the date) before the header. */
const FCDO_LAYOUT: UkLayout = {
  header: 'a UK Sanctions List header',
  headerName: 'UK Sanctions List header',
  required: REQUIRED,
  known: KNOWN,
  keyColumn: 'Unique ID',
  readRow,
  preamble(cells, { line, file, before, onPublished }) {
    if (cells.some((cell) => HeaderIndex.key(cell) === 'unique id' || HeaderIndex.key(cell) === 'designation type')) return false;
    if (before >= 3) throw new SourceError(file, 'not a UK Sanctions List file: no header with "Unique ID" in its first lines', line);
    const iso = preambleDate(cells);
    if (iso) onPublished?.(iso);
    return true;
  },
};

export const ukSanctionsList: SourceParser = {
  format: 'uk-fcdo-csv',
  defaultDataset: 'gb_fcdo_sanctions',
  title: 'UK Sanctions List (FCDO)',
  publisher: 'Foreign, Commonwealth & Development Office (FCDO), United Kingdom',
  licence: 'Open Government Licence v3.0',
  officialUrls: { 'UK-Sanctions-List.csv': 'https://docs.fcdo.gov.uk/docs/UK-Sanctions-List.csv' },

  detect(_fileName: string, head: string): boolean {
    return /\bUnique ID\b/i.test(head) && /\bDesignation Type\b/i.test(head);
  },

  parse(files: string[], ctx: ParseContext): AsyncGenerator<StatementDraft> {
    return parseUkFiles(FCDO_LAYOUT, files, ctx, {
      list: 'UK Sanctions List',
      authority: 'Foreign, Commonwealth & Development Office (FCDO), United Kingdom',
      sourceUrl: 'https://www.gov.uk/government/publications/the-uk-sanctions-list',
    });
  },
};
