// The contract every source parser keeps: pure, streaming, no database.
import type { StatementDraft } from '../model/statement.ts';

export interface ParseContext {
  /** The dataset the statements go to (the parser's default unless the user chose another). */
  dataset: string;
  /** The parser calls this when the file states its own publication date (ISO yyyy-mm-dd). */
  published(date: string): void;
  /** Something odd but not fatal (an unparseable remark); reported to the user, not thrown. */
  warn(message: string): void;
}

// The items a parser yields live in the model, where the store reads them too.
export { isDeletion, type EntityDeletion, type ParsedItem } from '../model/parsed-item.ts';
import type { ParsedItem } from '../model/parsed-item.ts';

export interface SourceParser {
  /** Format name the user can pass as --format, e.g. `ofac-sdn-csv`. */
  format: string;
  /** Dataset written to unless the user names one: `us_ofac_sdn`, `un_sc_sanctions`, ... */
  defaultDataset: string;
  title: string;
  publisher: string;
  licence: string;
  /**
   * True when this parser reads the file, judged from its base name and its first bytes
   * (up to 4 KiB, decoded as latin1 so any encoding is safe to sniff).
   */
  detect(fileName: string, head: string): boolean;
  /**
   * Parse the files of one import (a CSV set: sdn.csv + add.csv + alt.csv + sdn_comments.csv)
   * and yield statements. Throws SourceError naming file and line on malformed input.
   */
  parse(files: string[], ctx: ParseContext): AsyncIterable<StatementDraft> | AsyncIterable<ParsedItem>;
  /** For formats that name their own dataset inside the file (FtM exports): that name, if any. */
  datasetOf?(files: string[]): Promise<string | undefined>;
  /** True for delta formats: the import starts from the previous live version. */
  delta?: boolean;
  /** Official download URLs for `interdict sync` (file name -> URL), where the publisher has them. */
  officialUrls?: Record<string, string>;
}
