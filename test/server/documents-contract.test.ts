// The documents routes answer exactly what their schemas declare, success and error alike, and
// /openapi.json names their snake_case parameters. Over the case file only (a small screening index).
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { importWith } from '../../src/ingest/import.ts';
import { installErrorHandler } from '../../src/server/errors.ts';
import { installAccess } from '../../src/server/authenticate.ts';
import { collectOpenApi } from '../../src/server/openapi.ts';
import { documentRoutes } from '../../src/server/routes/documents.ts';
import { ScreeningService } from '../../src/screening/service.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { caseFileCsv } from '../../src/sources/transfers/case-file.ts';
import { checkResponses, type ContractCheck } from '../support/contract.ts';
import { authHeaders, injectWith, type Inject } from '../support/credentials.ts';
import { CASE_DIR } from '../graph/support.ts';

const SEED = readFileSync('test/fixtures/documents/seed-article.txt');
const KIRBY = 'case-dprk-russia-kirby';
let app: FastifyInstance;
let inject: Inject;
let store: Store;
let screening: ScreeningService;
let contract: ContractCheck;
let openapi: () => Record<string, any>;

beforeAll(async () => {
  store = await openStore({ databaseUrl: null, sqlitePath: ':memory:' });
  await importWith(store, caseFileCsv, [`${CASE_DIR}statements.csv`, `${CASE_DIR}transfers.csv`]);
  screening = new ScreeningService(store);
  app = Fastify();
  installErrorHandler(app);
  // Before the contract check and the OpenAPI collector, as in buildApp: every route declares its 401/403/429.
  installAccess(app, { store, anonymousRead: false });
  inject = injectWith(app, await authHeaders(store));
  contract = checkResponses(app);
  openapi = collectOpenApi(app) as () => Record<string, any>;
  await app.register(async (api) => documentRoutes(api, { config: loadConfig({}), store, screening }));
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await screening?.close();
  await store?.close();
});

async function json(method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await inject({ method, url, payload });
  return { status: res.statusCode, body: res.json() };
}

describe('documents routes against their response schemas', () => {
  it('every answer, success and error, matches its schema', async () => {
    const upload = await inject({ method: 'POST', url: '/documents?file_name=seed.txt&published_at=2023-09-01&publisher=Test%20Wire', payload: SEED, headers: { 'content-type': 'text/plain' } });
    expect(upload.statusCode, upload.body).toBe(201);
    const { document, job } = upload.json();
    expect(document).toMatchObject({ file_name: 'seed.txt', published_at: '2023-09-01', publisher: 'Test Wire' });
    let state = job;
    while (state.status !== 'done' && state.status !== 'failed') {
      await new Promise((r) => setTimeout(r, 100));
      state = (await json('GET', `/documents/jobs/${job.id}`)).body;
    }
    expect(state).toMatchObject({ status: 'done', progress: 1 });
    const id = document.id;
    const doc = (await json('GET', `/documents/${id}`)).body;
    const mentions = (await json('GET', `/documents/${id}/mentions`)).body.mentions;
    const kirby = mentions.find((m: any) => m.entityId === KIRBY);
    expect(kirby.candidates[0].explanations.length).toBeGreaterThan(0);
    const sentence = 'In July, the U.S. sanctioned North Korean arms dealer Rim Yong Hyok for facilitating unspecified arms transfers to the Wagner Group.';
    const start = doc.text.indexOf(sentence);
    const passage = { start, end: start + sentence.length };

    const calls: [string, string, object | undefined, number][] = [
      ['GET', '/documents', undefined, 200],
      ['GET', '/documents/search?q=Mkrtychev&from=2023&source=wire&limit=5', undefined, 200],
      ['GET', `/documents/search?entity=${KIRBY}`, undefined, 200],
      ['GET', '/documents/search?from=yesterday', undefined, 400],
      ['GET', `/documents/${id}/mentions?kind=date`, undefined, 200],
      ['GET', `/documents/${id}/mentions?kind=spaceship`, undefined, 400],
      ['POST', `/documents/${id}/mentions/${kirby.id}`, { action: 'accept' }, 200],
      ['POST', `/documents/${id}/mentions/${kirby.id}`, { action: 'relink', entity_id: 'case-dprk-russia-us-nsc' }, 200],
      ['POST', `/documents/${id}/mentions/${kirby.id}`, { action: 'relink' }, 422],
      ['POST', `/documents/${id}/mentions/${kirby.id}`, { action: 'merge' }, 400],
      ['POST', `/documents/${id}/mentions/nope`, { action: 'accept' }, 404],
      ['GET', `/documents/${id}/passage?paragraph=9`, undefined, 200],
      ['GET', `/documents/${id}/passage?locator=${encodeURIComponent('page 1, para 9, chars 0-5, quote sha256:0000000000000000')}`, undefined, 422],
      ['POST', `/documents/${id}/claims`, { ...passage, propose: true }, 200],
      ['POST', `/documents/${id}/claims`, { ...passage, kind: 'property', entity_id: KIRBY, prop: 'notes', value: 'x', propose: true }, 200],
      ['POST', `/documents/${id}/claims`, { ...passage, kind: 'transfer', evidence_grade: 'alleged', claim_date: '2023-07' }, 201],
      ['POST', `/documents/${id}/claims`, { ...passage, kind: 'property', entity_id: KIRBY, prop: 'notes', value: 'named in the article', evidence_grade: 'reported' }, 201],
      ['POST', `/documents/${id}/claims`, { ...passage, kind: 'relationship' }, 422],
      ['POST', `/documents/${id}/mentions`, undefined, 202],
      ['GET', `/entities/${KIRBY}/documents`, undefined, 200],
      ['GET', '/entities/no-such-entity/documents', undefined, 404],
      ['GET', '/documents/0000', undefined, 404],
      ['GET', '/documents/jobs/nope', undefined, 404],
    ];
    for (const [method, url, payload, status] of calls) {
      const res = await json(method as 'GET' | 'POST', url, payload);
      expect(res.status, `${method} ${url} ${JSON.stringify(res.body)}`).toBe(status);
    }
    const original = await inject(`/documents/${id}/original`);
    expect(original.rawPayload.equals(SEED)).toBe(true);
    const notAFile = await inject({ method: 'POST', url: '/documents', payload: { text: 'not a file' } });
    expect(notAFile.statusCode).toBe(415);

    expect(contract.failures).toEqual([]);
    // Before this file's schemas every route answered undeclared JSON.
    expect(contract.undeclared).toEqual([]);
    // the upload, the job polls, the reads above and the calls table; the original is bytes, not JSON
    expect(contract.checked.length).toBeGreaterThanOrEqual(calls.length + 4);
  });

  it('a relink names the entity in snake_case: the old entityId is not read', async () => {
    const id = (await json('GET', '/documents')).body.documents[0].id;
    const mention = (await json('GET', `/documents/${id}/mentions?kind=entity`)).body.mentions[0];
    const old = await json('POST', `/documents/${id}/mentions/${mention.id}`, { action: 'relink', entityId: KIRBY });
    expect(old.status).toBe(422);
    expect(old.body.error).toMatch(/entity_id/);
  });

  it('/openapi.json describes every documents answer with snake_case parameters', () => {
    const doc = openapi();
    const upload = doc.paths['/documents'].post;
    expect(upload.parameters.map((p: any) => p.name)).toEqual(['file_name', 'title', 'author', 'publisher', 'published_at', 'url', 'language', 'mentions', 'workspace']);
    expect(Object.keys(upload.responses)).toEqual(expect.arrayContaining(['200', '201', '413', '415', '422']));
    const claims = doc.paths['/documents/{id}/claims'].post;
    const body = claims.requestBody.content['application/json'].schema;
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['evidence_grade', 'claim_date', 'entity_id']));
    for (const [path, methods] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(methods)) {
        if (!op.tags?.includes('documents')) continue;
        expect(op.responses?.['200'] ?? op.responses?.['202'], `${method} ${path}`).toBeDefined();
        for (const p of op.parameters ?? []) expect(p.name, `${method} ${path}`).toMatch(/^[a-z][a-z0-9_]*$|^mentionId$|^jobId$/);
      }
    }
  });
});
