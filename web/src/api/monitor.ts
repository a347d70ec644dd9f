// The monitoring routes (src/server/routes/monitor.ts): portfolios, the alert inbox, an alert with its
// history, decisions and assignment, and the alert report; typed by the server's schemas.
import type { paths } from '../api-types.ts';
import { ApiError, csrfHeaders, query, request, toSignIn, type Answer, type QueryOf } from './http.ts';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;

export type PortfolioListing = Answer<'/portfolios'>;
export type Portfolio = PortfolioListing['results'][number];
export type UploadQuery = NonNullable<paths['/portfolios/{name}']['put']['parameters']['query']>;
export type UploadMode = NonNullable<UploadQuery['mode']>;
export type UploadReport = Json<paths['/portfolios/{name}']['put']['responses'][200]>;
export type AlertQuery = QueryOf<'/alerts'>;
export type AlertPage = Answer<'/alerts'>;
export type Alert = AlertPage['results'][number];
export type AlertDetail = Answer<'/alerts/{id}'>;
export type AlertEvent = AlertDetail['history'][number];
export type DecisionBody = Json<NonNullable<paths['/alerts/{id}/decisions']['post']['requestBody']>>;
export type AlertStatus = DecisionBody['status'];
export type DecisionResult = Answer<'/alerts/{id}/decisions', 'post'>;

export const ALERT_STATUSES = ['open', 'in_review', 'false_positive', 'true_match', 'escalated'] as const satisfies readonly AlertStatus[];
export const ALERT_KINDS = ['new-hit', 'changed-hit', 'lifted', 'list-stale'] as const satisfies readonly NonNullable<AlertQuery['kind']>[];
/** Statuses the inbox filters by: the decisions', and `resolved` (a stale list whose new version arrived). */
export const ALERT_FILTER_STATUSES = [...ALERT_STATUSES, 'resolved'] as const satisfies readonly NonNullable<AlertQuery['status']>[];
export const ALERT_BANDS = ['match', 'review', 'clear'] as const satisfies readonly NonNullable<AlertQuery['band']>[];

const enc = encodeURIComponent;
const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const monitorApi = {
  portfolios: (signal?: AbortSignal) => request<PortfolioListing>('/portfolios', { signal }),
  alerts: (q: AlertQuery, signal?: AbortSignal) => request<AlertPage>(`/alerts${query({ ...q })}`, { signal }),
  alert: (id: string, signal?: AbortSignal) => request<AlertDetail>(`/alerts/${enc(id)}`, { signal }),
  decide: (id: string, decision: DecisionBody) => request<DecisionResult>(`/alerts/${enc(id)}/decisions`, json('POST', decision)),
  assign: (id: string, assignee: string | null) => request<AlertDetail>(`/alerts/${enc(id)}/assignee`, json('PUT', { assignee })),
  reportUrl: (id: string, format: 'pdf' | 'html') => `/reports/alerts/${enc(id)}${format === 'html' ? '?format=html' : ''}`,
};

/** JSON lines by their name or type; everything else goes as CSV (the batch layout). */
function uploadType(file: File): string {
  return /\.(jsonl|ndjson|json)$/i.test(file.name) || /json/.test(file.type) ? 'application/x-ndjson' : 'text/csv';
}

/**
 * Sends a portfolio file with XMLHttpRequest, which (unlike fetch) reports upload progress: `onSent`
 * gets the fraction sent (0..1); at 1 the server is screening the records, and answers when done.
 */
/** `workspace`: a new portfolio lives in that workspace (its id, ws_…), seen by its members only. */
export function uploadPortfolio(name: string, file: File, mode: UploadMode, onSent: (fraction: number) => void, workspace?: string): Promise<UploadReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const path = `/portfolios/${enc(name)}${query({ mode, workspace })}`;
    xhr.open('PUT', path);
    xhr.setRequestHeader('content-type', uploadType(file));
    xhr.setRequestHeader('accept', 'application/json');
    for (const [header, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(header, value);
    xhr.upload.onprogress = (e) => e.lengthComputable && onSent(e.loaded / e.total);
    xhr.upload.onload = () => onSent(1);
    xhr.onerror = () => reject(new ApiError('The server cannot be reached.', 0, path));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: the status text says it
      }
      if (xhr.status === 200) return resolve(body as UploadReport);
      if (xhr.status === 401) toSignIn();
      const message = body && typeof body === 'object' && 'error' in body && typeof body.error === 'string' ? body.error : xhr.statusText;
      reject(new ApiError(`${xhr.status}: ${message}`, xhr.status, path));
    };
    xhr.send(file);
  });
}
