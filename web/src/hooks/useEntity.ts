// The entity a page shows, with its provenance.
import { entity } from '../api/entities.ts';
import { useApi } from '../lib/useApi.ts';

/** `version`: a change asks again (after a claim was added). */
export function useEntity(id: string, version = 0) {
  return useApi((signal) => entity(id, signal), [id, version]);
}
