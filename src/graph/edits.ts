// Analyst edits: new entities, new values, relationships and claims, each with its source and grade.
// Nothing is overwritten: a correction is a new statement beside the old one, and a retraction is a
// statement too (the same value, graded `denied`, with the retracting source), kept in a dataset of
// its own so it never replaces the claim it retracts.
import { randomUUID } from 'node:crypto';
import { NotFoundError, UnprocessableError, ValidationError } from '../model/errors.ts';
import { EVIDENCE_GRADES, isEvidenceGrade } from '../model/grades.ts';
import { hasSchema, model, propertyType } from '../model/ftm.ts';
import { datasetSlug, isDatasetName, makeEntityId } from '../model/entity.ts';
import type { Statement, StatementDraft } from '../model/statement.ts';
import type { Store } from '../store/types.ts';
import { ARMS_TRANSFER, ARMS_TRANSFER_SCHEMA, isArmsTransferProp } from '../model/arms-transfer.ts';

export const ANALYST_DATASET = 'analyst';
export const RETRACTION_DATASET = 'analyst_retractions';

const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export interface ClaimInput {
  sourceDocument?: unknown;
  evidenceGrade?: unknown;
  locator?: unknown;
  claimDate?: unknown;
}

export interface NewEntityInput extends ClaimInput {
  schema?: unknown;
  id?: unknown;
  properties?: unknown;
  dataset?: unknown;
}

export interface StatementInput extends ClaimInput {
  entityId?: unknown;
  schema?: unknown;
  prop?: unknown;
  value?: unknown;
  lang?: unknown;
  /** True: this statement retracts the value (stored graded `denied`). */
  retract?: unknown;
}

function text(field: string, value: unknown, required: boolean): string | null {
  if (value === undefined || value === null || value === '') {
    if (required) throw new UnprocessableError(field, 'is required');
    return null;
  }
  if (typeof value !== 'string') throw new UnprocessableError(field, 'must be a string');
  return value.trim();
}

function claimOf(input: ClaimInput, prefix: string): Pick<StatementDraft, 'sourceDocument' | 'evidenceGrade' | 'locator' | 'claimDate'> {
  const sourceDocument = text(`${prefix}sourceDocument`, input.sourceDocument, true);
  const grade = text(`${prefix}evidenceGrade`, input.evidenceGrade, true)!;
  if (!isEvidenceGrade(grade)) throw new UnprocessableError(`${prefix}evidenceGrade`, `must be one of ${EVIDENCE_GRADES.join(', ')}`);
  // `official` is what a publisher's list says; only an import of that list can state it.
  if (grade === 'official') {
    throw new UnprocessableError(`${prefix}evidenceGrade`, `"official" is reserved for the publishers' own lists (import or sync them); an analyst's claim is at most ${ANALYST_GRADES[0]}`);
  }
  const claimDate = text(`${prefix}claimDate`, input.claimDate, false);
  if (claimDate && !ISO_DATE.test(claimDate)) throw new UnprocessableError(`${prefix}claimDate`, `"${claimDate}" is not an ISO date`);
  return { sourceDocument, evidenceGrade: grade, locator: text(`${prefix}locator`, input.locator, false), claimDate };
}

const ANALYST_GRADES = EVIDENCE_GRADES.filter((g) => g !== 'official');

/** The analyst dataset an edit goes to: never a publisher's list, even one not imported yet. */
function datasetOf(value: unknown, publisherDatasets: ReadonlySet<string>): string {
  const d = text('dataset', value, false) ?? ANALYST_DATASET;
  if (!isDatasetName(d)) throw new ValidationError('dataset', `"${d}" is not a dataset name`);
  if (publisherDatasets.has(d)) {
    throw new UnprocessableError('dataset', `${d} is a publisher's list: it changes only through import and sync; analysts write to their own datasets (default: ${ANALYST_DATASET})`);
  }
  return d;
}

export function authorOf(header: unknown, body: unknown): string {
  const a = (typeof header === 'string' && header.trim()) || (typeof body === 'string' && body.trim()) || '';
  if (!a) throw new UnprocessableError('author', 'is required (header X-Interdict-Author or body field author)');
  if (a.length > 200) throw new ValidationError('author', 'is too long');
  return a;
}

/** Checks one value against the schema (FtM, or the ArmsTransfer extension). */
function checkValue(schema: string, prop: string, value: string, field: string): void {
  if (schema === ARMS_TRANSFER) {
    if (!isArmsTransferProp(prop)) throw new UnprocessableError(field, `ArmsTransfer has no property ${prop}`);
    const spec = (ARMS_TRANSFER_SCHEMA.properties as Record<string, { type: string }>)[prop];
    if (spec?.type === 'entity' && !ENTITY_ID.test(value)) throw new UnprocessableError(field, `"${value}" is not an entity id`);
    return;
  }
  const s = model.schemata[schema];
  if (!s?.hasProperty(prop)) throw new UnprocessableError(field, `${schema} has no property ${prop}`);
  const type = propertyType(schema, prop);
  if (type === 'date' && !ISO_DATE.test(value)) throw new UnprocessableError(field, `"${value}" is not an ISO date`);
  if (type === 'entity' && !ENTITY_ID.test(value)) throw new UnprocessableError(field, `"${value}" is not an entity id`);
  if (type === 'country' && !/^[a-z]{2}(-[a-z]+)?$/.test(value)) throw new UnprocessableError(field, `"${value}" is not a country code`);
}

function checkSchema(schema: string | null, field: string): string {
  if (!schema) throw new UnprocessableError(field, 'is required');
  if (!hasSchema(schema)) throw new UnprocessableError(field, `unknown schema ${schema}`);
  if (model.schemata[schema]?.abstract) throw new UnprocessableError(field, `${schema} is abstract`);
  return schema;
}

export class AnalystEdits {
  /**
   * `publisherDatasets`: names analysts may never write (the publishers' lists, see
   * ingest/registry.ts); the store refuses any other dataset an import made a publisher's.
   */
  constructor(
    private readonly store: Pick<Store, 'addStatements' | 'getEntity'>,
    private readonly publisherDatasets: ReadonlySet<string> = new Set(),
  ) {}

  /** Create an entity (relationship entities too: Ownership with owner/asset...). */
  async createEntity(input: NewEntityInput, author: string): Promise<{ id: string; dataset: string; statements: Statement[] }> {
    if (typeof input !== 'object' || input === null) throw new ValidationError('body', 'must be a JSON object');
    const schema = checkSchema(text('schema', input.schema, true), 'schema');
    const claim = claimOf(input, '');
    const dataset = datasetOf(input.dataset, this.publisherDatasets);
    const id = text('id', input.id, false) ?? makeEntityId(dataset, randomUUID().slice(0, 12));
    if (!ENTITY_ID.test(id)) throw new ValidationError('id', `"${id}" is not an entity id`);
    // `us-ofac-sdn-…` reads as an OFAC entry (and its referent as us_ofac_sdn:…): not an analyst's to make.
    const posing = [...this.publisherDatasets].find((d) => id.startsWith(`${datasetSlug(d)}-`));
    if (posing) throw new UnprocessableError('id', `"${id}" is in the id space of the publisher's list ${posing}; leave id out or choose another`);
    if (await this.store.getEntity(id)) throw new ValidationError('id', `${id} exists already; add statements to it instead`);
    const props = input.properties;
    if (typeof props !== 'object' || props === null || Array.isArray(props)) throw new UnprocessableError('properties', 'must be an object of property -> value(s)');
    const drafts: StatementDraft[] = [{ entityId: id, schema, prop: 'id', value: id, ...claim }];
    for (const [prop, raw] of Object.entries(props as Record<string, unknown>)) {
      for (const value of [raw].flat()) {
        const field = `properties.${prop}`;
        if (typeof value !== 'string' || !value.trim()) throw new UnprocessableError(field, 'values must be non-empty strings');
        checkValue(schema, prop, value.trim(), field);
        drafts.push({ entityId: id, schema, prop, value: value.trim(), ...claim });
      }
    }
    await this.checkEnds(schema, drafts);
    const statements = await this.store.addStatements(dataset, drafts, author);
    return { id, dataset, statements };
  }

  /** Add, correct or retract values of existing entities. */
  async addStatements(inputs: StatementInput[], datasetValue: unknown, author: string): Promise<{ statements: Statement[] }> {
    if (!Array.isArray(inputs) || inputs.length === 0) throw new ValidationError('statements', 'must be a non-empty array');
    if (inputs.length > 1000) throw new ValidationError('statements', 'at most 1000 per request');
    const dataset = datasetOf(datasetValue, this.publisherDatasets);
    const additions: StatementDraft[] = [];
    const retractions: StatementDraft[] = [];
    for (const [i, input] of inputs.entries()) {
      const f = `statements[${i}].`;
      if (typeof input !== 'object' || input === null) throw new ValidationError(`statements[${i}]`, 'must be an object');
      const entityId = text(`${f}entityId`, input.entityId, true)!;
      const entity = await this.store.getEntity(entityId);
      if (!entity) throw new NotFoundError(`no entity ${entityId}`);
      const schema = checkSchema(text(`${f}schema`, input.schema, false) ?? entity.schema, `${f}schema`);
      const prop = text(`${f}prop`, input.prop, true)!;
      const value = text(`${f}value`, input.value, true)!;
      checkValue(schema, prop, value, `${f}value`);
      const claim = claimOf(input, f);
      const draft: StatementDraft = { entityId: entity.id, schema, prop, value, lang: text(`${f}lang`, input.lang, false), ...claim };
      if (input.retract === true) retractions.push({ ...draft, evidenceGrade: 'denied' });
      else additions.push(draft);
    }
    const statements: Statement[] = [];
    if (additions.length) statements.push(...(await this.store.addStatements(dataset, additions, author)));
    if (retractions.length) statements.push(...(await this.store.addStatements(RETRACTION_DATASET, retractions, author)));
    return { statements };
  }

  /** A relationship must name both its ends, and they must exist. */
  private async checkEnds(schema: string, drafts: StatementDraft[]): Promise<void> {
    const s = model.schemata[schema];
    if (!s?.isEdge || !s.edge) return;
    for (const end of [s.edge.source, s.edge.target]) {
      const values = drafts.filter((d) => d.prop === end);
      if (values.length === 0) throw new UnprocessableError(`properties.${end}`, `a ${schema} needs its ${end}`);
      for (const d of values) if (!(await this.store.getEntity(d.value))) throw new NotFoundError(`no entity ${d.value} (properties.${end})`);
    }
  }
}
