// Issue 13: portfolios live in workspaces. A portfolio uploaded into a workspace, its records and its
// alerts are seen by the workspace's members only; to a non-member of the same role they do not exist
// (the same 404 as an unknown alert), its name is free for them, and it cannot be decided.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Accounts } from '../../src/access/accounts.ts';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { TEST_RUNNER } from '../support/credentials.ts';
import { importedSqliteFile } from '../support/imported.ts';
import { SDN_2021_SUBSET } from '../support/ofac-files.ts';

const CUSTOMERS = 'id,schema,name,birth_date,nationality\nC-002,Person,Kim Jong Un,1984-01-08,kp\n';
const PASSWORD = 'a long test password 9';

describe('portfolios in workspaces', () => {
  const dir = mkdtempSync(join(tmpdir(), 'interdict-ws-portfolios-'));
  let store: Store;
  let app: FastifyInstance;
  const session: Record<string, { cookie: string; 'x-csrf-token': string }> = {};
  /** Alice's workspace, by the id its creation answered. */
  let ws = '';

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, type = 'application/json') =>
    app.inject({ method, url, headers: { ...session[who], ...(payload === undefined ? {} : { 'content-type': type }) }, payload: payload as string });

  beforeAll(async () => {
    const config = { ...loadConfig({}), sqlitePath: join(dir, 'interdict.db'), databaseUrl: null, loadBundled: false };
    await importedSqliteFile(config.sqlitePath, SDN_2021_SUBSET, { author: 'test' });
    store = await openStore(config);
    ({ app } = await buildApp(config, store, { logger: false }));
    for (const name of ['alice', 'bob']) {
      await Accounts.of(store).addUser({ name, role: 'analyst', password: PASSWORD }, TEST_RUNNER);
      const signedIn = await app.inject({ method: 'POST', url: '/auth/sign-in', payload: { name, password: PASSWORD } });
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      session[name] = { cookie: String(signedIn.headers['set-cookie']).split(';')[0], 'x-csrf-token': signedIn.json().csrf_token };
    }
    const created = await call('alice', 'POST', '/workspaces', { name: 'kp_case' });
    expect(created.statusCode).toBe(201);
    ws = created.json().id;
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is seen, decided and reported by members only', async () => {
    const up = await call('alice', 'PUT', `/portfolios/secret%20book?workspace=${ws}`, CUSTOMERS, 'text/csv');
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ added: 1, alerts: 1 });
    const aliceAlerts = (await call('alice', 'GET', '/alerts')).json();
    expect(aliceAlerts.total).toBe(1);
    const id = aliceAlerts.results[0].id;
    expect((await call('alice', 'GET', '/portfolios')).json().results).toEqual([expect.objectContaining({ name: 'secret book', workspace: ws })]);

    expect((await call('bob', 'GET', '/portfolios')).json().results).toEqual([]);
    expect((await call('bob', 'GET', '/alerts')).json()).toEqual({ total: 0, results: [] });
    const unknown = await call('bob', 'GET', '/alerts/00000000-0000-0000-0000-000000000000');
    const hidden = await call('bob', 'GET', `/alerts/${id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error).toBe(unknown.json().error.replace('00000000-0000-0000-0000-000000000000', id));
    expect((await call('bob', 'GET', `/reports/alerts/${id}`)).statusCode).toBe(404);
    expect((await call('bob', 'POST', `/alerts/${id}/decisions`, { status: 'false_positive', reason: 'x' })).statusCode).toBe(404);
    // Names are unique per workspace: bob's upload of that name is a portfolio of his own (test/access/name-leaks.test.ts).
    const own = await call('bob', 'PUT', '/portfolios/secret%20book', CUSTOMERS, 'text/csv');
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain(ws);
    // Naming the workspace, by id or name, is naming one that does not exist.
    for (const named of [ws, 'kp_case']) {
      const refused = await call('bob', 'PUT', `/portfolios/other?workspace=${named}`, CUSTOMERS, 'text/csv');
      expect([refused.statusCode, refused.json().error]).toEqual([404, `no workspace ${named}`]);
    }

    expect((await call('alice', 'POST', `/alerts/${id}/decisions`, { status: 'in_review', reason: 'looking' })).statusCode).toBe(200);
    expect((await call('alice', 'POST', `/workspaces/${ws}/members`, { user: 'bob' })).statusCode).toBe(200);
    expect((await call('bob', 'GET', '/alerts')).json().total).toBe(2);
    expect((await call('bob', 'GET', `/reports/alerts/${id}?format=html`)).statusCode).toBe(200);
  });
});
