// Streaming CSV records with line numbers, over text whose encoding may have to be guessed.
// The OFSI ConList was published in Windows-1252 for years and in UTF-8 later; both must read right.
// Shared by the UK lists, the statements CSV, FtM JSON lines and the EU CSV (its decoding).
import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { SourceError } from '../model/errors.ts';
import { LIMITS, logicalName, openBytes } from './io.ts';

/** `auto`: UTF-8 unless the first non-ASCII bytes are not valid UTF-8, then Windows-1252. */
export type TextEncoding = 'utf8' | 'win1252' | 'auto';

export interface CsvRecord {
  cells: string[];
  /** 1-based line where the record ends (the same as where it starts, unless a cell spans lines). */
  line: number;
}

const NEWLINE = 0x0a;

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** True when the bytes from `start` up to the end of that line decode as UTF-8. */
function lineIsUtf8(chunk: Buffer, start: number): boolean {
  const end = chunk.indexOf(NEWLINE, start);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(start, end < 0 ? chunk.length : end), { stream: end < 0 });
    return true;
  } catch {
    return false;
  }
}

/** The 1-based line of the first invalid UTF-8 sequence in `chunk`, counting from `firstLine`. */
function badUtf8Line(chunk: Buffer, firstLine: number): number {
  let line = firstLine;
  let start = 0;
  while (start < chunk.length) {
    if (!lineIsUtf8(chunk, start)) return line;
    const end = chunk.indexOf(NEWLINE, start);
    if (end < 0) break;
    start = end + 1;
    line++;
  }
  return line;
}

/**
 * Decode a byte stream to text. With `auto`, the decision is made at the first byte above 0x7F:
 * Windows-1252 text is almost never valid UTF-8 there, and UTF-8 text always is. A UTF-8 file
 * that later turns invalid (mixed encodings) is an error, not silently patched with U+FFFD.
 */
export async function* decodeText(bytes: AsyncIterable<Buffer>, file: string, encoding: TextEncoding): AsyncGenerator<string> {
  let chosen: 'utf8' | 'win1252' | undefined = encoding === 'auto' ? undefined : encoding;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const cp1252 = iconv.getDecoder('win1252');
  let lines = 1;
  for await (const raw of bytes) {
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
    if (!chosen) {
      const high = chunk.findIndex((b) => b > 0x7f);
      if (high >= 0) chosen = lineIsUtf8(chunk, high) ? 'utf8' : 'win1252';
    }
    let text: string;
    if (chosen === 'win1252') text = cp1252.write(chunk);
    else {
      try {
        text = utf8.decode(chunk, { stream: true });
      } catch {
        throw new SourceError(file, 'not valid UTF-8 text (wrong or mixed encoding)', badUtf8Line(chunk, lines));
      }
    }
    lines += countNewlines(text);
    if (text) yield text;
  }
  const tail = chosen === 'win1252' ? cp1252.end() ?? '' : utf8.decode();
  if (tail) yield tail;
}

/** Every CSV record of a (possibly gzipped) file, cells as strings, with its line number. */
export async function* csvRecords(path: string, encoding: TextEncoding = 'auto'): AsyncGenerator<CsvRecord> {
  const file = logicalName(path);
  const source = Readable.from(decodeText(openBytes(path), file, encoding));
  const parser = parse({ relax_column_count: true, info: true, bom: true, skip_empty_lines: true, max_record_size: LIMITS.maxLine });
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { cells: item.record, line: item.info.lines };
    }
  } catch (e) {
    if (e instanceof SourceError) throw e;
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines;
      throw new SourceError(file, `malformed CSV: ${e.message}`, line);
    }
    throw new SourceError(file, `cannot read file: ${(e as Error).message}`);
  } finally {
    source.destroy();
  }
}

/** Column positions by header name (trimmed, case-insensitive), with lookup helpers for a row. */
export class HeaderIndex {
  private readonly positions = new Map<string, number>();

  constructor(readonly names: string[]) {
    names.forEach((name, i) => {
      const key = HeaderIndex.key(name);
      if (key && !this.positions.has(key)) this.positions.set(key, i);
    });
  }

  static key(name: string): string {
    return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');
  }

  has(name: string): boolean {
    return this.positions.has(HeaderIndex.key(name));
  }

  /** The trimmed cell under the first of `names` present in the header, or ''. */
  get(cells: string[], ...names: string[]): string {
    for (const name of names) {
      const i = this.position(name);
      if (i !== undefined) return (cells[i] ?? '').trim();
    }
    return '';
  }

  // Parsers ask for the same literal names on every row: remember each answer.
  private readonly byRawName = new Map<string, number | undefined>();
  private position(name: string): number | undefined {
    if (this.byRawName.has(name)) return this.byRawName.get(name);
    const i = this.positions.get(HeaderIndex.key(name));
    this.byRawName.set(name, i);
    return i;
  }
}
