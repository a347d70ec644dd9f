// Turns what a client sent (yente-style examples, CSV rows, CLI input) into clean query entities,
// or a ValidationError that names the offending field. Nothing invalid reaches the matcher.
import { ValidationError } from '../model/errors.ts';
import { MATCHABLE_SCHEMATA, model } from '../model/ftm.ts';
import { MAX_VALUE_LENGTH, MAX_VALUES_PER_PROPERTY } from './limits.ts';
import { propertyTypes } from './schema-props.ts';

/** A screening query: an FtM entity example. */
export interface QueryEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

const MATCHABLE = new Set<string>(MATCHABLE_SCHEMATA);
// C0 and C1 control characters, including tab and newlines: never part of a name or identifier.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NAME_PARTS = ['firstName', 'secondName', 'middleName', 'fatherName', 'lastName'];

/**
 * Validates one query example; `field` is its path in the request, e.g. `queries.q1`. A value that
 * cannot be read exactly (a date `1969-7-16`) is read leniently or left out, never fatal: `warnings`
 * receives a sentence naming it, so the record is still screened on everything else.
 */
export function parseQuery(raw: unknown, field: string, id: string, warnings: string[] = []): QueryEntity {
  if (!isPlainObject(raw)) throw new ValidationError(field, 'must be an object with "schema" and "properties"');
  const schema = parseSchema(raw.schema, `${field}.schema`);
  const rawProps = raw.properties ?? {};
  if (!isPlainObject(rawProps)) throw new ValidationError(`${field}.properties`, 'must be an object of property name to values');
  const properties: Record<string, string[]> = {};
  const nameErrors: ValidationError[] = [];
  const types = propertyTypes(schema);
  for (const [prop, value] of Object.entries(rawProps)) {
    const path = `${field}.properties.${prop}`;
    const type = types.get(prop);
    if (!type) throw new ValidationError(path, `unknown property for schema ${schema}`);
    if (type === 'entity') throw new ValidationError(path, 'entity references cannot be used in a screening query');
    const values = parseValues(value, path, type, warnings, nameErrors);
    if (values.length) properties[prop] = values;
  }
  if (!properties.name && NAME_PARTS.some((p) => properties[p])) {
    // Clients that only send name parts still deserve name matching.
    const full = NAME_PARTS.flatMap((p) => properties[p]?.slice(0, 1) ?? []).join(' ');
    properties.name = [full];
  }
  const hasName = Object.keys(properties).some((p) => types.get(p) === 'name');
  const hasIdentifier = Object.keys(properties).some((p) => types.get(p) === 'identifier');
  if (!hasName && !hasIdentifier) {
    throw nameErrors[0] ?? new ValidationError(`${field}.properties.name`, 'a query needs at least one name or identifier');
  }
  for (const err of nameErrors) warnings.push(`${err.message}; left out`);
  return { id, schema, properties };
}

export function parseSchema(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw new ValidationError(field, `is required (one of ${MATCHABLE_SCHEMATA.join(', ')})`);
  const schema = raw.trim();
  if (!model.schemata[schema]) throw new ValidationError(field, `unknown schema "${clip(schema)}"`);
  if (!MATCHABLE.has(schema)) {
    throw new ValidationError(field, `schema "${schema}" cannot be screened (use one of ${MATCHABLE_SCHEMATA.join(', ')})`);
  }
  return schema;
}

function parseValues(raw: unknown, field: string, type: string, warnings: string[], nameErrors: ValidationError[]): string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length > MAX_VALUES_PER_PROPERTY) throw new ValidationError(field, `too many values (limit ${MAX_VALUES_PER_PROPERTY})`);
  const out: string[] = [];
  list.forEach((item, i) => {
    const path = Array.isArray(raw) ? `${field}[${i}]` : field;
    if (item === null || item === undefined) return;
    if (typeof item === 'number' && Number.isFinite(item)) item = String(item);
    if (typeof item !== 'string') throw new ValidationError(path, 'must be a string or a list of strings');
    let value: string | null;
    try {
      value = parseValue(item, path, type, warnings);
    } catch (err) {
      // One unreadable value never stops a record: it is left out and named. A name is kept as an
      // error until the query is known to have no other usable name (parseQuery decides).
      if (!(err instanceof ValidationError)) throw err;
      if (type === 'name') nameErrors.push(err);
      else warnings.push(`${err.message}; left out`);
      return;
    }
    if (value !== null && !out.includes(value)) out.push(value);
  });
  return out;
}

function parseValue(raw: string, field: string, type: string, warnings: string[]): string | null {
  if (raw.length > MAX_VALUE_LENGTH) throw new ValidationError(field, `is too long (${raw.length} characters, limit ${MAX_VALUE_LENGTH})`);
  if (CONTROL.test(raw)) throw new ValidationError(field, 'contains control characters');
  if (LONE_SURROGATE.test(raw)) throw new ValidationError(field, 'is not well-formed Unicode');
  const value = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (value === '') {
    if (type === 'name') throw new ValidationError(field, 'must not be empty or whitespace');
    return null; // an empty optional cell, e.g. a blank birth_date column
  }
  if (type === 'name' && !/[\p{L}\p{N}]/u.test(value)) throw new ValidationError(field, 'must contain letters or digits');
  if (type === 'date') return readDate(value, field, warnings);
  if (type === 'country') return value.toLowerCase();
  return value;
}

/** FtM dates are ISO prefixes: YYYY, YYYY-MM or YYYY-MM-DD (a time part is dropped). */
export function parseDate(value: string, field: string): string {
  const m = ISO_DATE.exec(value);
  const bad = () => new ValidationError(field, `"${clip(value)}" is not a valid date (use YYYY, YYYY-MM or YYYY-MM-DD)`);
  if (!m) throw bad();
  const year = Number(m[1]);
  if (year < 1000 || year > 2999) throw bad();
  if (m[2] === undefined) return m[1];
  const month = Number(m[2]);
  if (month < 1 || month > 12) throw bad();
  if (m[3] === undefined) return `${m[1]}-${m[2]}`;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) throw bad();
  return `${m[1]}-${m[2]}-${m[3]}`;
}

const LOOSE_DATE = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/;
const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/**
 * A date as exactly as it can be read: `1969-7-16` → 1969-07-16; `1974-01-32` → 1974-01 (the day
 * cannot be); `08/01/1984` → 1984 (day and month order is ambiguous); `circa 1960` → 1960. Anything
 * else is left out (null). Every change is reported in `warnings`, naming the value.
 */
export function readDate(value: string, field: string, warnings: string[]): string | null {
  try {
    return parseDate(value, field);
  } catch {
    // read leniently below
  }
  const shown = `${field.replace(/^.*\.properties\./, '').replace(/\[\d+\]$/, '')} "${clip(value)}"`;
  const keep = (date: string, why: string) => {
    warnings.push(`${shown} read as ${date} (${why})`);
    return date;
  };
  const loose = LOOSE_DATE.exec(value);
  if (loose && validYear(loose[1])) {
    const [, year, m, d] = loose;
    const month = Number(m);
    if (month < 1 || month > 12) return keep(year, 'no such month');
    const ym = `${year}-${m.padStart(2, '0')}`;
    if (d === undefined) return keep(ym, 'month without its leading zero');
    const day = Number(d);
    if (day < 1 || day > new Date(Date.UTC(Number(year), month, 0)).getUTCDate()) return keep(ym, 'no such day');
    return keep(`${ym}-${d.padStart(2, '0')}`, 'written without leading zeros');
  }
  const dayFirst = DAY_FIRST.exec(value);
  if (dayFirst && validYear(dayFirst[3])) return keep(dayFirst[3], 'day and month order is ambiguous; the year is kept');
  const years = value.match(/\b\d{4}\b/g) ?? [];
  if (years.length === 1 && validYear(years[0]) && !/\d{5}/.test(value)) return keep(years[0], 'only the year can be read');
  warnings.push(`${shown} is not a date that can be read; left out`);
  return null;
}

function validYear(year: string): boolean {
  const y = Number(year);
  return y >= 1000 && y <= 2999;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
