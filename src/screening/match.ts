// yente-compatible `/match`: request validation and the response shape
// (`responses.<key>.results[]` with id, caption, schema, properties, datasets, referents, target,
// first_seen, last_seen, score, match, features, explanations).
import type { FtmEntity } from '../model/entity.ts';
import { reasonOf, type Band } from './bands.ts';
import { ValidationError } from '../model/errors.ts';
import { describeMatcher, NAMES_ONLY_ALGORITHMS, resolveAlgorithm } from './algorithms.ts';
import { DEFAULT_MATCH_LIMIT, MAX_MATCH_LIMIT, MAX_QUERIES_PER_REQUEST } from './limits.ts';
import { listParam, numberParam } from '../model/params.ts';
import { isPlainObject, parseQuery, type QueryEntity } from './query.ts';
import type { Explanation } from './engine-types.ts';
import type { ScoredEntity, ScreenOptions } from './screener.ts';
import { namesOf } from './candidate-index.ts';
import { propertyTypes } from './schema-props.ts';

/** Query-string parameters of `/match` (yente's names). */
export interface MatchParams {
  limit?: unknown;
  threshold?: unknown;
  cutoff?: unknown;
  algorithm?: unknown;
  include_dataset?: unknown;
  exclude_dataset?: unknown;
  exclude_schema?: unknown;
  topics?: unknown;
}

export interface MatchRequest {
  /** Key, query, and the warnings of values read leniently or left out. */
  queries: [string, QueryEntity, string[]][];
  options: Omit<ScreenOptions, 'datasets'> & { algorithm: string };
}

export interface EntityResponse {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  target: boolean;
  first_seen: string | null;
  last_seen: string | null;
  last_change: string | null;
}

export interface ScoredEntityResponse extends EntityResponse {
  score: number;
  match: boolean;
  /** match / review / clear (src/screening/bands.ts). */
  band: Band;
  /** The band, score and the explanations that decided it, in one line. */
  reason: string;
  features: Record<string, number>;
  explanations: Explanation[];
}

export interface EntityMatches {
  status: number;
  results: ScoredEntityResponse[];
  total: { value: number; relation: 'eq' };
  /** The best band among the results: match, review or clear. */
  band: Band;
  query: { id: string; schema: string; properties: Record<string, string[]> };
  /** Values that were read leniently or left out, each named. */
  warnings: string[];
}

export interface MatchResponse {
  responses: Record<string, EntityMatches>;
  matcher: ReturnType<typeof describeMatcher>;
  limit: number;
}

export function parseMatchRequest(body: unknown, params: MatchParams, defaultThreshold: number): MatchRequest {
  const algorithm = resolveAlgorithm(params.algorithm);
  const limit = numberParam(params.limit, 'limit', DEFAULT_MATCH_LIMIT, { min: 1, max: MAX_MATCH_LIMIT, integer: true });
  const threshold = numberParam(params.threshold, 'threshold', defaultThreshold, { min: 0, max: 1 });
  const cutoff = Math.min(numberParam(params.cutoff, 'cutoff', 0, { min: 0, max: 1 }), threshold);
  if (!isPlainObject(body)) throw new ValidationError('body', 'must be a JSON object with "queries"');
  const rawQueries = body.queries;
  if (!isPlainObject(rawQueries)) throw new ValidationError('queries', 'must be an object of query key to entity example');
  const entries = Object.entries(rawQueries).filter(([, q]) => q !== null && q !== undefined);
  if (entries.length === 0) throw new ValidationError('queries', 'no queries provided');
  if (entries.length > MAX_QUERIES_PER_REQUEST) {
    throw new ValidationError('queries', `too many queries in one request (${entries.length}, limit ${MAX_QUERIES_PER_REQUEST})`);
  }
  const queries = entries.map(([key, raw]): [string, QueryEntity, string[]] => {
    const warnings: string[] = [];
    const query = parseQuery(raw, `queries.${key}`, key, warnings);
    return [key, NAMES_ONLY_ALGORITHMS.has(algorithm) ? namesOnly(query) : query, warnings];
  });
  return {
    queries,
    options: {
      algorithm,
      limit,
      threshold,
      cutoff,
      weights: parseWeights(body.weights),
      excludeDatasets: listParam(params.exclude_dataset, 'exclude_dataset'),
      excludeSchemata: listParam(params.exclude_schema, 'exclude_schema'),
      topics: listParam(params.topics, 'topics'),
    },
  };
}

function parseWeights(raw: unknown): Record<string, number> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isPlainObject(raw)) throw new ValidationError('weights', 'must be an object of feature name to number');
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ValidationError(`weights.${k}`, 'must be a number');
    out[k] = v;
  }
  return out;
}

function namesOnly(query: QueryEntity): QueryEntity {
  const types = propertyTypes(query.schema);
  const properties: Record<string, string[]> = {};
  for (const [prop, values] of Object.entries(query.properties)) {
    if (types.get(prop) === 'name') properties[prop] = values;
  }
  return namesOf(query).length ? { ...query, properties } : query;
}

export function entityResponse(e: FtmEntity): EntityResponse {
  return {
    id: e.id,
    caption: e.caption ?? e.id,
    schema: e.schema,
    properties: e.properties,
    datasets: e.datasets ?? [],
    referents: e.referents ?? [],
    target: e.target === true, // set by the one rule when the index was loaded (src/model/targets.ts)
    first_seen: e.first_seen ?? null,
    last_seen: e.last_seen ?? null,
    last_change: e.last_seen ?? null,
  };
}

export function scoredResponse(r: ScoredEntity): ScoredEntityResponse {
  return { ...entityResponse(r.entity), score: r.score, match: r.match, band: r.band, reason: reasonOf(r.band, r.score, r.explanations), features: r.features, explanations: r.explanations };
}
