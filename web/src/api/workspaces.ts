// Confidential workspaces (src/server/routes/workspaces.ts): mine, a new one, its members.
import type { paths } from '../api-types.ts';
import { request } from './http.ts';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Body<P extends keyof paths> = paths[P]['post'] extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

export type Workspace = Json<paths['/workspaces/{id}']['get']['responses'][200]>;
export type WorkspaceMember = Workspace['members'][number];
export type NewWorkspace = Body<'/workspaces'>;
export type MemberChange = Body<'/workspaces/{id}/members'>;

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const enc = encodeURIComponent;

export const workspacesApi = {
  list: (signal?: AbortSignal) => request<Json<paths['/workspaces']['get']['responses'][200]>>('/workspaces', { signal }).then((r) => r.workspaces),
  get: (id: string, signal?: AbortSignal) => request<Workspace>(`/workspaces/${enc(id)}`, { signal }),
  create: (body: NewWorkspace) => request<Workspace>('/workspaces', json('POST', body)),
  setMember: (id: string, change: MemberChange) => request<Workspace>(`/workspaces/${enc(id)}/members`, json('POST', change)),
  removeMember: (id: string, user: string) => request<Workspace>(`/workspaces/${enc(id)}/members/${enc(user)}`, { method: 'DELETE' }),
};
