// Data hooks for the resolver: the queue of candidate pairs, one pair side by side, a target's members.
// `version` reloads after a judgement.
import { useApi } from '../lib/useApi.ts';
import { resolveApi, type CandidateFilter } from '../api/resolve.ts';

export function useCandidates(filter: CandidateFilter, version: number) {
  return useApi((signal) => resolveApi.candidates(filter, signal), [JSON.stringify(filter), version]);
}

export function useCandidatePair(pair: { left: string; right: string } | null, version: number) {
  return useApi(pair ? (signal) => resolveApi.pair(pair.left, pair.right, signal) : null, [pair?.left, pair?.right, version]);
}

export function useMembers(id: string, version: number) {
  return useApi((signal) => resolveApi.members(id, signal), [id, version]);
}
