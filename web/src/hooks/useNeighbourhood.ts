// The neighbourhood the explorer starts from, filtered by the server, with how long the answer took.
import { neighbourhood, type GraphFilter, type Neighbourhood } from '../api/graph.ts';
import { useApi } from '../lib/useApi.ts';

export function useNeighbourhood(id: string | null, params: { hops: number; limit: number; filter: GraphFilter }) {
  const { hops, limit, filter } = params;
  return useApi<{ answer: Neighbourhood; ms: number }>(
    id
      ? async (signal) => {
          const started = performance.now();
          const answer = await neighbourhood(id, { hops, limit, ...filter }, signal);
          return { answer, ms: Math.round(performance.now() - started) };
        }
      : null,
    [id, hops, limit, JSON.stringify(filter)],
  );
}
