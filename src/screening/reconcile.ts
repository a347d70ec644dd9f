// OpenRefine reconciliation API (Reconciliation Service API 0.2, as yente serves it): a service
// manifest, and batches of `{query, type, limit, properties: [{pid, v}]}` answered with
// `{result: [{id, name, score, match, type, description}]}`, scored by the same matcher as /match.
import { ValidationError } from '../model/errors.ts';
import { MATCHABLE_SCHEMATA, model } from '../model/ftm.ts';
import { MAX_RECONCILE_QUERIES } from './limits.ts';
import { numberParam } from '../model/params.ts';
import { propertyTypes } from './schema-props.ts';
import { isPlainObject, parseQuery, type QueryEntity } from './query.ts';
import type { ScoredEntity } from './screener.ts';

export const BASE_SCHEMA = 'LegalEntity';
const DEFAULT_RECONCILE_LIMIT = 5;

export interface ReconcileType {
  id: string;
  name: string;
  description?: string;
}

export interface ReconcileCandidate {
  id: string;
  name: string;
  score: number;
  match: boolean;
  type: ReconcileType[];
  description: string;
}

export interface ReconcileQuery {
  query: QueryEntity;
  limit: number;
}

export function reconcileType(schema: string): ReconcileType {
  const s = model.schemata[schema];
  return { id: schema, name: s?.plural ?? schema, description: s?.description ?? s?.label ?? schema };
}

/** The service manifest OpenRefine reads when a user adds the service. */
export function reconcileManifest(dataset: string, baseUrl: string) {
  const root = baseUrl.replace(/\/$/, '');
  return {
    versions: ['0.2'],
    name: `Interdict sanctions screening (${dataset})`,
    identifierSpace: `${root}/entities/`,
    schemaSpace: 'https://followthemoney.tech/explorer/schemata/',
    view: { url: `${root}/entities/{{id}}` },
    documentation: `${root}/openapi.json`,
    batchSize: 10,
    defaultTypes: MATCHABLE_SCHEMATA.map(reconcileType),
  };
}

/** Parses the `queries` form field (a JSON object of key → query). */
export function parseReconcileQueries(raw: unknown): [string, ReconcileQuery][] {
  let data: unknown = raw;
  if (typeof raw === 'string') {
    try {
      data = JSON.parse(raw);
    } catch {
      throw new ValidationError('queries', 'is not valid JSON');
    }
  }
  if (!isPlainObject(data)) throw new ValidationError('queries', 'must be a JSON object of key to query');
  const entries = Object.entries(data);
  if (entries.length === 0) throw new ValidationError('queries', 'no queries provided');
  if (entries.length > MAX_RECONCILE_QUERIES) {
    throw new ValidationError('queries', `too many queries in one request (${entries.length}, limit ${MAX_RECONCILE_QUERIES})`);
  }
  return entries.map(([key, q]) => [key, parseOne(q, `queries.${key}`, key)]);
}

function parseOne(raw: unknown, field: string, key: string): ReconcileQuery {
  if (!isPlainObject(raw)) throw new ValidationError(field, 'must be an object with "query"');
  let schema = BASE_SCHEMA;
  const type = Array.isArray(raw.type) ? raw.type[0] : raw.type;
  if (type !== undefined && type !== null && type !== '') {
    if (typeof type !== 'string') throw new ValidationError(`${field}.type`, 'must be a schema name');
    schema = type;
  }
  const properties: Record<string, unknown[]> = {};
  if (raw.query !== undefined) properties.name = [raw.query];
  if (raw.properties !== undefined) {
    if (!Array.isArray(raw.properties)) throw new ValidationError(`${field}.properties`, 'must be a list of {pid, v}');
    raw.properties.forEach((p, i) => {
      if (!isPlainObject(p) || typeof p.pid !== 'string') throw new ValidationError(`${field}.properties[${i}]`, 'must be {pid, v}');
      const prop = p.pid.includes(':') ? p.pid.split(':').pop()! : p.pid;
      if (!propertyTypes(schema).has(prop)) return; // OpenRefine columns we cannot use are ignored, as yente does
      const values = Array.isArray(p.v) ? p.v : [p.v];
      (properties[prop] ??= []).push(...values.map((v) => (isPlainObject(v) && typeof v.id === 'string' ? v.id : v)));
    });
  }
  const limit = numberParam(raw.limit, `${field}.limit`, DEFAULT_RECONCILE_LIMIT, { min: 1, max: 100, integer: true });
  return { query: parseQuery({ schema, properties }, field, key), limit };
}

export function reconcileCandidate(r: ScoredEntity): ReconcileCandidate {
  const e = r.entity;
  return {
    id: e.id,
    name: e.caption ?? e.id,
    score: r.score,
    match: r.match,
    type: [reconcileType(e.schema)],
    description: model.schemata[e.schema]?.label ?? e.schema,
  };
}
