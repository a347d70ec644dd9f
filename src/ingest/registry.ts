// Every source format Interdict reads, in detection order (the more specific first).
import { ValidationError } from '../model/errors.ts';
import type { SourceParser } from '../sources/types.ts';
import { ofacConsCsv, ofacSdnCsv } from '../sources/ofac/csv.ts';

export const PARSERS: SourceParser[] = [ofacSdnCsv, ofacConsCsv];

export function parserByFormat(format: string, parsers: SourceParser[] = PARSERS): SourceParser {
  const found = parsers.find((p) => p.format === format);
  if (!found) throw new ValidationError('format', `unknown format "${format}"; known: ${parsers.map((p) => p.format).join(', ')}`);
  return found;
}
