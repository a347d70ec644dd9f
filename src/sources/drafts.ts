// Small helpers to turn one list record into statement drafts: each entity emits its id first,
// values are trimmed and de-duplicated, and every (schema, prop) is checked against the FtM model
// (a wrong property name is a programming error, caught on the first record rather than in the store).
// Shared by the UN and EU parsers.
import type { StatementDraft } from '../model/statement.ts';
import { ID_PROP } from '../model/statement.ts';
import { hasProperty } from '../model/ftm.ts';

export interface DraftDefaults {
  /** "<file>:<line>" of the record. */
  locator: string;
  /** The listing date, where known. */
  claimDate?: string | null;
}

export interface ValueOptions {
  lang?: string | null;
  originalValue?: string | null;
  /** A more precise locator (the line of the alias or document element). */
  locator?: string;
}

/** Leading/trailing or repeated whitespace, or tabs and newlines. */
const NEEDS_CLEANING = /^\s|\s$|\s\s|[\t\n\r]/;

/** One entity's statements under construction. */
export class EntityDraft {
  private readonly seen = new Set<string>();

  constructor(
    private readonly sink: RecordDrafts,
    readonly id: string,
    readonly schema: string,
  ) {
    this.sink.push({ entityId: id, schema, prop: ID_PROP, value: id });
  }

  /** Add a value; empty values are skipped, repeated ones ignored. Returns this for chaining. */
  add(prop: string, value: string | null | undefined, options: ValueOptions = {}): this {
    if (value === null || value === undefined) return this;
    const text = NEEDS_CLEANING.test(value) ? value.replace(/\s+/g, ' ').trim() : value;
    if (text === '') return this;
    if (!hasProperty(this.schema, prop)) throw new Error(`FtM schema ${this.schema} has no property ${prop}`);
    const key = `${prop}\u0000${text}\u0000${options.lang ?? ''}`;
    if (this.seen.has(key)) return this;
    this.seen.add(key);
    const draft: StatementDraft = { entityId: this.id, schema: this.schema, prop, value: text };
    if (options.lang) draft.lang = options.lang;
    if (options.originalValue && options.originalValue !== text) draft.originalValue = options.originalValue;
    if (options.locator) draft.locator = options.locator;
    this.sink.push(draft);
    return this;
  }

  /** Add when the schema has the property, silently skip otherwise (e.g. imoNumber on a Person). */
  addIfAllowed(prop: string, value: string | null | undefined, options: ValueOptions = {}): this {
    return hasProperty(this.schema, prop) ? this.add(prop, value, options) : this;
  }

}

/** All statements of one record (the target and its sanction, documents, links), in order. */
export class RecordDrafts {
  readonly statements: StatementDraft[] = [];

  constructor(private readonly defaults: DraftDefaults) {}

  entity(id: string, schema: string): EntityDraft {
    return new EntityDraft(this, id, schema);
  }

  push(draft: StatementDraft): void {
    draft.locator ??= this.defaults.locator;
    if (this.defaults.claimDate) draft.claimDate = this.defaults.claimDate;
    draft.evidenceGrade = 'official';
    this.statements.push(draft);
  }
}

/**
 * An ISO date (or year-month, year) from a list's date text: `2017-12-22`, `2001-01-25-05:00`,
 * `2020-04-15T15:29:22.497+02:00`, `1968-00-00` (-> 1968). Undefined when it is not a date.
 */
export function isoDate(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const m = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (y === '0000') return undefined;
  if (!mo || mo === '00' || Number(mo) > 12) return y;
  if (!d || d === '00' || Number(d) > 31) return `${y}-${mo}`;
  return `${y}-${mo}-${d}`;
}

/** Years from..to inclusive, for birth-date ranges; only the ends when the span is implausibly long. */
export function yearRange(from: number, to: number): string[] {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1000 || to < from) return [];
  if (to - from > 10) return [String(from), String(to)];
  const out: string[] = [];
  for (let y = from; y <= to; y++) out.push(String(y));
  return out;
}

/** Join the non-empty parts of an address or place with ", ". */
export function joinParts(...parts: (string | null | undefined)[]): string | undefined {
  const kept = parts.map((p) => (p ?? '').replace(/\s+/g, ' ').trim()).filter((p) => p !== '' && p !== '-');
  return kept.length ? kept.join(', ') : undefined;
}

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

/** "21 April 2019" / "21 Apr. 2019" -> 2019-04-21; "April 2019" -> 2019-04. */
export function textDate(text: string): string | undefined {
  const m = /\b(?:(\d{1,2})\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})\b/i.exec(text);
  if (!m) return undefined;
  const month = MONTHS[m[2].toLowerCase()];
  return m[1] ? `${m[3]}-${month}-${m[1].padStart(2, '0')}` : `${m[3]}-${month}`;
}
