// The row loop both UK list formats share: lines before the header (a publication date), a header
// checked for its required columns, then one UkRow per non-blank record, each with its key.
import { SourceError } from '../../model/errors.ts';
import type { StatementDraft } from '../../model/statement.ts';
import type { ParseContext } from '../types.ts';
import { logicalName } from '../io.ts';
import { csvRecords, HeaderIndex } from '../csv-records.ts';
import { UkListWriter, type UkRow } from './uk-entry.ts';

export interface PreambleContext {
  line: number;
  file: string;
  /** Records seen before this one. */
  before: number;
  ctx: Pick<ParseContext, 'warn'>;
  onPublished?: (iso: string) => void;
}

export interface UkLayout {
  /** As errors name the header: `a UK Sanctions List header`, `an OFSI ConList header`. */
  header: string;
  /** As errors name the file's header when there is none: `UK Sanctions List header`. */
  headerName: string;
  required: string[];
  /** Known column names (HeaderIndex keys); others are warned about and ignored. */
  known: Set<string>;
  /** The key column, named in errors. */
  keyColumn: string;
  /**
   * A record before the header: returns true when it is not the header (and has dealt with it, e.g.
   * read the publication date); throws if no header can follow.
   */
  preamble(cells: string[], at: PreambleContext): boolean;
  readRow(h: HeaderIndex, cells: string[], line: number): UkRow;
  /** Row checks beyond the key (warnings). */
  check?(row: UkRow, line: number, file: string, ctx: Pick<ParseContext, 'warn'>): void;
}

export async function* readUkRows(layout: UkLayout, path: string, ctx: Pick<ParseContext, 'warn'>, onPublished?: (iso: string) => void): AsyncGenerator<UkRow> {
  const file = logicalName(path);
  let header: HeaderIndex | undefined;
  let rows = 0;
  let before = 0;
  for await (const { cells, line } of csvRecords(path, 'auto')) {
    if (!header) {
      if (layout.preamble(cells, { line, file, before: before++, ctx, onPublished })) continue;
      header = new HeaderIndex(cells);
      const missing = layout.required.filter((name) => !header!.has(name));
      if (missing.length) throw new SourceError(file, `not ${layout.header}: missing column(s) ${missing.map((m) => `"${m}"`).join(', ')}`, line);
      const unknown = cells.map((n) => n.trim()).filter((n) => n && !layout.known.has(HeaderIndex.key(n)));
      if (unknown.length) ctx.warn(`${file}:${line}: unknown column(s) ignored: ${unknown.join(', ')}`);
      continue;
    }
    if (cells.every((cell) => cell.trim() === '')) continue;
    const row = layout.readRow(header, cells, line);
    if (!row.key) throw new SourceError(file, `row without a ${layout.keyColumn}`, line);
    layout.check?.(row, line, file, ctx);
    rows++;
    yield row;
  }
  if (!header) throw new SourceError(file, `empty file: no ${layout.headerName}`);
  if (rows === 0) throw new SourceError(file, 'the list has no entries');
}

/** Statements of each file of a UK list, with the publisher's authority and page as their source. */
export async function* parseUkFiles(
  layout: UkLayout,
  files: string[],
  ctx: ParseContext,
  source: { list: string; authority: string; sourceUrl: string },
): AsyncGenerator<StatementDraft> {
  if (files.length === 0) throw new SourceError('(none)', `no ${source.list} file given`);
  for (const path of files) {
    const writer = new UkListWriter(ctx, { file: logicalName(path), authority: source.authority, sourceUrl: source.sourceUrl });
    for await (const row of readUkRows(layout, path, ctx, (iso) => ctx.published(iso))) yield* writer.row(row);
    yield* writer.finish();
  }
}
