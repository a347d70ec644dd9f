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

const AUTHOR_KEY = 'interdict.author';

/** Who judges: remembered in this browser until accounts arrive (issue 13). */
export function currentAuthor(): string {
  return localStorage.getItem(AUTHOR_KEY) ?? '';
}

export function rememberAuthor(author: string): void {
  localStorage.setItem(AUTHOR_KEY, author.trim());
}

function post<T>(path: string, body: object, author: string, signal?: AbortSignal): Promise<T> {
  return request<T>(path, { method: 'POST', signal, headers: { 'content-type': 'application/json', 'x-interdict-author': author }, body: JSON.stringify(body) });
}

export const resolveApi = {
  candidates: (filter: CandidateFilter, signal?: AbortSignal) => request<CandidatePage>(`/xref/candidates${query(filter)}`, { signal }),

  pair: (left: string, right: string, signal?: AbortSignal) => request<CandidatePair>(`/xref/candidates/${encodeURIComponent(left)}/${encodeURIComponent(right)}`, { signal }),

  judge: (pair: { left: string; right: string; judgement: Decision; reason: string; score?: number }, author: string) => post<JudgementsRecorded>('/judgements', pair, author),

  split: (member: string, reason: string, author: string) => post<SplitRecorded>('/judgements/split', { member, reason }, author),

  members: (id: string, signal?: AbortSignal) => request<MemberList>(`/entities/${encodeURIComponent(id)}/members`, { signal }),
};
