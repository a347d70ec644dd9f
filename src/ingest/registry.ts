// Every source format Interdict reads, in detection order (the more specific first).
import { ValidationError } from '../model/errors.ts';
import type { SourceParser } from '../sources/types.ts';
import type { DatasetKind } from '../store/types.ts';
import { ofacConsCsv, ofacSdnCsv } from '../sources/ofac/csv.ts';
import { ofacSdnXml } from '../sources/ofac/xml.ts';
import { ofacSdnAdvancedXml } from '../sources/ofac/advanced.ts';
import { unScXml } from '../sources/un/un-sc-xml.ts';
import { euFsfXml } from '../sources/eu/eu-fsf-xml.ts';
import { euFsfCsv } from '../sources/eu/eu-fsf-csv.ts';
import { ukOfsiConList } from '../sources/uk/ofsi-conlist.ts';
import { ukSanctionsList } from '../sources/uk/fcdo-sanctions-list.ts';
import { statementsCsv } from '../sources/statements/statements-csv.ts';
import { ftmDelta, ftmJson } from '../sources/ftm/ftm-json.ts';
import { armsTransfersCsv } from '../sources/transfers/csv.ts';
import { caseFileCsv } from '../sources/transfers/case-file.ts';

export const PARSERS: SourceParser[] = [
  ofacSdnCsv,
  ofacConsCsv,
  ofacSdnXml,
  ofacSdnAdvancedXml,
  unScXml,
  euFsfXml,
  euFsfCsv,
  ukOfsiConList,
  ukSanctionsList,
  caseFileCsv,
  armsTransfersCsv,
  statementsCsv,
  ftmDelta,
  ftmJson,
];

export function parserByFormat(format: string, parsers: SourceParser[] = PARSERS): SourceParser {
  const found = parsers.find((p) => p.format === format);
  if (!found) throw new ValidationError('format', `unknown format "${format}"; known: ${parsers.map((p) => p.format).join(', ')}`);
  return found;
}

/**
 * Formats that carry a publisher's list (or a restatement of one, as FtM exports): their datasets are
 * read-only to analysts. Claims, case files and transfers are analysts' datasets.
 */
const ANALYST_FORMATS = new Set(['statements-csv', 'interdict-case-csv', 'arms-transfers-csv']);

export function datasetKindOf(parser: SourceParser): DatasetKind {
  return ANALYST_FORMATS.has(parser.format) ? 'analyst' : 'publisher';
}

/** The datasets the publishers' formats write by default: never an analyst's, even before they exist. */
export const PUBLISHER_DATASETS: ReadonlySet<string> = new Set(PARSERS.filter((p) => datasetKindOf(p) === 'publisher').map((p) => p.defaultDataset));
