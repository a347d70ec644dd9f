// The graph routes: neighbourhoods, adjacent links (paged), paths and exports, typed by the
// server's schemas. Filters go to the server as the routes' own query parameters.
import { query, request, type Answer, type QueryOf } from './http.ts';

export type Neighbourhood = Answer<'/graph/neighborhood'>;
export type AdjacentPage = Answer<'/entities/{id}/adjacent'>;
export type PathsResult = Answer<'/graph/paths'>;
export type GraphNode = Neighbourhood['centre'];
export type GraphEdge = Neighbourhood['edges'][number];
export type GraphPath = PathsResult['paths'][number];
export type EdgeProvenance = GraphEdge['provenance'][number];

/** The filter every traversal takes (types as a comma-separated list, ISO dates). */
export type GraphFilter = Pick<QueryOf<'/graph/neighborhood'>, 'types' | 'min_grade' | 'from_date' | 'to_date' | 'same_as'>;

const entityPath = (id: string) => `/entities/${encodeURIComponent(id)}`;

export function neighbourhood(id: string, params: Omit<QueryOf<'/graph/neighborhood'>, 'id'>, signal?: AbortSignal): Promise<Neighbourhood> {
  return request(`/graph/neighborhood${query({ id, ...params })}`, { signal });
}

export function adjacent(id: string, params: QueryOf<'/entities/{id}/adjacent'>, signal?: AbortSignal): Promise<AdjacentPage> {
  return request(`${entityPath(id)}/adjacent${query(params)}`, { signal });
}

export function paths(params: QueryOf<'/graph/paths'>, signal?: AbortSignal): Promise<PathsResult> {
  return request(`/graph/paths${query(params)}`, { signal });
}

/** What a link says, as drawn on the edge: the role (or FtM's label) and any share. */
export function edgeLabel(e: Pick<GraphEdge, 'role' | 'label' | 'percentage'>): string {
  return [e.role ?? e.label, e.percentage !== null ? `${e.percentage}%` : ''].filter(Boolean).join(' ');
}
