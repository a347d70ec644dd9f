// The graph routes answer exactly what their schemas declare (the pattern every route file follows),
// and /openapi.json carries those schemas.
import Fastify, { type FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { GraphService } from '../../src/graph/service.ts';
import { importWith } from '../../src/ingest/import.ts';
import { installErrorHandler } from '../../src/server/errors.ts';
import { installAccess } from '../../src/server/authenticate.ts';
import { collectOpenApi } from '../../src/server/openapi.ts';
import { graphRoutes } from '../../src/server/routes/graph.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { caseFileCsv } from '../../src/sources/transfers/case-file.ts';
import { checkResponses, type ContractCheck } from '../support/contract.ts';
import { authHeaders, injectWith, type Inject } from '../support/credentials.ts';
import { CASE_DIR } from '../graph/support.ts';

const P = 'case-dprk-russia-';
let app: FastifyInstance;
let inject: Inject;
let store: Store;
let contract: ContractCheck;
let openapi: () => Record<string, any>;

beforeAll(async () => {
  store = await openStore({ databaseUrl: null, sqlitePath: ':memory:' });
  await importWith(store, caseFileCsv, [`${CASE_DIR}statements.csv`, `${CASE_DIR}transfers.csv`]);
  const graph = new GraphService(store);
  app = Fastify();
  installErrorHandler(app);
  // Before the contract check and the OpenAPI collector, as in buildApp: every route declares its 401/403/429/503.
  installAccess(app, { store, anonymousRead: false });
  inject = injectWith(app, await authHeaders(store));
  contract = checkResponses(app);
  openapi = collectOpenApi(app) as () => Record<string, any>;
  await app.register(async (api) => graphRoutes(api, { config: loadConfig({}), store, graph }));
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

describe('graph routes against their response schemas', () => {
  it('every answer, success and error, matches its schema', async () => {
    const calls: [string, number][] = [
      [`/entities/${P}gov-dprk/adjacent?limit=3`, 200],
      [`/entities/${P}gov-dprk/adjacent?min_grade=official&from_date=2022-01-01`, 200],
      ['/graph/paths?from=us-ofac-sdn-44294&to=us-ofac-sdn-22543&max_hops=3&k=2', 200],
      [`/graph/neighborhood?id=${P}gov-dprk&hops=2&limit=40`, 200],
      [`/entities/${P}gov-dprk/exposure?hops=2`, 200],
      ['/entities/us-ofac-sdn-22543/ownership', 200],
      [`/graph/centrality?ids=${P}gov-dprk&hops=1`, 200],
      ['/graph/stats', 200],
      [`/graph/export?ids=${P}gov-dprk&format=graphml`, 200],
      ['/graph/paths?from=x', 400],
      [`/graph/neighborhood?id=${P}gov-dprk&hops=9`, 400],
      ['/entities/no-such-entity/exposure', 404],
    ];
    for (const [url, status] of calls) expect((await inject(url)).statusCode, url).toBe(status);
    const post = await inject({ method: 'POST', url: '/graph/centrality', payload: { ids: [`${P}gov-dprk`, 'us-ofac-sdn-22543'], hops: 1, min_grade: 'reported' } });
    expect(post.statusCode).toBe(200);

    expect(contract.failures).toEqual([]);
    expect(contract.undeclared).toEqual([]);
    // the export is a file, not JSON: it does not pass through the serializer
    expect(contract.checked).toHaveLength(calls.length);
    // Issue 11: parameters are snake_case; an old camelCase name is refused by name, never ignored (an
    // ignored minGrade would answer weaker links than asked for).
    const old = await inject(`/entities/${P}gov-dprk/adjacent?minGrade=official`);
    expect(old.statusCode).toBe(400);
    expect(old.json()).toMatchObject({ field: 'minGrade', error: expect.stringContaining('min_grade') });
    const oldBody = await inject({ method: 'POST', url: '/graph/centrality', payload: { ids: [`${P}gov-dprk`], minGrade: 'reported' } });
    expect(oldBody.json()).toMatchObject({ status: 400, field: 'minGrade' });
    // and a domain error names the parameter as the client sent it
    expect((await inject('/graph/paths?from=us-ofac-sdn-44294&to=us-ofac-sdn-22543&from_date=2024-01-01&to_date=2020-01-01')).json()).toMatchObject({ field: 'from_date', error: 'from_date: 2024-01-01 is after to_date 2020-01-01' });

    const neighbourhood = (await inject(`/graph/neighborhood?id=${P}gov-dprk&hops=1`)).json();
    expect(neighbourhood.nodes[0]).toHaveProperty('hops'); // a field the serializer keeps because the schema names it
    const paths = (await inject('/graph/paths?from=us-ofac-sdn-44294&to=us-ofac-sdn-22543&max_hops=3')).json();
    expect(paths.paths[0].edges[0].weight).toBeGreaterThan(0);
  });

  it('the check catches an answer with a field its schema does not declare', async () => {
    const probe = Fastify();
    const check = checkResponses(probe);
    probe.get('/probe', { schema: { response: { 200: Type.Object({ a: Type.String() }, { additionalProperties: false }) } } }, async () => ({ a: 'x', b: 1 }) as { a: string });
    await probe.inject('/probe');
    expect(check.failures).toEqual([{ route: 'GET /probe', status: 200, errors: expect.arrayContaining([expect.stringMatching(/additional properties/)]) }]);
    await probe.close();
  });

  it('/openapi.json describes every graph answer and its errors', () => {
    const doc = openapi();
    const exposure = doc.paths['/entities/{id}/exposure'].get;
    expect(Object.keys(exposure.responses)).toEqual(['200', '400', '401', '403', '404', '429', '500', '503']);
    const schema = exposure.responses['200'].content['application/json'].schema;
    expect(Object.keys(schema.properties)).toEqual(['entity', 'hops', 'sanctioned', 'hits', 'reached', 'truncated', 'ownership', 'weights']);
    expect(exposure.parameters.map((p: any) => p.name)).toEqual(['id', 'hops', 'types', 'min_grade', 'from_date', 'to_date', 'same_as']);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc); // plain JSON, nothing lost in writing it
  });
});
