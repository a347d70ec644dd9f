// The entity a page shows, with its provenance.
import { entity } from '../api/entities.ts';
import { useApi } from '../lib/useApi.ts';

export function useEntity(id: string) {
  return useApi((signal) => entity(id, signal), [id]);
}
