// API keys for the tests that call the server: created through the same Accounts code the CLI uses
// (`interdict keys create`), one per store and role, and sent as real Authorization headers.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { Accounts, type Principal } from '../../src/access/accounts.ts';
import { Sessions } from '../../src/access/sessions.ts';
import type { Role } from '../../src/access/roles.ts';
import type { Store } from '../../src/store/types.ts';

/** Who the tests act as when they make accounts and keys directly (as `interdict keys create` does). */
export const TEST_RUNNER: Principal = { kind: 'cli', id: 'tests', name: 'tests', role: 'admin', datasets: null };
const made = new WeakMap<Store, Map<string, Promise<string>>>();

/** A key secret (`idk_…`) for `role` on this store's database, created once. */
export function apiKey(store: Store, role: Role = 'admin', datasets?: string[]): Promise<string> {
  let byRole = made.get(store);
  if (!byRole) made.set(store, (byRole = new Map()));
  const id = `${role}:${datasets?.join(',') ?? ''}`;
  let secret = byRole.get(id);
  if (!secret) {
    secret = Accounts.of(store)
      .createKey({ name: `tests ${id}`, role, datasets }, TEST_RUNNER)
      .then((k) => k.secret);
    byRole.set(id, secret);
  }
  return secret;
}

/** `{ authorization: 'ApiKey idk_…' }` for `role` (admin by default: it may do everything). */
export async function authHeaders(store: Store, role: Role = 'admin'): Promise<{ authorization: string }> {
  return { authorization: `ApiKey ${await apiKey(store, role)}` };
}

/** The author the server records for requests with `role`'s key: `key:<id>`, the id being the part between `idk_` and the next `_`. */
export async function keyAuthor(store: Store, role: Role = 'admin'): Promise<string> {
  return `key:${(await apiKey(store, role)).split('_')[1]}`;
}

export type Inject = (request: string | InjectOptions) => Promise<LightMyRequestResponse>;

/** `app.inject` sending `headers` with every request (a request's own headers are added to them). */
export function injectWith(app: FastifyInstance, headers: Record<string, string>): Inject {
  return (request) => app.inject(typeof request === 'string' ? { url: request, headers } : { ...request, headers: { ...headers, ...(request.headers as Record<string, string> | undefined) } });
}

/** A new user's session headers (cookie and CSRF token), as the web app sends them after signing in. */
export async function sessionHeaders(store: Store, name: string, role: Role): Promise<Record<string, string>> {
  const user = await Accounts.of(store).addUser({ name, role }, TEST_RUNNER);
  const { secret, session } = await Sessions.of(store).start({ kind: 'user', id: user.id, name: user.name, role, datasets: null });
  return { cookie: `interdict_session=${secret}`, 'x-csrf-token': session.csrfToken };
}

export interface CallAnswer {
  status: number;
  /** The body as JSON, or null for a file (GEXF, GraphML, JSON lines). */
  json: any;
  text: string;
}

/** A fetch of the running server at `base()` with the given headers; a body is sent as JSON. */
export function apiCaller(base: () => string) {
  return async (headers: Record<string, string>, method: string, path: string, body?: unknown): Promise<CallAnswer> => {
    const res = await fetch(`${base()}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      // a file
    }
    return { status: res.status, json, text };
  };
}
