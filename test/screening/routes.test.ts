// The HTTP surface: status codes for bad input (never a 500), body limits, form-encoded OpenRefine
// batches. Uses the stand-in matcher; the real one is exercised in ofac-screening.test.ts.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { installErrorHandler } from '../../src/server/errors.ts';
import { installAccess } from '../../src/server/authenticate.ts';
import { openStore } from '../../src/store/open.ts';
import { screeningRoutes } from '../../src/server/routes/screening.ts';
import { MAX_BODY_BYTES } from '../../src/screening/limits.ts';
import { MemoryReader } from '../../src/store/memory-reader.ts';
import { ScreeningService } from '../../src/screening/service.ts';
import type { Store } from '../../src/store/types.ts';
import { authHeaders, injectWith, type Inject } from '../support/credentials.ts';
import { tokenEngine } from './helpers/token-engine.ts';

let app: FastifyInstance;
let inject: Inject;
// The entities live in memory; the accounts the access check reads need a database of their own.
let accountsStore: Store;

beforeAll(async () => {
  const reader = new MemoryReader();
  reader.addEntities('us_ofac_sdn', [
    { id: 'us-ofac-sdn-20157', schema: 'Person', caption: 'KIM, Jong Un', properties: { name: ['KIM, Jong Un'], birthDate: ['1984-01-08'] } },
    { id: 'us-ofac-sdn-12212', schema: 'Company', caption: 'GREEN PINE ASSOCIATED CORPORATION', properties: { name: ['GREEN PINE ASSOCIATED CORPORATION'] } },
  ]);
  const screening = new ScreeningService(reader, { engine: tokenEngine });
  app = Fastify({ bodyLimit: 5 * 1024 * 1024 });
  installErrorHandler(app);
  accountsStore = await openStore({ databaseUrl: null, sqlitePath: ':memory:' });
  installAccess(app, { store: accountsStore, anonymousRead: false });
  inject = injectWith(app, await authHeaders(accountsStore));
  await app.register(async (api) => screeningRoutes(api, { config: loadConfig({}), store: reader as unknown as Store, screening }));
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await accountsStore.close();
});

const match = (payload: unknown, url = '/match/default') => inject({ method: 'POST', url, payload: payload as object });

describe('screening routes', () => {
  it('POST /match answers a yente client request', async () => {
    const res = await match({ queries: { q1: { schema: 'Person', properties: { name: ['Jong Un Kim'], birthDate: ['1984'] } } } }, '/match/default?limit=3&algorithm=logic-v1');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-batch-size']).toBe('1');
    const body = res.json();
    expect(body.limit).toBe(3);
    expect(body.responses.q1.results[0]).toMatchObject({ id: 'us-ofac-sdn-20157', caption: 'KIM, Jong Un', match: true, referents: ['us_ofac_sdn:20157'] });
  });

  it.each([
    ['empty name', { queries: { q1: { schema: 'Person', properties: { name: ['  '] } } } }, 'queries.q1.properties.name[0]'],
    ['10 kB name', { queries: { q1: { schema: 'Person', properties: { name: ['a'.repeat(10_240)] } } } }, 'queries.q1.properties.name[0]'],
    ['control characters', { queries: { q1: { schema: 'Person', properties: { name: ['Kim\u0007'] } } } }, 'queries.q1.properties.name[0]'],
    ['unknown schema', { queries: { q1: { schema: 'Spaceship', properties: { name: ['Kim'] } } } }, 'queries.q1.schema'],
    ['queries not an object', { queries: ['Kim'] }, 'queries'],
    ['too many queries', { queries: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, { schema: 'Person', properties: { name: ['Kim'] } }])) }, 'queries'],
  ])('POST /match with %s is a 400 naming the field', async (_label, payload, field) => {
    const res = await match(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(field);
    expect(res.json().error).toContain(field);
  });

  it('POST /match: unknown dataset 404, unknown algorithm 400, bad limit 400, malformed JSON 400, huge body 413', async () => {
    const ok = { queries: { q1: { schema: 'Person', properties: { name: ['Kim'] } } } };
    const unknown = await match(ok, '/match/eu_fsf');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatch(/dataset "eu_fsf" not found/);
    expect((await match(ok, '/match/default?algorithm=magic')).statusCode).toBe(400);
    expect((await match(ok, '/match/default?limit=abc')).statusCode).toBe(400);
    expect((await match(ok, '/match/default?limit=100000')).statusCode).toBe(400);
    const broken = await inject({ method: 'POST', url: '/match/default', headers: { 'content-type': 'application/json' }, payload: '{"queries": {' });
    expect(broken.statusCode).toBe(400);
    const huge = await match({ queries: { q1: { schema: 'Person', properties: { name: ['x'], notes: ['y'.repeat(MAX_BODY_BYTES)] } } } });
    expect(huge.statusCode).toBe(413);
  });

  it('GET /search pages and facets; bad parameters are 400s', async () => {
    const res = await inject('/search/default?q=green%20pine&limit=5');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ limit: 5, offset: 0, total: { value: 1 }, results: [{ id: 'us-ofac-sdn-12212' }] });
    expect(res.json().facets.schema.values).toEqual([{ name: 'Company', label: 'Companies', count: 1 }]);
    expect((await inject('/search/default?limit=-1')).statusCode).toBe(400);
    expect((await inject('/search/nowhere?q=x')).statusCode).toBe(404);
    expect((await inject(`/search/default?q=${encodeURIComponent('a\u0001b')}`)).statusCode).toBe(400);
  });

  it('reconciliation: manifest, form-encoded and GET batches', async () => {
    const manifest = await inject('/reconcile/default');
    expect(manifest.statusCode).toBe(200);
    expect(manifest.json()).toMatchObject({ versions: ['0.2'], view: { url: expect.stringContaining('/entities/{{id}}') } });
    expect(manifest.json().defaultTypes.map((t: { id: string }) => t.id)).toContain('Person');
    const queries = JSON.stringify({ q0: { query: 'Green Pine Associated Corporation', type: 'Company' } });
    const form = await inject({
      method: 'POST',
      url: '/reconcile/default',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ queries }).toString(),
    });
    expect(form.statusCode).toBe(200);
    expect(form.json().q0.result[0]).toMatchObject({ id: 'us-ofac-sdn-12212', match: true, score: 1, type: [{ id: 'Company' }] });
    const viaGet = await inject(`/reconcile/default?queries=${encodeURIComponent(queries)}`);
    expect(viaGet.json()).toEqual(form.json());
    const bad = await inject({ method: 'POST', url: '/reconcile/default', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'queries=%7Bnope' });
    expect(bad.statusCode).toBe(400);
    expect((await inject('/reconcile/missing')).statusCode).toBe(404);
  });

  it('GET /algorithms lists the yente names', async () => {
    const res = await inject('/algorithms');
    expect(res.json()).toMatchObject({ default: 'interdict-v1', threshold: 0.7 });
    expect(res.json().algorithms.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['logic-v1', 'name-based', 'best']));
  });
});
