// The resolver's HTTP API (src/server/routes/resolve.ts), typed by the generated contract.
import type { paths } from '../api-types.ts';
import { query, request } from './http.ts';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type CandidateFilter = NonNullable<paths['/xref/candidates']['get']['parameters']['query']>;
export type CandidatePage = Json<paths['/xref/candidates']['get']['responses'][200]>;
export type Candidate = CandidatePage['results'][number];
export type CandidatePair = Json<paths['/xref/candidates/{left}/{right}']['get']['responses'][200]>;
export type PairProperty = CandidatePair['properties'][number];
export type JudgementsBody = NonNullable<paths['/judgements']['post']['requestBody']>['content']['application/json'];
export type JudgementsRecorded = Json<paths['/judgements']['post']['responses'][201]>;
export type Judgement = JudgementsRecorded['judgements'][number];
export type SplitRecorded = Json<paths['/judgements/split']['post']['responses'][201]>;
export type MemberList = Json<paths['/entities/{id}/members']['get']['responses'][200]>;
export type Member = MemberList['members'][number];

/** The verdicts a person gives in the app (the API also takes nomenklatura's names). */
export type Decision = 'same' | 'not-same' | 'unsure' | 'undo';

/** The server records the signed-in user (or the API key) as the author of every judgement. */
function post<T>(path: string, body: object, signal?: AbortSignal): Promise<T> {
  return request<T>(path, { method: 'POST', signal, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export const resolveApi = {
  candidates: (filter: CandidateFilter, signal?: AbortSignal) => request<CandidatePage>(`/xref/candidates${query(filter)}`, { signal }),

  pair: (left: string, right: string, signal?: AbortSignal) => request<CandidatePair>(`/xref/candidates/${encodeURIComponent(left)}/${encodeURIComponent(right)}`, { signal }),

  judge: (pair: { left: string; right: string; judgement: Decision; reason: string; score?: number }) => post<JudgementsRecorded>('/judgements', pair),

  split: (member: string, reason: string) => post<SplitRecorded>('/judgements/split', { member, reason }),

  members: (id: string, signal?: AbortSignal) => request<MemberList>(`/entities/${encodeURIComponent(id)}/members`, { signal }),
};
