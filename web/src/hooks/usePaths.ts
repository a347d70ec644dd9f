// Paths between two entities, asked for by the user (null until then), filtered by the server.
import { paths, type PathsResult } from '../api/graph.ts';
import type { QueryOf } from '../api/http.ts';
import { useApi } from '../lib/useApi.ts';

export type PathsRequest = QueryOf<'/graph/paths'>;

export function usePaths(request: PathsRequest | null) {
  return useApi<PathsResult>(request ? (signal) => paths(request, signal) : null, [request]);
}
