// The fetch helper every resource module uses, and the answer types read from the server's own
// description (web/src/api-types.ts, generated from /openapi.json by `npm run build:api-types`).
import type { paths } from '../api-types.ts';

/** An error answer from the API, with the server's own message. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly url: string,
  ) {
    super(message);
  }
}

type Method = 'get' | 'post' | 'patch' | 'delete';

/** The JSON a route answers with `status` (200 unless given), as /openapi.json declares it: `Answer<'/catalog'>`. */
export type Answer<P extends keyof paths, M extends Method = 'get', S extends number = 200> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

/** A route's query parameters. */
export type QueryOf<P extends keyof paths, M extends Method = 'get'> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export const BASE = '';

// The session's CSRF token (GET /auth/me's csrf_token), kept in memory only: echoed on every write so
// another site's form cannot write with the session cookie.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The header a write made with the session cookie carries (none before anyone signs in). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** Answers of the sign-in routes themselves (a wrong password) are not "sign in first". */
const SIGN_IN_ROUTES = /^\/auth\//;

/** A 401 means the session ended or never was: to the sign-in page, which comes back here after. */
export function toSignIn(): void {
  const hash = window.location.hash;
  if (/^#\/(sign-in|welcome)\b/.test(hash)) return;
  window.location.hash = `#/sign-in?next=${encodeURIComponent(hash || '#/search')}`;
}

/** Sends a request; an error answer becomes an ApiError with the server's message. */
async function send(path: string, init: RequestInit): Promise<string> {
  let response: Response;
  try {
    const method = (init.method ?? 'GET').toUpperCase();
    const csrf = method === 'GET' || method === 'HEAD' ? {} : csrfHeaders();
    response = await fetch(BASE + path, { ...init, headers: { accept: 'application/json', ...csrf, ...(init.headers ?? {}) } });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(`The server cannot be reached (${(error as Error).message}).`, 0, path);
  }
  const text = await response.text();
  if (response.status === 401 && !SIGN_IN_ROUTES.test(path)) toSignIn();
  if (!response.ok) throw new ApiError(`${response.status}: ${errorMessage(text) ?? response.statusText}`, response.status, path);
  return text;
}

export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const text = await send(path, init);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A JSON POST whose answer is a file (CSV, JSON lines), returned as text. */
export function postForText(path: string, body: unknown, signal?: AbortSignal): Promise<string> {
  return send(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
}

/** Every error answer is the server's ErrorBody ({error, detail, status, field}); a proxy may send text. */
function errorMessage(text: string): string | null {
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string') return body.error;
  } catch {
    // not JSON
  }
  return text && text.length < 300 ? text : null;
}

/** A JSON POST. */
export function post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return request<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
}

export function query(params: Record<string, string | number | boolean | string[] | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => q.append(key, v));
    else q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
