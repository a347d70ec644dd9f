// Reads a batch screening file: CSV with a header row (columns id, schema, name, birth_date,
// nationality, imo... understood without a map; others via `--map column=property`) or JSON lines
// of FtM-style queries. Rows that cannot be read are returned as errors with their line number,
// so the rest can still be screened.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { ValidationError } from '../model/errors.ts';
import { model } from '../model/ftm.ts';
import { isPlainObject, parseQuery, type QueryEntity } from './query.ts';
import { propertyTypes } from './schema-props.ts';

export interface InputRow {
  /** 1-based line where the row starts. */
  line: number;
  id: string;
  query?: QueryEntity;
  error?: string;
}

export interface InputOptions {
  /** column → FtM property (or `id` / `schema`). */
  map?: Record<string, string>;
  format?: 'csv' | 'jsonl';
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
  const format = options.format ?? detectFormat(file, await readHead(file));
  return format === 'jsonl' ? readJsonLines(file) : readCsv(file, options);
}

function open(file: string): NodeJS.ReadableStream {
  const stream = file === '-' ? process.stdin : createReadStream(file);
  return file.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
}

async function readHead(file: string): Promise<string> {
  if (file === '-') return '';
  const stream = open(file);
  for await (const chunk of stream) {
    (stream as unknown as { destroy(): void }).destroy();
    return String(chunk).slice(0, 1024);
  }
  return '';
}

async function readJsonLines(file: string): Promise<InputRow[]> {
  const rows: InputRow[] = [];
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
      rows.push({ line, id: fallbackId, error: 'not valid JSON' });
      continue;
    }
    const id = isPlainObject(data) && (typeof data.id === 'string' || typeof data.id === 'number') ? String(data.id) : fallbackId;
    try {
      const raw = isPlainObject(data) && data.schema === undefined ? { ...data, schema: defaultSchema(data.properties) } : data;
      rows.push({ line, id, query: parseQuery(raw, 'query', id) });
    } catch (err) {
      rows.push({ line, id, error: (err as Error).message });
    }
  }
  return rows;
}

async function readCsv(file: string, options: InputOptions): Promise<InputRow[]> {
  const rows: InputRow[] = [];
  const parser = open(file).pipe(
    parse({ bom: true, columns: true, skip_empty_lines: true, trim: true, info: true, skip_records_with_error: true, relax_quotes: false }),
  );
  parser.on('skip', (err: Error & { lines?: number }) => {
    rows.push({ line: err.lines ?? 0, id: String(err.lines ?? '?'), error: `cannot read CSV row: ${err.message}` });
  });
  let columns: Map<string, string> | undefined;
  const warned = new Set<string>();
  const warnOnce = (key: string, message: string) => {
    if (!warned.has(key)) {
      warned.add(key);
      options.warn?.(message);
    }
  };
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    columns ??= resolveColumns(Object.keys(record), options.map ?? {}, (m) => warnOnce(m, m));
    const line = info.lines;
    const props: Record<string, string[]> = {};
    let id = '';
    let schema = '';
    for (const [column, prop] of columns) {
      const value = record[column] ?? '';
      if (prop === 'id') id = value;
      else if (prop === 'schema') schema = value;
      else if (value !== '') (props[prop] ??= []).push(value);
    }
    id ||= String(rows.length + 1);
    schema ||= defaultSchema(props);
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
    try {
      rows.push({ line, id, query: parseQuery({ schema, properties: props }, `line ${line}`, id) });
    } catch (err) {
      rows.push({ line, id, error: (err as Error).message });
    }
  }
  rows.sort((a, b) => a.line - b.line);
  return rows;
}

function resolveColumns(header: string[], map: Record<string, string>, warn: (m: string) => void): Map<string, string> {
  const columns = new Map<string, string>();
  for (const column of header) {
    const key = column.trim();
    const prop = map[key] ?? DEFAULT_COLUMNS[key.toLowerCase()] ?? (isKnownProperty(key) ? key : undefined);
    if (prop) columns.set(column, prop);
    else warn(`column "${key}" ignored (map it with --map ${key}=property)`);
  }
  for (const column of Object.keys(map)) if (!header.includes(column)) throw new ValidationError('--map', `no column "${column}" in the input`);
  if (![...columns.values()].some((p) => p !== 'id' && p !== 'schema')) {
    throw new ValidationError('--input', `no usable columns (found ${header.join(', ')}); expected name, or map columns with --map`);
  }
  return columns;
}

function defaultSchema(props: unknown): string {
  const p = isPlainObject(props) ? props : {};
  return p.imoNumber || p.mmsi ? 'Vessel' : 'LegalEntity';
}

const screenableProps = new Set<string>();
function isKnownProperty(prop: string): boolean {
  if (screenableProps.size === 0) {
    for (const s of ['Person', 'Company', 'Organization', 'LegalEntity', 'Vessel', 'Airplane']) {
      for (const name of propertyTypes(s).keys()) screenableProps.add(name);
    }
  }
  return screenableProps.has(prop);
}
