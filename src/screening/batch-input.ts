// Reads a batch screening file: CSV with a header row (columns id, schema, name, birth_date,
// nationality, imo... understood without a map; others via `--map column=property`) or JSON lines
// of FtM-style queries. Rows that cannot be read are returned as errors with their line number,
// so the rest can still be screened.
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { SourceError, ValidationError } from '../model/errors.ts';
import { model } from '../model/ftm.ts';
import { isPlainObject, parseQuery, parseSchema, type QueryEntity } from './query.ts';
import { propertyTypes } from './schema-props.ts';

export interface InputRow {
  /** 1-based line where the row starts. */
  line: number;
  id: string;
  query?: QueryEntity;
  /** Why the row cannot be screened (no usable name, unreadable row); it is still written in its place. */
  error?: string;
  /** Values read leniently or left out, each named; the row is screened on the rest. */
  warnings?: string[];
}

export interface InputOptions {
  /** column → FtM property (or `id` / `schema`). */
  map?: Record<string, string>;
  format?: 'csv' | 'jsonl';
  /** Schema of rows that do not give one; without it a CSV needs a `schema` column. */
  schema?: string;
  /** Notes that are not errors (an ignored column). */
  warn?: (message: string) => void;
}

/** Column names understood without a map. */
export const DEFAULT_COLUMNS: Record<string, string> = {
  id: 'id',
  schema: 'schema',
  type: 'schema',
  name: 'name',
  full_name: 'name',
  alias: 'alias',
  birth_date: 'birthDate',
  date_of_birth: 'birthDate',
  dob: 'birthDate',
  nationality: 'nationality',
  citizenship: 'citizenship',
  country: 'country',
  jurisdiction: 'jurisdiction',
  gender: 'gender',
  imo: 'imoNumber',
  imo_number: 'imoNumber',
  mmsi: 'mmsi',
  passport: 'passportNumber',
  passport_number: 'passportNumber',
  id_number: 'idNumber',
  national_id: 'idNumber',
  tax_number: 'taxNumber',
  registration_number: 'registrationNumber',
  inn: 'innCode',
  ogrn: 'ogrnCode',
  serial_number: 'serialNumber',
};

/** Parses `column=property` pairs from the command line. */
export function parseColumnMap(pairs: string[] = []): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const column = pair.slice(0, eq).trim();
    const prop = pair.slice(eq + 1).trim();
    if (eq < 1 || !prop) throw new ValidationError('--map', `"${pair}" is not column=property`);
    if (prop !== 'id' && prop !== 'schema' && !isKnownProperty(prop)) throw new ValidationError('--map', `"${prop}" is not an FtM property of a screenable schema`);
    map[column] = prop;
  }
  return map;
}

export function detectFormat(file: string, head: string): 'csv' | 'jsonl' {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (/\.(jsonl|ndjson|json)$/.test(name)) return 'jsonl';
  if (/\.(csv|tsv|txt)$/.test(name)) return 'csv';
  return head.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

export async function readScreeningInput(file: string, options: InputOptions = {}): Promise<InputRow[]> {
  const rows: InputRow[] = [];
  for await (const row of await screeningInputRows(file, options)) rows.push(row);
  return rows;
}

/**
 * The rows of a screening input as they are read, for a file too large to hold (a portfolio of a
 * million records). A file that is not text is refused here; a row's own faults come with the row.
 */
export async function screeningInputRows(file: string, options: InputOptions = {}): Promise<AsyncGenerator<InputRow>> {
  if (options.schema !== undefined) parseSchema(options.schema, '--schema');
  const head = await readHead(file);
  checkText(file, head);
  const format = options.format ?? detectFormat(file, head.toString('utf8'));
  return format === 'jsonl' ? readJsonLines(file, options) : readCsv(file, options);
}

/**
 * Whether a file has more than `rows` lines, read only as far as that (so the caller can decide before
 * reading it); undefined for what cannot be read twice or counted by its bytes (stdin, gzip).
 */
export function hasRows(file: string, rows: number): boolean | undefined {
  if (file === '-' || file.endsWith('.gz')) return undefined;
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined; // reading it says why
  }
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let lines = 0;
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) {
      for (let at = buf.indexOf(10); at >= 0 && at < n; at = buf.indexOf(10, at + 1)) if (++lines > rows) return true;
    }
    return false;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Refuses what is not UTF-8 text (a spreadsheet file, a PDF, a UTF-16 or Windows-1252 export). */
function checkText(file: string, head: Buffer): void {
  const nul = head.indexOf(0);
  if (nul >= 0) throw new SourceError(file, `is not a text file (a NUL byte at offset ${nul}); give a CSV or JSON-lines file in UTF-8`);
  // A multi-byte character may be cut at the end of the sample: decode all but its last 3 bytes strictly.
  const sample = head.length >= HEAD_BYTES ? head.subarray(0, head.length - 3) : head;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample);
  } catch {
    let offset = 0;
    while (offset < sample.length && sample[offset] < 0x80) offset++;
    throw new SourceError(file, `is not UTF-8 text (byte 0x${sample[offset]?.toString(16) ?? '?'} near offset ${offset}); save it as UTF-8 (CSV UTF-8 in a spreadsheet)`);
  }
}

function open(file: string): NodeJS.ReadableStream {
  const stream = file === '-' ? process.stdin : createReadStream(file);
  return file.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
}

const HEAD_BYTES = 64 * 1024;

async function readHead(file: string): Promise<Buffer> {
  if (file === '-') return Buffer.alloc(0);
  const stream = open(file);
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      chunks.push(buf);
      length += buf.length;
      if (length >= HEAD_BYTES) break;
    }
  } catch (err) {
    throw new SourceError(file, `cannot be read: ${(err as Error).message}`);
  } finally {
    (stream as unknown as { destroy(): void }).destroy();
  }
  return Buffer.concat(chunks).subarray(0, HEAD_BYTES);
}

async function* readJsonLines(file: string, options: InputOptions): AsyncGenerator<InputRow> {
  let line = 0;
  for await (const text of createInterface({ input: open(file), crlfDelay: Infinity })) {
    line++;
    const trimmed = text.trim();
    if (!trimmed) continue;
    const fallbackId = String(line);
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch {
      yield { line, id: fallbackId, error: 'not valid JSON' };
      continue;
    }
    const id = isPlainObject(data) && (typeof data.id === 'string' || typeof data.id === 'number') ? String(data.id) : fallbackId;
    let row: InputRow;
    try {
      if (isPlainObject(data) && data.schema === undefined && options.schema === undefined) {
        throw new ValidationError('schema', 'is missing (give it on each line, or a default with --schema)');
      }
      const raw = isPlainObject(data) && data.schema === undefined ? { ...data, schema: options.schema } : data;
      const warnings: string[] = [];
      row = { line, id, query: parseQuery(raw, `line ${line}`, id, warnings), warnings };
    } catch (err) {
      row = { line, id, error: (err as Error).message };
    }
    yield row;
  }
}

/** A quoted field may span lines; a quote still open after this many lines is a broken row, not a long field. */
const MAX_LINES_PER_RECORD = 20;

/**
 * CSV records with the line each starts on. Each record is parsed on its own, so one malformed row
 * (a stray or unclosed quote, too many fields) is one error naming its own line, and the rows after
 * it are read as they are.
 */
function* csvRecords(lines: string[]): Generator<{ line: number; fields?: string[]; text: string; error?: string }> {
  let pending: string[] = [];
  let start = 0;
  const flushBroken = function* (): Generator<{ line: number; text: string; error: string }> {
    // The first line of an unclosed record is the broken row; the lines after it are read again.
    const [first] = pending;
    yield { line: start, text: first, error: 'a quote is not closed' };
  };
  for (let i = 0; i < lines.length; i++) {
    if (pending.length === 0) {
      if (lines[i].trim() === '') continue;
      start = i + 1;
    }
    pending.push(lines[i]);
    const text = pending.join('\n');
    const plain = pending.length === 1 ? plainCsvFields(text) : undefined;
    if (plain) {
      pending = [];
      yield { line: start, fields: plain, text };
      continue;
    }
    try {
      const parsed = parseCsv(text, { relax_quotes: false, relax_column_count: true, trim: true }) as string[][];
      pending = [];
      yield { line: start, fields: parsed[0] ?? [], text };
    } catch (err) {
      const unclosed = /Quote Not Closed/i.test((err as Error).message);
      if (unclosed && pending.length < MAX_LINES_PER_RECORD && i + 1 < lines.length) continue;
      if (pending.length > 1) {
        yield* flushBroken();
        i = start - 1; // resume on the line after the broken one
      } else {
        yield { line: start, text, error: (err as Error).message.replace(/ at line \d+/, '') };
      }
      pending = [];
    }
  }
}

/**
 * The fields of a line without quotes whose fields need no trimming, as csv-parse reads it (checked
 * against it in batch.test.ts); undefined for any other line. Parsing each line with csv-parse costs
 * ≈ 40 µs (its parser set up afresh), which made reading a 60,000-row file seconds of the CLI's run.
 */
export function plainCsvFields(line: string): string[] | undefined {
  if (line.includes('"')) return undefined;
  const fields = line.split(',');
  for (const f of fields) if (f.length > 0 && (EDGE_SPACE.test(f[0]) || EDGE_SPACE.test(f[f.length - 1]))) return undefined;
  return fields;
}
const EDGE_SPACE = /\s/;

async function* readCsv(file: string, options: InputOptions): AsyncGenerator<InputRow> {
  let header: string[] | undefined;
  /** Each read column's place in the header, and its property. */
  let cells: [number, string][] = [];
  let idColumn = -1;
  const warned = new Set<string>();
  const warnOnce = (key: string, message: string) => {
    if (!warned.has(key)) {
      warned.add(key);
      options.warn?.(message);
    }
  };
  // Read whole, then parsed without awaiting row by row (a promise and a turn of the event loop each).
  const lines: string[] = [];
  for await (const text of createInterface({ input: open(file), crlfDelay: Infinity })) lines.push(lines.length === 0 ? text.replace(/^\uFEFF/, '') : text);
  for (const record of csvRecords(lines)) {
    if (!header) {
      if (!record.fields) throw new SourceError(file, `the header cannot be read: ${record.error}`, record.line);
      const names = (header = record.fields);
      cells = [...resolveColumns(file, header, options, (m) => warnOnce(m, m))].map(([column, prop]) => [names.indexOf(column), prop]);
      idColumn = cells.find(([, prop]) => prop === 'id')?.[0] ?? -1;
      continue;
    }
    const { line } = record;
    if (!record.fields || record.fields.length !== header.length) {
      // Name the row by its own id where the first fields can still be read.
      const guess = idColumn >= 0 ? (record.fields ?? record.text.split(','))[idColumn]?.replace(/^"|"$/g, '').trim() : '';
      const why = record.fields ? `has ${record.fields.length} fields where the header has ${header.length}` : record.error;
      yield { line, id: guess || `line-${line}`, error: `cannot read CSV row: ${why}` };
      continue;
    }
    const props: Record<string, string[]> = {};
    let id = '';
    let schema = '';
    for (const [at, prop] of cells) {
      const value = record.fields[at] ?? '';
      if (prop === 'id') id = value;
      else if (prop === 'schema') schema = value;
      else if (value !== '') (props[prop] ??= []).push(value);
    }
    id ||= `line-${line}`;
    schema ||= options.schema ?? '';
    if (model.schemata[schema]) {
      const types = propertyTypes(schema);
      for (const prop of Object.keys(props)) {
        if (!types.has(prop)) {
          // A shared sheet has columns that do not apply to every row (an IMO on a person).
          warnOnce(`${schema}:${prop}`, `column for "${prop}" ignored on ${schema} rows (not a ${schema} property)`);
          delete props[prop];
        }
      }
    }
    let row: InputRow;
    try {
      if (!schema) throw new ValidationError('schema', 'is empty (give one in the schema column, or a default with --schema)');
      const warnings: string[] = [];
      row = { line, id, query: parseQuery({ schema, properties: props }, `line ${line}`, id, warnings), warnings };
    } catch (err) {
      row = { line, id, error: (err as Error).message };
    }
    yield row;
  }
  if (!header) throw new SourceError(file, 'is empty: expected a header row (id,schema,name,...) and rows');
}

function resolveColumns(file: string, header: string[], options: InputOptions, warn: (m: string) => void): Map<string, string> {
  const map = options.map ?? {};
  const columns = new Map<string, string>();
  for (const column of header) {
    const key = column.trim();
    const prop = map[key] ?? DEFAULT_COLUMNS[key.toLowerCase()] ?? (isKnownProperty(key) ? key : undefined);
    if (prop) columns.set(column, prop);
    else warn(`column "${key}" ignored (map it with --map ${key}=property)`);
  }
  for (const column of Object.keys(map)) if (!header.includes(column)) throw new ValidationError('--map', `no column "${column}" in the input`);
  if (![...columns.values()].some((p) => NAME_PROPS.has(p))) {
    throw new SourceError(file, `no name column (found ${header.map((h) => `"${h.slice(0, 40)}"`).join(', ')}); expected name, or map one with --map COLUMN=name`, 1);
  }
  if (![...columns.values()].includes('schema') && options.schema === undefined) {
    throw new SourceError(file, 'no schema column: add one (Person, Company, Organization, LegalEntity, Vessel, Airplane) or give every row a default with --schema', 1);
  }
  return columns;
}

/** Properties that carry a name in some screenable schema. */
const NAME_PROPS = new Set(['name', 'alias', 'weakAlias', 'previousName', 'firstName', 'lastName', 'middleName', 'fatherName', 'secondName']);

const screenableProps = new Set<string>();
function isKnownProperty(prop: string): boolean {
  if (screenableProps.size === 0) {
    for (const s of ['Person', 'Company', 'Organization', 'LegalEntity', 'Vessel', 'Airplane']) {
      for (const name of propertyTypes(s).keys()) screenableProps.add(name);
    }
  }
  return screenableProps.has(prop);
}
