// The resolver routes answer exactly what their schemas declare, success and error, over the real UN
// and UK lists cross-referenced; and the pair view puts both records side by side with their sources.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { resolverFor } from '../../src/resolve/service.ts';
import { installErrorHandler } from '../../src/server/errors.ts';
import { installAccess } from '../../src/server/authenticate.ts';
import { collectOpenApi } from '../../src/server/openapi.ts';
import { resolveRoutes } from '../../src/server/routes/resolve.ts';
import type { Store } from '../../src/store/types.ts';
import { checkResponses, type ContractCheck } from '../support/contract.ts';
import { authHeaders, injectWith, type Inject } from '../support/credentials.ts';
import { importedStoreOf, type ImportedStore } from '../support/imported.ts';
import { UN_THEN_UK } from '../support/list-imports.ts';

let app: FastifyInstance;
let inject: Inject;
let imported: ImportedStore;
let store: Store;
let contract: ContractCheck;
let openapi: () => Record<string, any>;

beforeAll(async () => {
  imported = await importedStoreOf('sqlite', UN_THEN_UK);
  store = imported.store;
  await resolverFor(store).xref({ datasets: ['un_sc_sanctions', 'gb_hmt_sanctions'] });
  app = Fastify();
  installErrorHandler(app);
  // Before the contract check and the OpenAPI collector, as in buildApp: every route declares its 401/403/429/503.
  installAccess(app, { store, anonymousRead: false });
  inject = injectWith(app, await authHeaders(store));
  contract = checkResponses(app);
  openapi = collectOpenApi(app) as () => Record<string, any>;
  await app.register(async (api) => resolveRoutes(api, { config: loadConfig({}), store }));
  await app.ready();
}, 180_000);
afterAll(async () => {
  await app?.close();
  await imported?.dispose();
});

describe('resolve routes against their response schemas', () => {
  it('every answer, success and error, matches its schema', async () => {
    const calls: [string, number][] = [
      ['/xref/candidates?limit=3', 200],
      ['/xref/candidates?status=flagged&dataset=gb_hmt_sanctions', 200],
      ['/xref/candidates?status=all&min=0.7&max=0.8&offset=2&limit=2', 200],
      ['/xref/candidates/gb-hmt-sanctions-12439/un_sc_sanctions:KPi.024', 200],
      ['/xref/candidates/gb-hmt-sanctions-10913/un-sc-sanctions-KPi.024', 200], // no candidate: still side by side
      ['/entities/un-sc-sanctions-KPi.024/members', 200],
      ['/xref/candidates?status=maybe', 400],
      ['/xref/candidates?min=2', 400],
      ['/xref/candidates/gb-hmt-sanctions-12439/un-sc-sanctions-KPi.999', 404],
      ['/entities/un-sc-sanctions-KPi.999/members', 404],
    ];
    for (const [url, status] of calls) expect((await inject(url)).statusCode, url).toBe(status);
    const posts: [string, object, number][] = [
      ['/judgements', { left: 'gb-hmt-sanctions-12439', right: 'gb-hmt-sanctions-12182', judgement: 'unsure', reason: 'check' }, 201],
      ['/judgements', { left: 'gb-hmt-sanctions-12439', right: 'gb-hmt-sanctions-12182', judgement: 'maybe', reason: 'x' }, 400],
      ['/judgements', { judgements: [{ left: 'gb-hmt-sanctions-12439', right: 'gb-hmt-sanctions-12182', judgement: 'same', reason: 'x' }, { left: 'gb-hmt-sanctions-12182', right: 'gb-hmt-sanctions-12439', judgement: 'not-same', reason: 'y' }] }, 409],
      ['/judgements/split', { member: 'gb-hmt-sanctions-13334', reason: 'test' }, 201],
      ['/judgements/split', { member: 'gb-hmt-sanctions-13334', reason: 'again' }, 409],
      ['/judgements/split', { reason: 'no member' }, 400],
    ];
    for (const [url, payload, status] of posts) expect((await inject({ method: 'POST', url, payload })).statusCode, `${url} ${JSON.stringify(payload)}`).toBe(status);
    // Without credentials a judgement is refused (the author is whoever signed the request).
    const anonymous = await app.inject({ method: 'POST', url: '/judgements', payload: { left: 'gb-hmt-sanctions-12439', right: 'gb-hmt-sanctions-12182', judgement: 'undo', reason: 'x' } });
    expect(anonymous.statusCode).toBe(401);
    expect(contract.failures).toEqual([]);
    expect(contract.undeclared).toEqual([]);
    expect(contract.checked).toHaveLength(calls.length + posts.length + 1);
  });

  it('pages the queue best score first with counts per status and both captions', async () => {
    const page = (await inject('/xref/candidates?status=all&limit=20&dataset=gb_hmt_sanctions')).json();
    expect(page.counts.waiting + page.counts.decided + page.counts.flagged).toBe(page.total);
    expect(page.counts.decided).toBeGreaterThan(500);
    const scores = page.results.map((c: { score: number }) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(page.results[0].leftCaption).not.toBe(page.results[0].left);
  });

  it('puts two records side by side: conflicting birth dates and agreeing countries marked, each value with its dataset and version', async () => {
    // the UK's KIM Yong Chol born 1946 against the UN's born 1962: the matcher's birthDate.mismatch
    const pair = (await inject('/xref/candidates/gb-hmt-sanctions-12439/un-sc-sanctions-KPi.024')).json();
    expect(pair.candidate).toMatchObject({ left: 'gb-hmt-sanctions-12439', right: 'un-sc-sanctions-KPi.024', conflicts: ['birthDate.mismatch'] });
    expect(pair.left).toMatchObject({ id: 'gb-hmt-sanctions-12439', dataset: 'gb_hmt_sanctions', schema: 'Person' });
    expect(pair.properties[0]).toMatchObject({ prop: 'birthDate', state: 'conflict', features: ['birthDate.mismatch'] });
    expect(pair.properties[0].left[0]).toMatchObject({ value: expect.stringMatching(/^1946/), dataset: 'gb_hmt_sanctions', version: expect.any(String), matched: false });
    expect(pair.properties[0].right.map((v: { value: string }) => v.value)).toContain('1962-02-18');
    const state = (prop: string) => pair.properties.find((p: { prop: string }) => p.prop === prop);
    expect(state('name')).toMatchObject({ state: 'agree', left: [{ value: 'Yong Chol KIM', matched: true }], right: [{ value: 'KIM YONG CHOL', matched: true }] });
    expect(state('notes').state).toBe('differ');
    expect(state('passportNumber')).toMatchObject({ state: 'one_side', left: [] });
    expect(state('nationality').features).toEqual(['country.match']);
    expect(pair.properties.some((p: { state: string }) => p.state === 'one_side')).toBe(true);
  });

  it('/openapi.json describes every resolve answer and its errors', () => {
    const doc = openapi();
    expect(Object.keys(doc.paths['/judgements/split'].post.responses)).toEqual(['201', '400', '401', '403', '404', '409', '422', '429', '500', '503']);
    expect(Object.keys(doc.paths['/xref/candidates/{left}/{right}'].get.responses['200'].content['application/json'].schema.properties)).toEqual(['candidate', 'left', 'right', 'properties', 'judgement']);
    expect(doc.paths['/xref/candidates'].get.parameters.map((p: any) => p.name)).toEqual(['dataset', 'min', 'max', 'status', 'limit', 'offset']);
  });
});
