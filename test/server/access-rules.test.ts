// Issue 13: who may call what. This file keeps its own table of the least role each route needs, written
// from the role descriptions (viewer reads and screens; analyst writes claims, documents and
// judgements; admin runs users, keys and the audit trail; health, sign-in and the API description are
// public), not copied from src/server/access-rules.ts: the server's answers must agree with it. A route
// in /openapi.json that the table does not name fails, so a new route cannot arrive without a decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { Accounts, LOCK_AFTER_FAILURES, type Principal } from '../../src/access/accounts.ts';
import { ROLES, atLeast, type Role } from '../../src/access/roles.ts';
import type { AccessTables } from '../../src/store/access-schema.ts';
import { loadConfig } from '../../src/config.ts';
import { buildApp, type AppHandle } from '../../src/server/app.ts';
import { openStore } from '../../src/store/open.ts';
import { SqlStore } from '../../src/store/sql-store.ts';
import type { Store } from '../../src/store/types.ts';
import { apiKey } from '../support/credentials.ts';

type Rule = 'public' | Role;

const EXPECTED: Record<string, Rule> = {
  // Anyone: health, who am I, signing in and out
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /auth/me': 'public',
  'POST /auth/sign-in': 'public',
  'POST /auth/link': 'public',
  'POST /auth/sign-out': 'public',
  // Any signed-in user: their own sessions and password
  'POST /auth/sign-out-everywhere': 'viewer',
  'POST /auth/password': 'viewer',
  // Viewer: read lists, entities, networks, transfers, documents; screen and search
  'GET /metrics': 'viewer',
  'GET /catalog': 'viewer',
  'GET /datasets/{name}/versions': 'viewer',
  'GET /datasets/{name}/diff': 'viewer',
  'GET /entities/{id}': 'viewer',
  'POST /match/{dataset}': 'viewer',
  'GET /search/{dataset}': 'viewer',
  'GET /reconcile/{dataset}': 'viewer',
  'POST /reconcile/{dataset}': 'viewer',
  'POST /batch/results.csv': 'viewer',
  'POST /batch/results.jsonl': 'viewer',
  'GET /algorithms': 'viewer',
  'GET /entities/{id}/adjacent': 'viewer',
  'GET /graph/paths': 'viewer',
  'GET /graph/neighborhood': 'viewer',
  'GET /entities/{id}/exposure': 'viewer',
  'GET /entities/{id}/ownership': 'viewer',
  'GET /graph/centrality': 'viewer',
  'POST /graph/centrality': 'viewer',
  'GET /graph/export': 'viewer',
  'GET /graph/stats': 'viewer',
  'GET /transfers': 'viewer',
  'GET /transfers/{id}': 'viewer',
  'GET /transfers/{id}/violations': 'viewer',
  'GET /embargo-rules': 'viewer',
  'GET /xref/candidates': 'viewer',
  'GET /xref/candidates/{left}/{right}': 'viewer',
  'GET /entities/{id}/members': 'viewer',
  'GET /documents': 'viewer',
  'GET /documents/search': 'viewer',
  'GET /documents/jobs/{jobId}': 'viewer',
  'GET /documents/{id}': 'viewer',
  'GET /documents/{id}/original': 'viewer',
  'GET /documents/{id}/mentions': 'viewer',
  'GET /documents/{id}/passage': 'viewer',
  'GET /entities/{id}/documents': 'viewer',
  // Analyst: claims, judgements, documents and what is read from them
  'POST /entities': 'analyst',
  'POST /statements': 'analyst',
  'POST /judgements': 'analyst',
  'POST /judgements/split': 'analyst',
  'POST /documents': 'analyst',
  'POST /documents/{id}/mentions': 'analyst',
  'POST /documents/{id}/mentions/{mentionId}': 'analyst',
  'POST /documents/{id}/claims': 'analyst',
  // Admin: users, API keys, the audit trail
  'GET /users': 'admin',
  'POST /users': 'admin',
  'PATCH /users/{id}': 'admin',
  'POST /users/{id}/sign-in-link': 'admin',
  'GET /keys': 'admin',
  'POST /keys': 'admin',
  'DELETE /keys/{id}': 'admin',
  'GET /audit': 'admin',
  'GET /audit/verify': 'admin',
  'GET /audit/export': 'admin',
  // Workspaces: members see them; analysts make them and manage members (owners and admins, checked inside)
  'GET /workspaces': 'viewer',
  'GET /workspaces/{id}': 'viewer',
  'POST /workspaces': 'analyst',
  'POST /workspaces/{id}/members': 'analyst',
  'DELETE /workspaces/{id}/members/{user}': 'analyst',
  // Monitoring: a viewer reads the inbox and reports; analysts upload, re-screen and decide (first level)
  'GET /portfolios': 'viewer',
  'GET /alerts': 'viewer',
  'GET /alerts/{id}': 'viewer',
  'GET /reports/alerts/{id}': 'viewer',
  'GET /reports/entities/{id}': 'viewer',
  'GET /jobs': 'viewer',
  'GET /jobs/{id}': 'viewer',
  'PUT /portfolios/{name}': 'analyst',
  'POST /portfolios/{name}/rescreen': 'analyst',
  'POST /alerts/{id}/decisions': 'analyst',
  'PUT /alerts/{id}/assignee': 'analyst',
  // Notifications are settings: admin
  'GET /webhooks': 'admin',
  'POST /webhooks': 'admin',
  'DELETE /webhooks/{id}': 'admin',
  'GET /webhooks/{id}/deliveries': 'admin',
};

const PASSWORD = 'a long enough test password';
const TESTS: Principal = { kind: 'cli', id: 'tests', name: 'tests', role: 'admin', datasets: null };

interface Served {
  store: Store;
  handle: AppHandle;
}

async function serve(anonymousRead = false): Promise<Served> {
  // Limits off here: this file sends hundreds of requests and a dozen sign-ins (rate-limit.test.ts tests them).
  const config = { ...loadConfig({}), sqlitePath: ':memory:', databaseUrl: null, loadBundled: false, anonymousRead, rateLimitPerMinute: 0, signInRateLimitPerMinute: 0 };
  const store = await openStore(config);
  const handle = await buildApp(config, store, { logger: false });
  await handle.app.ready();
  return { store, handle };
}

/** Bodies that pass validation, where an empty one would be refused (400) before the handler decides who may. */
const WELL_FORMED: Record<string, object> = {
  'POST /auth/password': { current: PASSWORD, password: `${PASSWORD} changed` },
};

/** Calls a route as `METHOD /path/{param}` with every parameter `x` and, for writes, a minimal JSON body. */
async function call(served: Served, route: string, headers: Record<string, string> = {}): Promise<number> {
  const [method, path] = route.split(' ');
  const url = path.replace(/\{[^}]+\}/g, 'x');
  const write = method !== 'GET' && method !== 'DELETE';
  const payload = JSON.stringify(WELL_FORMED[route] ?? {});
  const res = await served.handle.app.inject({ method: method as 'GET', url, headers: write ? { ...headers, 'content-type': 'application/json' } : headers, ...(write ? { payload } : {}) });
  return res.statusCode;
}

function sessionCookie(setCookie: string | string[] | undefined): string {
  const line = [setCookie ?? []].flat().find((c) => c.startsWith('interdict_session='));
  if (!line) throw new Error('no session cookie was set');
  return line.split(';')[0];
}

let main: Served;
let anonymous: Served;

beforeAll(async () => {
  [main, anonymous] = await Promise.all([serve(false), serve(true)]);
});
afterAll(async () => {
  for (const s of [main, anonymous]) {
    await s?.handle.app.close();
    await s?.store.close();
  }
});

describe('the role each route needs', () => {
  it('is decided for every route /openapi.json describes, and for no other', async () => {
    const res = await main.handle.app.inject('/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = (res.json() as { paths: Record<string, Record<string, unknown>> }).paths;
    const described = Object.entries(paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(described.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('asks for credentials on every route but the public ones', async () => {
    const wrong: string[] = [];
    for (const [route, rule] of Object.entries(EXPECTED)) {
      const status = await call(main, route);
      if (rule === 'public' ? status === 401 || status === 403 : status !== 401) wrong.push(`${route} (${rule}): ${status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a role below the rule (403) and lets the rule and every role above it through', { timeout: 60_000 }, async () => {
    const wrong: string[] = [];
    for (const role of ROLES) {
      const headers = { authorization: `ApiKey ${await apiKey(main.store, role)}` };
      for (const [route, rule] of Object.entries(EXPECTED)) {
        const status = await call(main, route, headers);
        const allowed = rule === 'public' || atLeast(role, rule);
        if (allowed ? status === 401 || status === 403 : status !== 403) wrong.push(`${role} ${route} (${rule}): ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('anonymous read, when switched on', () => {
  it('lets an anonymous visitor read every viewer GET route and write nothing', async () => {
    const wrong: string[] = [];
    for (const [route, rule] of Object.entries(EXPECTED)) {
      if (rule === 'public') continue;
      const status = await call(anonymous, route);
      const read = rule === 'viewer' && route.startsWith('GET ');
      const write = rule !== 'viewer' || route.startsWith('POST /auth/');
      if (read && (status === 401 || status === 403)) wrong.push(`${route}: ${status}, expected an answer`);
      if (write && status !== 401) wrong.push(`${route}: ${status}, expected 401`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('credentials that no longer hold', () => {
  it('answers 401 to a revoked key and to an expired one', async () => {
    const accounts = Accounts.of(main.store);
    const revoked = await accounts.createKey({ name: 'to revoke', role: 'admin' }, TESTS);
    const headers = (secret: string) => ({ authorization: `ApiKey ${secret}` });
    expect(await call(main, 'GET /catalog', headers(revoked.secret))).toBe(200);
    await accounts.revokeKey(revoked.key.id, TESTS);
    expect(await call(main, 'GET /catalog', headers(revoked.secret))).toBe(401);

    // A key made an hour ago that expired a minute after it was made.
    const hourAgo = new Date(Date.now() - 3_600_000);
    const db = (main.store as SqlStore).db as unknown as Kysely<AccessTables>;
    const past = new Accounts(db, 'sqlite', () => hourAgo);
    const expired = await past.createKey({ name: 'expired', role: 'admin', expiresAt: new Date(hourAgo.getTime() + 60_000).toISOString() }, TESTS);
    expect(await call(main, 'GET /catalog', headers(expired.secret))).toBe(401);
  });
});

describe('browser sessions', () => {
  const app = () => main.handle.app;
  const signIn = async (name: string, password = PASSWORD) =>
    app().inject({ method: 'POST', url: '/auth/sign-in', payload: { name, password } });
  const screen = (cookie: string, csrf?: string) =>
    app().inject({
      method: 'POST',
      url: '/match/default',
      headers: { cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      payload: { queries: { q: { schema: 'Person', properties: { name: ['Nobody In Particular'] } } } },
    });

  beforeAll(async () => {
    const accounts = Accounts.of(main.store);
    await accounts.addUser({ name: 'vera', role: 'viewer', password: PASSWORD }, TESTS);
    await accounts.addUser({ name: 'lou', role: 'viewer', password: PASSWORD }, TESTS);
  });

  it('needs the session CSRF token on a write: 403 without it, an answer with it', async () => {
    const res = await signIn('vera');
    expect(res.statusCode).toBe(200);
    const cookie = sessionCookie(res.headers['set-cookie']);
    const csrf = (res.json() as { csrf_token: string }).csrf_token;
    expect(csrf).toBeTruthy();
    expect((await screen(cookie)).statusCode).toBe(403);
    expect((await screen(cookie, 'not the token')).statusCode).toBe(403);
    expect((await screen(cookie, csrf)).statusCode).toBe(200);
  });

  it(`locks the account after ${LOCK_AFTER_FAILURES} wrong passwords and names until when`, async () => {
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) expect((await signIn('lou', 'not the password at all')).statusCode).toBe(401);
    const locked = await signIn('lou'); // the right password, too late
    expect(locked.statusCode).toBe(401);
    const until = /after (\d{4}-\d\d-\d\dT[\d:.]+Z)/.exec((locked.json() as { error: string }).error)?.[1];
    expect(until).toBeDefined();
    expect(new Date(until!).getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
  });

  it('signs out everywhere: another session of the same user stops working', async () => {
    const first = await signIn('vera');
    const second = await signIn('vera');
    const [a, b] = [sessionCookie(first.headers['set-cookie']), sessionCookie(second.headers['set-cookie'])];
    const csrf = (first.json() as { csrf_token: string }).csrf_token;
    expect((await app().inject({ url: '/catalog', headers: { cookie: b } })).statusCode).toBe(200);
    expect((await app().inject({ method: 'POST', url: '/auth/sign-out-everywhere', headers: { cookie: a, 'x-csrf-token': csrf } })).statusCode).toBe(200);
    expect((await app().inject({ url: '/catalog', headers: { cookie: b } })).statusCode).toBe(401);
    expect((await app().inject({ url: '/auth/me', headers: { cookie: b } })).json()).toMatchObject({ principal: null });
  });
});
