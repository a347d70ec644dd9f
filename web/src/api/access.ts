// Accounts, sessions, API keys and the audit trail (src/server/routes/access.ts), typed by the generated contract.
import type { paths } from '../api-types.ts';
import { query, request, setCsrfToken } from './http.ts';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Body<P extends keyof paths, M extends 'post' | 'patch'> = paths[P][M] extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

export type Me = Json<paths['/auth/me']['get']['responses'][200]>;
export type Principal = NonNullable<Me['principal']>;
export type Role = Principal['role'];
export type UserView = Json<paths['/users']['get']['responses'][200]>['results'][number];
export type SignInLink = Json<paths['/users']['post']['responses'][201]>;
export type KeyView = Json<paths['/keys']['get']['responses'][200]>['results'][number];
export type NewKey = Body<'/keys', 'post'>;
export type CreatedKey = Json<paths['/keys']['post']['responses'][201]>;
export type AuditQuery = NonNullable<paths['/audit']['get']['parameters']['query']>;
export type AuditPage = Json<paths['/audit']['get']['responses'][200]>;
export type AuditRecord = AuditPage['results'][number];
export type AuditVerification = Json<paths['/audit/verify']['get']['responses'][200]>;

/** Lowest to highest: each role may do what the ones before it may (src/access/roles.ts). */
export const ROLES = ['viewer', 'analyst', 'reviewer', 'admin'] as const satisfies readonly Role[];

export function atLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

const json = (method: string, body?: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
const enc = encodeURIComponent;

/** Every answer that says who is signed in also brings the session's CSRF token: keep it. */
async function session(path: string, init: RequestInit): Promise<Me> {
  const me = await request<Me>(path, init);
  setCsrfToken(me.csrf_token);
  return me;
}

export const accessApi = {
  me: (signal?: AbortSignal) => session('/auth/me', { signal }),
  signIn: (name: string, password: string) => session('/auth/sign-in', json('POST', { name, password })),
  redeemLink: (token: string, password: string) => session('/auth/link', json('POST', { token, password })),
  changePassword: (current: string, password: string) => session('/auth/password', json('POST', { current, password })),
  signOut: () => request<{ ok: boolean }>('/auth/sign-out', json('POST')),
  signOutEverywhere: () => request<{ ok: boolean }>('/auth/sign-out-everywhere', json('POST')),

  users: (signal?: AbortSignal) => request<{ results: UserView[] }>('/users', { signal }),
  addUser: (name: string, role: Role) => request<SignInLink>('/users', json('POST', { name, role })),
  changeUser: (id: string, change: Body<'/users/{id}', 'patch'>) => request<UserView>(`/users/${enc(id)}`, json('PATCH', change)),
  newLink: (id: string) => request<SignInLink>(`/users/${enc(id)}/sign-in-link`, json('POST')),

  keys: (signal?: AbortSignal) => request<{ results: KeyView[] }>('/keys', { signal }),
  createKey: (key: NewKey) => request<CreatedKey>('/keys', json('POST', key)),
  revokeKey: (id: string) => request<KeyView>(`/keys/${enc(id)}`, { method: 'DELETE' }),

  audit: (q: AuditQuery, signal?: AbortSignal) => request<AuditPage>(`/audit${query({ ...q })}`, { signal }),
  verify: () => request<AuditVerification>('/audit/verify'),
  exportUrl: (format: 'jsonl' | 'csv', period: { from?: string; to?: string }) => `/audit/export${query({ format, ...period })}`,
};

/** At least 12 characters, as the server requires (src/access/passwords.ts). */
export const MIN_PASSWORD_LENGTH = 12;
