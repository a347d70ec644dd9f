// Issue 13: request rate limits (per API key, else per address; a small budget for sign-in attempts;
// health checks never limited) and request size limits on the access routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildApp, type AppHandle } from '../../src/server/app.ts';
import { ACCESS_BODY_LIMIT } from '../../src/server/routes/access.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { apiKey } from '../support/credentials.ts';

const PER_MINUTE = 4;
const SIGN_INS_PER_MINUTE = 2;

let store: Store;
let handle: AppHandle;

beforeAll(async () => {
  const env = { INTERDICT_RATE_LIMIT: String(PER_MINUTE), INTERDICT_SIGN_IN_RATE_LIMIT: String(SIGN_INS_PER_MINUTE) };
  const config = { ...loadConfig(env), sqlitePath: ':memory:', databaseUrl: null, loadBundled: false };
  store = await openStore(config);
  handle = await buildApp(config, store, { logger: false });
  await handle.app.ready();
});
afterAll(async () => {
  await handle?.app.close();
  await store?.close();
});

const get = (url: string, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') => handle.app.inject({ url, headers, remoteAddress });

describe('rate limits', () => {
  it('gives each API key its own budget, then answers 429 with Retry-After and the error body', async () => {
    const first = { authorization: `ApiKey ${await apiKey(store, 'viewer')}` };
    const second = { authorization: `ApiKey ${await apiKey(store, 'analyst')}` };
    for (let i = 0; i < PER_MINUTE; i++) expect((await get('/catalog', first)).statusCode).toBe(200);
    const refused = await get('/catalog', first);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ status: 429, error: expect.stringMatching(/too many requests/), detail: expect.any(String) });
    // Another key from the same address still has its own budget.
    expect((await get('/catalog', second)).statusCode).toBe(200);
  });

  it('counts callers without a key by address', async () => {
    for (let i = 0; i < PER_MINUTE; i++) expect((await get('/auth/me', {}, '10.0.0.7')).statusCode).toBe(200);
    expect((await get('/auth/me', {}, '10.0.0.7')).statusCode).toBe(429);
    expect((await get('/auth/me', {}, '10.0.0.8')).statusCode).toBe(200);
  });

  it('never limits the health checks', async () => {
    for (let i = 0; i < PER_MINUTE * 3; i++) {
      expect((await get('/healthz', {}, '10.0.0.9')).statusCode).toBe(200);
      expect((await get('/readyz', {}, '10.0.0.9')).statusCode).not.toBe(429);
    }
  });

  it('allows only a few sign-in attempts a minute per address, whatever the name', async () => {
    const signIn = (name: string, remoteAddress: string) => handle.app.inject({ method: 'POST', url: '/auth/sign-in', payload: { name, password: 'some wrong password' }, remoteAddress });
    for (let i = 0; i < SIGN_INS_PER_MINUTE; i++) expect((await signIn(`nobody${i}`, '10.0.1.1')).statusCode).toBe(401);
    const refused = await signIn('someone-else', '10.0.1.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    const link = await handle.app.inject({ method: 'POST', url: '/auth/link', payload: { token: 'x', password: 'y' }, remoteAddress: '10.0.1.2' });
    expect(link.statusCode).toBe(401);
    expect((await signIn('nobody', '10.0.1.3')).statusCode).toBe(401);
  });
});

describe('behind a reverse proxy (INTERDICT_TRUST_PROXY)', () => {
  const viaProxy = (app: AppHandle['app'], client: string, remoteAddress: string) => app.inject({ url: '/auth/me', headers: { 'x-forwarded-for': client }, remoteAddress });

  it('counts each client named by a trusted proxy on its own, and ignores the header from anyone else', async () => {
    const config = { ...loadConfig({ INTERDICT_RATE_LIMIT: String(PER_MINUTE), INTERDICT_TRUST_PROXY: '10.9.0.0/16' }), sqlitePath: ':memory:', databaseUrl: null, loadBundled: false };
    const proxied = await buildApp(config, store, { logger: false });
    try {
      for (let i = 0; i < PER_MINUTE; i++) expect((await viaProxy(proxied.app, '203.0.113.1', '10.9.0.1')).statusCode).toBe(200);
      expect((await viaProxy(proxied.app, '203.0.113.1', '10.9.0.1')).statusCode).toBe(429);
      // Another client behind the same proxy still has its budget.
      expect((await viaProxy(proxied.app, '203.0.113.2', '10.9.0.1')).statusCode).toBe(200);
      // A client that is not the proxy cannot choose its address with the header.
      for (let i = 0; i < PER_MINUTE; i++) expect((await viaProxy(proxied.app, `198.51.100.${i}`, '192.0.2.7')).statusCode).toBe(200);
      expect((await viaProxy(proxied.app, '198.51.100.99', '192.0.2.7')).statusCode).toBe(429);
    } finally {
      await proxied.app.close();
    }
  });

  it('without the setting, the proxy is the client: the header is not believed', async () => {
    for (let i = 0; i < PER_MINUTE; i++) expect((await viaProxy(handle.app, `203.0.113.${10 + i}`, '10.9.0.2')).statusCode).toBe(200);
    expect((await viaProxy(handle.app, '203.0.113.50', '10.9.0.2')).statusCode).toBe(429);
  });

  it('refuses to trust every sender', () => {
    expect(() => loadConfig({ INTERDICT_TRUST_PROXY: 'true' })).toThrow(/INTERDICT_TRUST_PROXY: name the proxies/);
    expect(loadConfig({ INTERDICT_TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });
});

describe('request size limits', () => {
  it('refuses an access request body over the limit with 413 and the error body', async () => {
    const password = 'p'.repeat(ACCESS_BODY_LIMIT + 1);
    const res = await handle.app.inject({ method: 'POST', url: '/auth/sign-in', payload: { name: 'admin', password }, remoteAddress: '10.0.2.1' });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ status: 413 });
    // Just under the limit is read (and refused for what it says, not for its size).
    const small = await handle.app.inject({ method: 'POST', url: '/auth/sign-in', payload: { name: 'admin', password: 'p'.repeat(1000) }, remoteAddress: '10.0.2.2' });
    expect(small.statusCode).toBe(401);
  });
});
