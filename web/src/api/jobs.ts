// The job routes (src/server/routes/jobs.ts): recent jobs with state and progress, one job, and the full
// re-screen of a portfolio queued as one; typed by the server's schemas.
import { query, request, type Answer, type QueryOf } from './http.ts';

export type JobQuery = QueryOf<'/jobs'>;
export type Job = Answer<'/jobs/{id}'>;
export type JobState = Job['state'];

export const JOB_STATES = ['queued', 'active', 'retry', 'completed', 'failed'] as const satisfies readonly JobState[];
export const JOB_NAMES = ['rescreen', 'sync', 'webhook-delivery'] as const;

/** States in which a job may still move: worth asking again. */
export const isRunning = (state: JobState) => state === 'queued' || state === 'active' || state === 'retry';

const enc = encodeURIComponent;

export const jobsApi = {
  list: (q: JobQuery, signal?: AbortSignal) => request<Answer<'/jobs'>>(`/jobs${query({ ...q })}`, { signal }),
  get: (id: string, signal?: AbortSignal) => request<Job>(`/jobs/${enc(id)}`, { signal }),
  /** `workspace`: the portfolio's (null: shared), as names are unique per workspace only. */
  rescreenPortfolio: (name: string, workspace: string | null) => request<Job>(`/portfolios/${enc(name)}/rescreen?workspace=${enc(workspace ?? 'shared')}`, { method: 'POST' }),
};
