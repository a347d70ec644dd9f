// Data hooks for the lists page: one per resource, each aborting its request when its inputs change.
import { catalog, diff, versions, type DiffFilter } from '../api/catalog.ts';
import { useApi } from '../lib/useApi.ts';

export function useCatalog() {
  return useApi((signal) => catalog(signal), []);
}

export function useVersions(dataset: string) {
  return useApi((signal) => versions(dataset, signal), [dataset]);
}

export function useDiff(dataset: string, from: string, to: string, filter: DiffFilter) {
  const { kind, schema, q, offset, limit } = filter;
  return useApi((signal) => diff(dataset, from, to, filter, signal), [dataset, from, to, kind, schema, q, offset, limit]);
}
