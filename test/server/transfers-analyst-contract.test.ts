// The transfer and analyst-edit routes answer exactly what their schemas declare (issue 11), the
// edit bodies are snake_case, and /openapi.json describes both.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { importWith } from '../../src/ingest/import.ts';
import { installErrorHandler } from '../../src/server/errors.ts';
import { installAccess } from '../../src/server/authenticate.ts';
import { collectOpenApi } from '../../src/server/openapi.ts';
import { analystRoutes } from '../../src/server/routes/analyst.ts';
import { transferRoutes } from '../../src/server/routes/transfers.ts';
import { caseFileCsv } from '../../src/sources/transfers/case-file.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { TransferService } from '../../src/transfers/service.ts';
import { checkResponses, type ContractCheck } from '../support/contract.ts';
import { authHeaders, injectWith, keyAuthor, type Inject } from '../support/credentials.ts';
import { CASE_DIR } from '../graph/support.ts';

const P = 'case-dprk-russia-';
const WAGNER_RAIL = `${P}tr-2022-11-dprk-wagner-rail`;
let app: FastifyInstance;
let inject: Inject;
let store: Store;
let contract: ContractCheck;
let openapi: () => Record<string, any>;

beforeAll(async () => {
  store = await openStore({ databaseUrl: null, sqlitePath: ':memory:' });
  await importWith(store, caseFileCsv, [`${CASE_DIR}statements.csv`, `${CASE_DIR}transfers.csv`]);
  app = Fastify();
  installErrorHandler(app);
  // Before the contract check and the OpenAPI collector, as in buildApp: every route declares its 401/403/429/503.
  installAccess(app, { store, anonymousRead: false });
  inject = injectWith(app, await authHeaders(store));
  contract = checkResponses(app);
  openapi = collectOpenApi(app) as () => Record<string, any>;
  const ctx = { config: loadConfig({}), store };
  await app.register(async (api) => transferRoutes(api, { ...ctx, transfers: new TransferService(store) }));
  await app.register(async (api) => analystRoutes(api, ctx));
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

const post = (url: string, payload: object) => inject({ method: 'POST', url, payload });
const claim = { source_document: `${P}src-seed-article`, evidence_grade: 'reported', locator: 'para 10', claim_date: '2023-01-20' };

describe('transfer routes against their response schemas', () => {
  it('every answer, success and error, matches its schema', async () => {
    const calls: [string, number][] = [
      ['/transfers', 200],
      [`/transfers/${WAGNER_RAIL}`, 200],
      [`/transfers/${WAGNER_RAIL}/violations`, 200],
      ['/embargo-rules', 200],
      ['/transfers/nobody', 404],
      ['/transfers/nobody/violations', 404],
      [`/transfers/${P}gov-dprk`, 404], // an entity, not a transfer
    ];
    for (const [url, status] of calls) expect((await inject(url)).statusCode, url).toBe(status);
    expect(contract.failures).toEqual([]);
    expect(contract.undeclared).toEqual([]);

    const listing = (await inject('/transfers')).json();
    expect(listing.transfers.length).toBeGreaterThan(5);
    const rules = (await inject('/embargo-rules')).json().rules;
    // Optional rule fields the serializer keeps because the schema names them.
    expect(rules.find((r: { id: string }) => r.id === 'unscr-1718-8a-i').contestable.items).toEqual(['ammunition']);
    expect(rules.some((r: { notification?: unknown }) => r.notification)).toBe(true);
    const detail = (await inject(`/transfers/${WAGNER_RAIL}`)).json();
    expect(detail.support.status[0]).toMatchObject({ grade: expect.any(String), sourceDocument: expect.any(String) });
  });
});

describe('analyst edit routes against their schemas', () => {
  it('creates and adds with snake_case bodies; answers 201, 404 and 422 as declared', async () => {
    const created = await post('/entities', { schema: 'Company', properties: { name: 'Contract Test Trading', country: 'kp' }, ...claim });
    expect(created.statusCode).toBe(201);
    const { id, statements } = created.json();
    expect(statements[0]).toMatchObject({ entityId: id, sourceDocument: claim.source_document, evidenceGrade: 'reported', claimDate: '2023-01-20', author: await keyAuthor(store) });
    const added = await post('/statements', { statements: [{ entity_id: id, prop: 'alias', value: 'CTT', ...claim }, { entity_id: id, prop: 'alias', value: 'CTT', retract: true, ...claim }] });
    expect(added.statusCode).toBe(201);
    expect(added.json().statements.map((s: { dataset: string; evidenceGrade: string }) => [s.dataset, s.evidenceGrade])).toEqual([
      ['analyst', 'reported'],
      ['analyst_retractions', 'denied'],
    ]);

    const noGrade = await post('/statements', { statements: [{ entity_id: id, prop: 'alias', value: 'X', source_document: 'x' }] });
    expect(noGrade.statusCode).toBe(422);
    expect(noGrade.json()).toMatchObject({ field: 'statements[0].evidence_grade', error: 'statements[0].evidence_grade: is required' });
    const badDate = await post('/entities', { schema: 'Person', properties: { name: 'X' }, ...claim, claim_date: 'last week' });
    expect(badDate.json()).toMatchObject({ status: 422, field: 'claim_date' });
    const unknown = await post('/statements', { statements: [{ entity_id: 'nobody', prop: 'name', value: 'x', ...claim }] });
    expect(unknown.statusCode).toBe(404);
    const notStrings = await post('/entities', { schema: 'Person', properties: { name: { first: 'X' } }, ...claim });
    expect(notStrings.statusCode).toBe(400);

    expect(contract.failures).toEqual([]);
    expect(contract.undeclared).toEqual([]);
  });

  it('refuses the old camelCase body fields by name instead of ignoring them', async () => {
    const old = await post('/entities', { schema: 'Person', properties: { name: 'X' }, sourceDocument: 'x', evidenceGrade: 'reported' });
    expect(old.statusCode).toBe(400);
    expect(old.json()).toMatchObject({ field: 'sourceDocument', error: expect.stringContaining('source_document') });
    const oldItem = await post('/statements', { statements: [{ entity_id: `${P}gov-dprk`, prop: 'alias', value: 'X', ...claim }, { entityId: `${P}gov-dprk` }] });
    expect(oldItem.json()).toMatchObject({ status: 400, field: 'statements[1].entityId' });
  });

  it('/openapi.json describes the bodies, every answer and the 422', () => {
    const doc = openapi();
    const create = doc.paths['/entities'].post;
    expect(Object.keys(create.responses)).toEqual(['201', '400', '401', '403', '404', '422', '429', '500', '503']);
    expect(Object.keys(create.requestBody.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['schema', 'properties', 'dataset', 'author', 'source_document', 'evidence_grade', 'locator', 'claim_date']),
    );
    const item = doc.paths['/statements'].post.requestBody.content['application/json'].schema.properties.statements.items;
    expect(Object.keys(item.properties)).toContain('entity_id');
    const violations = doc.paths['/transfers/{id}/violations'].get;
    expect(Object.keys(violations.responses['200'].content['application/json'].schema.properties)).toEqual(
      ['transfer', 'name', 'date', 'verdict', 'conduct', 'direction', 'items', 'parties', 'breaches', 'notApplicable', 'context', 'evidence', 'warnings'],
    );
    expect(Object.keys(doc.paths['/embargo-rules'].get.responses)).toEqual(['200', '400', '401', '403', '404', '429', '500', '503']);
  });
});
