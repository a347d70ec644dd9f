// Arms transfers from CSV (layout in docs/TRANSFERS.md): one row per claim. The first row of a
// transfer_id gives its properties; later rows with the same id add claims about it, such as a
// denial (status `denied`, grade `denied`) with its own source. Every row must cite a source.
import { SourceError } from '../../model/errors.ts';
import { isEvidenceGrade, EVIDENCE_GRADES } from '../../model/grades.ts';
import type { StatementDraft } from '../../model/statement.ts';
import { parseDateSpan } from '../../model/date-span.ts';
import { csvRecords } from '../csv-records.ts';
import { logicalName } from '../io.ts';
import type { ParseContext, SourceParser } from '../types.ts';
import {
  ARMS_TRANSFER,
  DATE_QUALIFIERS,
  DEAL_LEGS,
  END_USES,
  isItemCategory,
  ITEM_CATEGORIES,
  NUMBER_RE,
  TRANSFER_MEANS,
  TRANSFER_PURPOSES,
  TRANSFER_STATUSES,
  WEAPON_CATEGORIES,
} from '../../model/arms-transfer.ts';

/** CSV column -> ArmsTransfer property, and how to read it. */
const COLUMNS: Record<string, { prop: string; multi?: boolean; kind?: 'entity' | 'date' | 'country' | 'enum' | 'category' | 'bool' | 'number'; values?: readonly string[] }> = {
  name: { prop: 'name' },
  supplier: { prop: 'supplier', multi: true, kind: 'entity' },
  recipient: { prop: 'recipient', multi: true, kind: 'entity' },
  intermediaries: { prop: 'intermediaries', multi: true, kind: 'entity' },
  carrier: { prop: 'carrier', multi: true, kind: 'entity' },
  claimant: { prop: 'claimant', multi: true, kind: 'entity' },
  origin_country: { prop: 'originCountry', multi: true, kind: 'country' },
  destination_country: { prop: 'destinationCountry', multi: true, kind: 'country' },
  item_category: { prop: 'itemCategory', multi: true, kind: 'category' },
  item_designation: { prop: 'itemDesignation', multi: true },
  item_description: { prop: 'itemDescription' },
  quantity: { prop: 'quantity' },
  number_ordered: { prop: 'numberOrdered', kind: 'number' },
  number_delivered: { prop: 'numberDelivered', kind: 'number' },
  weapon_category: { prop: 'weaponCategory', multi: true, kind: 'enum', values: WEAPON_CATEGORIES },
  deal: { prop: 'deal', kind: 'entity' },
  leg: { prop: 'leg', kind: 'enum', values: DEAL_LEGS },
  end_use: { prop: 'endUse', multi: true, kind: 'enum', values: END_USES },
  committee_notified: { prop: 'committeeNotified', kind: 'bool' },
  order_date: { prop: 'orderDate', kind: 'date' },
  delivery_date: { prop: 'deliveryDate', kind: 'date' },
  date_qualifier: { prop: 'dateQualifier', kind: 'enum', values: DATE_QUALIFIERS },
  route: { prop: 'route' },
  means: { prop: 'means', multi: true, kind: 'enum', values: TRANSFER_MEANS },
  status: { prop: 'status', multi: true, kind: 'enum', values: TRANSFER_STATUSES },
  purpose: { prop: 'purpose', multi: true, kind: 'enum', values: TRANSFER_PURPOSES },
  military_end_use: { prop: 'militaryEndUse', kind: 'bool' },
  in_exchange_for: { prop: 'inExchangeFor', multi: true, kind: 'entity' },
  notes: { prop: 'notes' },
};
const PROVENANCE = ['transfer_id', 'evidence_grade', 'source_document', 'locator', 'claim_date'] as const;
export const TRANSFER_CSV_COLUMNS = [...PROVENANCE, ...Object.keys(COLUMNS)];
const REQUIRED = ['transfer_id', 'evidence_grade', 'source_document'];
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9.-]*$/;

/** Statements of the transfers in a CSV file; throws SourceError naming file, line and column. */
export async function* readTransfersCsv(file: string, warn: (m: string) => void = () => undefined): AsyncGenerator<StatementDraft> {
  const name = logicalName(file);
  let header: string[] | undefined;
  for await (const { cells, line } of csvRecords(file, 'utf8')) {
    if (!header) {
      header = cells.map((c) => c.trim());
      for (const c of REQUIRED) if (!header.includes(c)) throw new SourceError(name, `missing column "${c}" (layout: docs/TRANSFERS.md)`, line);
      for (const c of header) if (!TRANSFER_CSV_COLUMNS.includes(c)) warn(`${name}: unknown column "${c}" ignored`);
      continue;
    }
    if (cells.length !== header.length) throw new SourceError(name, `${cells.length} fields where the header has ${header.length}`, line);
    const record: Record<string, string> = {};
    header.forEach((column, i) => (record[column] = cells[i].trim()));
    yield* rowStatements(record, name, line);
  }
}

function rowStatements(row: Record<string, string>, file: string, line: number): StatementDraft[] {
  const fail = (column: string, detail: string): never => {
    throw new SourceError(file, `column ${column}: ${detail}`, line, row.transfer_id || undefined);
  };
  const id = row.transfer_id ?? '';
  if (!ID_RE.test(id)) fail('transfer_id', `"${id}" is not an entity id (letters, digits, dots and dashes)`);
  const grade = row.evidence_grade ?? '';
  if (!isEvidenceGrade(grade)) fail('evidence_grade', `"${grade}" is not one of ${EVIDENCE_GRADES.join(', ')}`);
  const sourceDocument = row.source_document ?? '';
  if (!sourceDocument) fail('source_document', 'every claim must cite its source');
  const claimDate = row.claim_date || null;
  if (claimDate && !parseDateSpan(claimDate)) fail('claim_date', `"${claimDate}" is not an ISO date`);
  const base = {
    entityId: id,
    schema: ARMS_TRANSFER,
    evidenceGrade: grade as StatementDraft['evidenceGrade'],
    sourceDocument,
    locator: row.locator ? `${row.locator} (${file}:${line})` : `${file}:${line}`,
    claimDate,
  };
  const out: StatementDraft[] = [{ ...base, prop: 'id', value: id }];
  for (const [column, spec] of Object.entries(COLUMNS)) {
    const raw = row[column];
    if (!raw) continue;
    const values = spec.multi ? raw.split(';').map((v) => v.trim()).filter(Boolean) : [raw.trim()];
    for (const value of values) {
      switch (spec.kind) {
        case 'entity':
          if (!ID_RE.test(value)) fail(column, `"${value}" is not an entity id`);
          break;
        case 'date': {
          const span = parseDateSpan(value);
          if (!span) fail(column, `"${value}" is not an ISO date or a range like 2016/2021`);
          else if (span.start > span.end) fail(column, `range "${value}" ends before it starts`);
          break;
        }
        case 'country':
          if (!/^[a-z]{2}(-[a-z0-9]+)?$/i.test(value)) fail(column, `"${value}" is not an ISO country code`);
          break;
        case 'category':
          if (!isItemCategory(value)) fail(column, `"${value}" is not one of ${Object.keys(ITEM_CATEGORIES).join(', ')}`);
          break;
        case 'enum':
          if (!spec.values!.includes(value)) fail(column, `"${value}" is not one of ${spec.values!.join(', ')}`);
          break;
        case 'number':
          if (!NUMBER_RE.test(value)) fail(column, `"${value}" is not a number, a range like 20-30, or either with "?" for an uncertain figure`);
          else {
            const [, low, high] = NUMBER_RE.exec(value)!;
            if (high && Number(high) < Number(low)) fail(column, `range "${value}" ends below its start`);
          }
          break;
        case 'bool':
          if (value !== 'true' && value !== 'false') fail(column, `"${value}" is not true or false`);
          break;
        default:
          break;
      }
      out.push({ ...base, prop: spec.prop, value: spec.kind === 'country' ? value.toLowerCase() : value });
    }
  }
  // A denial row: its grade says so; make the status explicit when the row leaves it out.
  if (grade === 'denied' && !row.status) out.push({ ...base, prop: 'status', value: 'denied' });
  return out;
}

/** The importer the store's `import` uses: format `arms-transfers-csv`. */
export const armsTransfersCsv: SourceParser = {
  format: 'arms-transfers-csv',
  defaultDataset: 'case_dprk_russia',
  title: 'Arms transfers (Interdict CSV)',
  publisher: 'Interdict analysts',
  licence: 'CC-BY-4.0',
  detect(fileName: string, head: string): boolean {
    return /\.csv$/i.test(fileName) && /^\uFEFF?transfer_id,/.test(head);
  },
  async *parse(files: string[], ctx: ParseContext) {
    for (const file of files) yield* readTransfersCsv(file, (m) => ctx.warn(m));
  },
};
