// `GET /search/{dataset}`: free-text search over the screening index with filters, facets and
// paging, in yente's response shape ({limit, offset, total, results, facets}).
import type { FtmEntity } from '../model/entity.ts';
import { ValidationError } from '../model/errors.ts';
import { model } from '../model/ftm.ts';
import { isScreenable, type Hit } from './candidate-index.ts';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, MAX_SEARCH_OFFSET, MAX_SEARCH_QUERY_LENGTH } from './limits.ts';
import { entityResponse, type EntityResponse } from './match.ts';
import { listParam, numberParam } from '../model/params.ts';
import { propertyTypes } from './schema-props.ts';
import type { Screener } from './screener.ts';

export interface SearchParams {
  q?: unknown;
  schema?: unknown;
  countries?: unknown;
  datasets?: unknown;
  topics?: unknown;
  limit?: unknown;
  offset?: unknown;
}

export interface SearchRequest {
  q: string;
  schema: string | null;
  countries: string[];
  datasets: string[];
  topics: string[];
  limit: number;
  offset: number;
}

export interface FacetValue {
  name: string;
  label: string;
  count: number;
}

export interface SearchResponse {
  limit: number;
  offset: number;
  total: { value: number; relation: 'eq' };
  results: EntityResponse[];
  facets: Record<'schema' | 'countries' | 'datasets' | 'topics', { label: string; values: FacetValue[] }>;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function parseSearchParams(params: SearchParams): SearchRequest {
  const q = params.q ?? '';
  if (typeof q !== 'string') throw new ValidationError('q', 'must be a string');
  if (q.length > MAX_SEARCH_QUERY_LENGTH) throw new ValidationError('q', `is too long (limit ${MAX_SEARCH_QUERY_LENGTH} characters)`);
  if (CONTROL.test(q)) throw new ValidationError('q', 'contains control characters');
  let schema: string | null = null;
  if (params.schema !== undefined && params.schema !== '') {
    if (typeof params.schema !== 'string' || !model.schemata[params.schema]) {
      throw new ValidationError('schema', `unknown schema "${String(params.schema).slice(0, 40)}"`);
    }
    schema = params.schema;
  }
  return {
    q: q.normalize('NFC').trim(),
    schema,
    countries: listParam(params.countries, 'countries').map((c) => c.toLowerCase()),
    datasets: listParam(params.datasets, 'datasets'),
    topics: listParam(params.topics, 'topics'),
    limit: numberParam(params.limit, 'limit', DEFAULT_SEARCH_LIMIT, { min: 0, max: MAX_SEARCH_LIMIT, integer: true }),
    offset: numberParam(params.offset, 'offset', 0, { min: 0, max: MAX_SEARCH_OFFSET, integer: true }),
  };
}

function hitsOf(screener: Screener, request: SearchRequest, scopeDatasets: string[] | null): Hit[] {
  const { index, engine } = screener;
  let datasets = scopeDatasets;
  if (request.datasets.length) datasets = datasets ? datasets.filter((d) => request.datasets.includes(d)) : request.datasets;
  const scope = index.scope(datasets, null);
  if (request.q) return index.hits(index.textKeys(request.q, engine), scope);
  const hits: Hit[] = [];
  for (const slot of captionOrder(screener)) if (index.inScope(slot, scope)) hits.push({ slot, weight: 0 });
  return hits;
}

/** The entities a search finds before its filters and paging. */
export function searchHits(screener: Screener, request: SearchRequest, scopeDatasets: string[] | null): FtmEntity[] {
  return hitsOf(screener, request, scopeDatasets).map((h) => screener.index.entities[h.slot]);
}

/**
 * Runs a search within `scopeDatasets` (the path's dataset; null for all). `shown` replaces entities
 * by what the reader may see of them (null: nothing), before anything is counted.
 */
export function search(screener: Screener, request: SearchRequest, scopeDatasets: string[] | null, shown?: ReadonlyMap<string, FtmEntity | null>): SearchResponse {
  const { index } = screener;
  const hits = hitsOf(screener, request, scopeDatasets);
  const matching: FtmEntity[] = [];
  const facets = { schema: new Map<string, number>(), countries: new Map<string, number>(), datasets: new Map<string, number>(), topics: new Map<string, number>() };
  for (const hit of hits) {
    let e = index.entities[hit.slot];
    if (shown?.has(e.id)) {
      const visible = shown.get(e.id);
      if (!visible) continue;
      e = visible;
    }
    if (request.schema && !model.schemata[e.schema]?.isA(request.schema)) continue;
    const countries = countriesOf(e);
    if (request.countries.length && !countries.some((c) => request.countries.includes(c))) continue;
    const topics = e.properties.topics ?? [];
    if (request.topics.length && !topics.some((t) => request.topics.includes(t))) continue;
    matching.push(e);
    bump(facets.schema, [e.schema]);
    bump(facets.countries, countries);
    bump(facets.datasets, e.datasets ?? []);
    bump(facets.topics, topics);
  }
  return {
    limit: request.limit,
    offset: request.offset,
    total: { value: matching.length, relation: 'eq' },
    results: matching.slice(request.offset, request.offset + request.limit).map(entityResponse),
    facets: {
      schema: { label: 'Entity types', values: facetValues(facets.schema, (s) => model.schemata[s]?.plural ?? s) },
      countries: { label: 'Countries', values: facetValues(facets.countries, countryLabel) },
      datasets: { label: 'Data sources', values: facetValues(facets.datasets, (d) => d) },
      topics: { label: 'Topics', values: facetValues(facets.topics, topicLabel) },
    },
  };
}

const captionOrders = new WeakMap<Screener, Int32Array>();
/** Slots sorted by caption, once per index (browsing without a query). */
function captionOrder(screener: Screener): Int32Array {
  let order = captionOrders.get(screener);
  if (!order) {
    const { entities } = screener.index;
    const collator = new Intl.Collator('en');
    order = Int32Array.from(entities.keys()).sort((a, b) => collator.compare(entities[a].caption ?? '', entities[b].caption ?? ''));
    captionOrders.set(screener, order);
  }
  return order;
}

const countryPropsBySchema = new Map<string, string[]>();
function countriesOf(e: FtmEntity): string[] {
  let props = countryPropsBySchema.get(e.schema);
  if (!props) {
    props = isScreenable(e.schema) ? [...propertyTypes(e.schema)].filter(([, type]) => type === 'country').map(([name]) => name) : [];
    countryPropsBySchema.set(e.schema, props);
  }
  const out = new Set<string>();
  for (const p of props) for (const v of e.properties[p] ?? []) out.add(v.toLowerCase());
  return [...out];
}

function bump(counts: Map<string, number>, values: string[]): void {
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
}

function facetValues(counts: Map<string, number>, label: (name: string) => string): FacetValue[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 100)
    .map(([name, count]) => ({ name, label: label(name), count }));
}

const types = (model as unknown as { types: Record<string, { values: Map<string, string> }> }).types;
function countryLabel(code: string): string {
  return types.country?.values.get(code) ?? code;
}
function topicLabel(topic: string): string {
  return types.topic?.values.get(topic) ?? topic;
}
