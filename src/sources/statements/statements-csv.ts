// The statements CSV: the nomenklatura statement layout plus Interdict's provenance columns. It is how
// analysts and the case-file author write graded, cited claims, and how statements are exported.
//
//   entity_id,prop,schema,value,dataset,lang,original_value,first_seen,last_seen,
//   source_document,locator,claim_date,evidence_grade
//
// Every row needs an evidence grade; a claim graded below `official` needs its source document.
// Rows are checked against the FtM model (schema, property, and the value's type for dates,
// countries and entity references) and fail with the file and line. A cell the writer escaped for
// spreadsheets (a leading quote before = + - @, OWASP's rule) reads back as the value it stands for.
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import type { Statement, StatementDraft } from '../../model/statement.ts';
import { ID_PROP } from '../../model/statement.ts';
import { SourceError } from '../../model/errors.ts';
import { hasProperty, model, propertyType, schemaIsA } from '../../model/ftm.ts';
import { commonSchema } from '../../model/entity.ts';
import { isEvidenceGrade, EVIDENCE_GRADES } from '../../model/grades.ts';
import type { ParseContext, SourceParser } from '../types.ts';
import { logicalName } from '../io.ts';
import { csvRecords, HeaderIndex } from '../csv-records.ts';
import { isCountry } from '../countries.ts';
import { spreadsheetSafe } from '../../model/spreadsheet.ts';

export const STATEMENT_COLUMNS = [
  'entity_id', 'prop', 'schema', 'value', 'dataset', 'lang', 'original_value', 'first_seen', 'last_seen',
  'source_document', 'locator', 'claim_date', 'evidence_grade',
] as const;

const REQUIRED = ['entity_id', 'prop', 'schema', 'value', 'evidence_grade'];

/** A draft with the column the CSV carries beyond StatementDraft (the store may keep it). */
export interface CsvStatementDraft extends StatementDraft {
  dataset?: string | null;
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const LANG = /^[a-z]{2,3}$/;

/** Whether a value fits its FtM property type; returns the problem, or undefined. */
function valueProblem(schema: string, prop: string, value: string): string | undefined {
  switch (propertyType(schema, prop)) {
    case 'date':
      return ISO_DATE.test(value) ? undefined : `"${value}" is not an ISO date (yyyy, yyyy-mm, yyyy-mm-dd)`;
    case 'country':
      return /^[a-z]{2}(-[a-z]+)?$/.test(value) && isCountry(value) ? undefined : `"${value}" is not an FtM country code (e.g. kp, ru)`;
    case 'entity':
      return ENTITY_ID.test(value) ? undefined : `"${value}" is not an entity id`;
    default:
      return undefined;
  }
}

export const statementsCsv: SourceParser = {
  format: 'statements-csv',
  defaultDataset: 'analyst',
  title: 'Statements (graded, cited claims)',
  publisher: 'Interdict analysts',
  licence: 'as stated by the author',

  detect(_fileName: string, head: string): boolean {
    const header = head.split(/\r?\n/, 1)[0].replace(/^\uFEFF/, '');
    return /(^|,)entity_id(,|$)/.test(header) && /(^|,)evidence_grade(,|$)/.test(header) && /(^|,)prop(,|$)/.test(header);
  },

  async *parse(files: string[], ctx: ParseContext): AsyncGenerator<CsvStatementDraft> {
    if (files.length === 0) throw new SourceError('(none)', 'no statements file given');
    const schemaOf = new Map<string, string>();
    let otherDatasets = 0;
    for (const path of files) {
      const file = logicalName(path);
      let header: HeaderIndex | undefined;
      let rows = 0;
      for await (const { cells, line } of csvRecords(path, 'utf8')) {
        if (!header) {
          header = new HeaderIndex(cells);
          const missing = REQUIRED.filter((c) => !header!.has(c));
          if (missing.length) throw new SourceError(file, `not a statements CSV header: missing column(s) ${missing.join(', ')}`, line);
          const unknown = cells.filter((c) => c.trim() && !(STATEMENT_COLUMNS as readonly string[]).includes(HeaderIndex.key(c)));
          if (unknown.length) ctx.warn(`${file}:${line}: unknown column(s) ignored: ${unknown.join(', ')}`);
          continue;
        }
        if (cells.every((c) => c.trim() === '')) continue;
        const get = (name: string) => unquoteCell(header!.get(cells, name));
        const fail: (detail: string, record?: string) => never = (detail, record) => {
          throw new SourceError(file, detail, line, record);
        };
        const entityId = get('entity_id');
        const prop = get('prop');
        const schema = get('schema');
        const value = get('value');
        const grade = get('evidence_grade');
        const sourceDocument = get('source_document') || null;
        if (!entityId) fail('entity_id is empty');
        if (!ENTITY_ID.test(entityId)) fail(`invalid entity_id "${entityId}" (letters, digits, . _ : - only)`);
        const s = model.schemata[schema];
        if (!s) fail(`unknown FtM schema "${schema}"`, entityId);
        if (prop !== ID_PROP && !hasProperty(schema, prop)) fail(`FtM schema ${schema} has no property "${prop}"`, entityId);
        if (!value) fail(`value is empty (${schema}.${prop})`, entityId);
        if (!isEvidenceGrade(grade)) fail(`evidence_grade "${grade}" is not one of ${EVIDENCE_GRADES.join(', ')}`, entityId);
        if (grade !== 'official' && !sourceDocument) fail(`a claim graded "${grade}" needs a source_document`, entityId);
        const problem = prop === ID_PROP ? (value === entityId ? undefined : `the id statement's value must be the entity_id`) : valueProblem(schema, prop, value);
        if (problem) fail(`${schema}.${prop}: ${problem}`, entityId);
        const claimDate = get('claim_date') || null;
        const firstSeen = get('first_seen') || null;
        const lastSeen = get('last_seen') || null;
        for (const [name, date] of [['claim_date', claimDate], ['first_seen', firstSeen], ['last_seen', lastSeen]] as const) {
          if (date && !ISO_DATE.test(date)) fail(`${name} "${date}" is not an ISO date`, entityId);
        }
        const lang = get('lang') || null;
        if (lang && !LANG.test(lang)) fail(`lang "${lang}" is not an ISO 639 code (e.g. kor, rus)`, entityId);
        const dataset = get('dataset') || null;
        if (dataset && dataset !== ctx.dataset) otherDatasets++;

        const known = schemaOf.get(entityId);
        if (known && known !== schema) {
          const merged = commonSchema(known, schema);
          if (merged === known && !schemaIsA(known, schema)) fail(`entity ${entityId} is a ${known} on an earlier line, not a ${schema}`, entityId);
          schemaOf.set(entityId, merged);
        }
        const draft: CsvStatementDraft = {
          entityId,
          schema,
          prop,
          value,
          lang,
          originalValue: get('original_value') || null,
          locator: get('locator') || `${file}:${line}`,
          claimDate,
          evidenceGrade: grade,
          sourceDocument,
          dataset,
          firstSeen,
          lastSeen,
        };
        // Every entity gets its id statement first, even when the author wrote only claims.
        if (!known) {
          schemaOf.set(entityId, schema);
          if (prop !== ID_PROP) yield { ...draft, prop: ID_PROP, value: entityId, lang: null, originalValue: null };
        }
        rows++;
        yield draft;
      }
      if (!header) throw new SourceError(file, 'empty file: no statements header');
      if (rows === 0) throw new SourceError(file, 'no statements');
    }
    if (otherDatasets) ctx.warn(`${otherDatasets} statement(s) name another dataset in their "dataset" column; imported into ${ctx.dataset}`);
  },
};

type AnyStatement = Statement | CsvStatementDraft;

/**
 * A cell a spreadsheet would evaluate gets a leading quote (spreadsheetSafe); so does one that already
 * starts with quotes before such a character, so `unquoteCell` gives every value back exactly.
 */
function safeCell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? `'${value}` : spreadsheetSafe(value);
}

/** The value a safeCell-escaped cell stands for. */
function unquoteCell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** Write statements (stored, or drafts with their dataset) as a statements CSV. Returns the row count. */
export async function writeStatementsCsv(statements: AsyncIterable<AnyStatement> | Iterable<AnyStatement>, out: Writable, dataset?: string): Promise<number> {
  const put = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await put(stringify([[...STATEMENT_COLUMNS]]));
  let n = 0;
  for await (const s of statements) {
    const row = [
      s.entityId,
      s.prop,
      s.schema,
      s.value,
      s.dataset ?? dataset ?? '',
      s.lang ?? '',
      s.originalValue ?? '',
      s.firstSeen ?? '',
      s.lastSeen ?? '',
      s.sourceDocument ?? '',
      s.locator ?? '',
      s.claimDate ?? '',
      s.evidenceGrade ?? '',
    ];
    await put(stringify([row.map(safeCell)]));
    n++;
  }
  return n;
}
