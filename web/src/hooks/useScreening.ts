// Search results for the search page (the server filters, facets and pages).
import { search, type SearchParams } from '../api/screening.ts';
import { useApi } from '../lib/useApi.ts';

/** No request while the query is empty. */
export function useSearch(dataset: string, params: SearchParams) {
  const key = JSON.stringify(params);
  return useApi(params.q.trim() ? (signal) => search(dataset, params, signal) : null, [dataset, key]);
}
