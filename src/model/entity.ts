// Entities are assembled from statements; this is their FtM JSON shape.
import type { Statement, StatementDraft } from './statement.ts';
import { ID_PROP } from './statement.ts';
import { captionProps, model } from './ftm.ts';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  caption?: string;
  datasets?: string[];
  referents?: string[];
  first_seen?: string;
  last_seen?: string;
  /** Set by readers that applied the target rule (src/model/targets.ts); absent means not known. */
  target?: boolean;
}

/**
 * The FtM topic of a designated entity. One rule in every room: an entity is designated by the
 * datasets whose statements give it this topic, and by those of the Sanction entities that name it.
 */
export const SANCTION_TOPIC = 'sanction';

/** Referent of an entity in a dataset: the publisher's own identifier, `<dataset>:<id>`. */
export function referentOf(dataset: string, entityId: string): string {
  const prefix = datasetSlug(dataset) + '-';
  return `${dataset}:${entityId.startsWith(prefix) ? entityId.slice(prefix.length) : entityId}`;
}

/** Entity id for a publisher's record: FtM ids allow [A-Za-z0-9.-]. */
export function makeEntityId(dataset: string, ...parts: (string | number)[]): string {
  const tail = parts.map((p) => String(p).trim().replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '')).join('-');
  return `${datasetSlug(dataset)}-${tail}`;
}

/** The entity id an id or a referent `<dataset>:<publisher id>` names. */
export function entityIdOf(idOrReferent: string): string {
  const colon = idOrReferent.indexOf(':');
  return colon > 0 ? makeEntityId(idOrReferent.slice(0, colon), idOrReferent.slice(colon + 1)) : idOrReferent;
}

/** Dataset names: lowercase letters, digits and _, starting with a letter (`us_ofac_sdn`). */
export function isDatasetName(name: string): boolean {
  return /^[a-z][a-z0-9_]{1,63}$/.test(name);
}

export function datasetSlug(dataset: string): string {
  return dataset.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
}

/** What assembling an entity reads of a statement (stores may fetch just these). */
export type EntityStatement = Pick<Statement, 'canonicalId' | 'entityId' | 'prop' | 'schema' | 'value' | 'dataset' | 'firstSeen' | 'lastSeen'>;

/** Merge the statements of one (canonical) entity into FtM JSON. */
export function assembleEntity(statements: EntityStatement[]): FtmEntity | undefined {
  if (statements.length === 0) return undefined;
  const properties: Record<string, string[]> = {};
  const datasets = new Set<string>();
  const referents = new Set<string>();
  let schema = statements[0].schema;
  let firstSeen = statements[0].firstSeen;
  let lastSeen = statements[0].lastSeen;
  for (const s of statements) {
    datasets.add(s.dataset);
    schema = commonSchema(schema, s.schema);
    if (s.firstSeen < firstSeen) firstSeen = s.firstSeen;
    if (s.lastSeen > lastSeen) lastSeen = s.lastSeen;
    if (s.prop === ID_PROP) {
      referents.add(referentOf(s.dataset, s.entityId));
      continue;
    }
    const values = (properties[s.prop] ??= []);
    if (!values.includes(s.value)) values.push(s.value);
  }
  const id = statements[0].canonicalId;
  const entity: FtmEntity = {
    id,
    schema,
    properties,
    datasets: [...datasets].sort(),
    referents: [...referents].sort(),
    first_seen: firstSeen,
    last_seen: lastSeen,
  };
  entity.caption = captionOf(entity);
  return entity;
}

/** An entity in FtM JSON form as statement drafts (its id first), the inverse of assembleEntity. */
export function entityDrafts(entity: Pick<FtmEntity, 'id' | 'schema' | 'properties'>): StatementDraft[] {
  const drafts: StatementDraft[] = [{ entityId: entity.id, schema: entity.schema, prop: ID_PROP, value: entity.id }];
  for (const [prop, values] of Object.entries(entity.properties)) for (const value of values) drafts.push({ entityId: entity.id, schema: entity.schema, prop, value });
  return drafts;
}

/** The more specific of two schemata when one extends the other (LegalEntity + Company = Company). */
export function commonSchema(a: string, b: string): string {
  if (a === b) return a;
  const sa = model.schemata[a];
  const sb = model.schemata[b];
  if (sa && sb) {
    if (sa.isA(b)) return a;
    if (sb.isA(a)) return b;
  }
  return a;
}

/** Caption as FtM picks it: the first caption property of the schema that has a value. */
export function captionOf(entity: Pick<FtmEntity, 'schema' | 'properties' | 'id'>): string {
  for (const prop of captionProps(entity.schema)) {
    const values = entity.properties[prop];
    if (values?.length) return values[0]; // parsers emit the publisher's primary name first
  }
  return entity.id;
}
