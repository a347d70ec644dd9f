// Screening: yente-compatible /match (one query or a batch), /search with facets. The answers are
// the server's own shapes (src/server/schemas/screening.ts), read as they are.
import type { paths } from '../api-types.ts';
import { post, postForText, query, request, type Answer } from './http.ts';

export type MatchResponse = Answer<'/match/{dataset}', 'post'>;
export type QueryAnswer = MatchResponse['responses'][string];
export type MatchResult = QueryAnswer['results'][number];
export type Explanation = MatchResult['explanations'][number];
export type Band = QueryAnswer['band'];
/** An entity by example, as /match takes it (and echoes back in each answer's `query`). */
export type MatchQuery = Omit<QueryAnswer['query'], 'id'>;
export type SearchResponse = Answer<'/search/{dataset}'>;
export type SearchResult = SearchResponse['results'][number];
/** The scope, list versions and stale warnings an answer rests on. */
export type AnswerContext = Pick<MatchResponse, 'scope' | 'lists' | 'warnings'>;

export interface SearchParams {
  q: string;
  schema?: string;
  countries?: string[];
  datasets?: string[];
  topics?: string[];
  limit?: number;
  offset?: number;
}

export function search(dataset: string, params: SearchParams, signal?: AbortSignal): Promise<SearchResponse> {
  return request<SearchResponse>(`/search/${encodeURIComponent(dataset)}${query({ ...params })}`, { signal });
}

/** /match with several queries in one request; answers are keyed like the queries. */
export function match(
  scope: string,
  queries: Record<string, MatchQuery>,
  options: { limit?: number; threshold?: number } = {},
  signal?: AbortSignal,
): Promise<MatchResponse> {
  return post<MatchResponse>(`/match/${encodeURIComponent(scope)}${query(options)}`, { queries }, signal);
}

/** A screened row as `interdict screen` writes it (src/screening/batch-output.ts). */
export type BatchRecord = NonNullable<paths['/batch/results.csv']['post']['requestBody']>['content']['application/json']['records'][number];

/** A screened batch as the CLI's CSV or JSON lines, written by the server with the CLI's own module. */
export function batchResults(format: 'csv' | 'jsonl', records: BatchRecord[], signal?: AbortSignal): Promise<string> {
  return postForText(`/batch/results.${format}`, { records }, signal);
}

/** An explanation that counts against the match (a negative contribution). */
export function isAgainst(e: Explanation): boolean {
  return e.weight < 0;
}
