// The core routes (health, catalog, versions, diffs, entities) and the screening routes (/match,
// /search, /reconcile, /algorithms) answer exactly what their schemas declare, over two real
// versions of OFAC's SDN list (the 2023-12-28 CSV fixture, and the same without one entry) and the
// real matcher.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type InjectOptions } from 'fastify';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { freshness } from '../../src/ingest/freshness.ts';
import { importFiles } from '../../src/ingest/import.ts';
import { installErrorHandler } from '../../src/server/errors.ts';
import { installAccess } from '../../src/server/authenticate.ts';
import { collectOpenApi } from '../../src/server/openapi.ts';
import { coreRoutes, type Readiness } from '../../src/server/routes/core.ts';
import { screeningRoutes } from '../../src/server/routes/screening.ts';
import { BATCH_CSV_COLUMNS } from '../../src/screening/batch-output.ts';
import { MAX_BODY_BYTES } from '../../src/screening/limits.ts';
import { ScreeningService } from '../../src/screening/service.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { checkResponses, type ContractCheck } from '../support/contract.ts';
import { authHeaders, injectWith, type Inject } from '../support/credentials.ts';

const FIX = new URL('../fixtures/ofac_xml/csv_2023-12-28/', import.meta.url).pathname;
const FILES = ['sdn.csv', 'add.csv', 'alt.csv'];
const dir = mkdtempSync(join(tmpdir(), 'interdict-contract-'));

let app: FastifyInstance;
let inject: Inject;
let store: Store;
let screening: ScreeningService;
let contract: ContractCheck;
let openapi: () => Record<string, any>;
let readiness: Readiness = { ready: false, stage: 'building the screening index', progress: { step: 2, steps: 3, percent: 33 } };

beforeAll(async () => {
  // The older version lacks ent_num 41736 (MKRTYCHEV, Ashot), so the diff has a list entry added.
  const before = FILES.map((f) => {
    const path = join(dir, f);
    writeFileSync(path, readFileSync(join(FIX, f), 'latin1').split('\r\n').filter((l) => !l.startsWith('41736,')).join('\r\n'), 'latin1');
    return path;
  });
  store = await openStore({ databaseUrl: null, sqlitePath: ':memory:' });
  await importFiles(store, before);
  await importFiles(store, FILES.map((f) => join(FIX, f)));
  const config = loadConfig({});
  screening = new ScreeningService(store, { freshness: (v) => freshness(v, config.staleAfterDays) });
  app = Fastify();
  installErrorHandler(app);
  // Before the contract check and the OpenAPI collector, as in buildApp: every route declares its 401/403/429/503.
  installAccess(app, { store, anonymousRead: false });
  inject = injectWith(app, await authHeaders(store));
  contract = checkResponses(app);
  openapi = collectOpenApi(app) as () => Record<string, any>;
  await app.register(async (api) => {
    await coreRoutes(api, { config, store, readiness: () => readiness, openapi });
    await screeningRoutes(api, { config, store, screening });
  });
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await screening?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const person = (name: string, birthDate?: string) => ({ schema: 'Person', properties: { name: [name], ...(birthDate ? { birthDate: [birthDate] } : {}) } });
const form = (queries: unknown) => ({
  method: 'POST' as const,
  url: '/reconcile/default',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams({ queries: typeof queries === 'string' ? queries : JSON.stringify(queries) }).toString(),
});

describe('core and screening routes against their response schemas', () => {
  it('every answer, success and error, matches its schema', async () => {
    const before = contract.checked.length;
    expect((await inject('/readyz')).statusCode).toBe(503);
    readiness = { ready: true, stage: 'ready' };
    const gets: [string, number][] = [
      ['/healthz', 200],
      ['/readyz', 200],
      ['/catalog', 200],
      ['/datasets/us_ofac_sdn/versions', 200],
      ['/datasets/us_ofac_sdn/diff', 200],
      ['/datasets/us_ofac_sdn/diff?kind=removed&limit=1', 200],
      ['/datasets/us_ofac_sdn/diff?schema=Spaceship', 400],
      ['/datasets/us_ofac_sdn/diff?kind=renamed', 400],
      ['/datasets/no_such_list/diff', 404],
      ['/entities/us-ofac-sdn-41736?provenance=true', 200],
      ['/entities/us_ofac_sdn:41736?nested=false', 200],
      ['/entities/no-such-entity', 404],
      ['/search/default?q=mkrtychev', 200],
      ['/search/default?schema=Spaceship', 400],
      ['/search/nowhere?q=x', 404],
      ['/reconcile/default', 200],
      [`/reconcile/default?queries=${encodeURIComponent(JSON.stringify({ q0: { query: 'MKRTYCHEV, Ashot', type: 'Person' } }))}`, 200],
      ['/reconcile/missing', 404],
      ['/algorithms', 200],
    ];
    for (const [url, status] of gets) expect((await inject(url)).statusCode, url).toBe(status);
    const posts: [InjectOptions, number][] = [
      [{ method: 'POST' as const, url: '/match/default?limit=3', payload: { queries: { q1: person('Ashot Mkrtychev', '1964'), q2: person('Nobody Inparticular') } } }, 200],
      [{ method: 'POST' as const, url: '/match/all?algorithm=name-based', payload: { queries: { q1: person('MKRTYCHEV Ashot') } } }, 200],
      [{ method: 'POST' as const, url: '/match/default', payload: { queries: { q1: person('  ') } } }, 400],
      [{ method: 'POST' as const, url: '/match/eu_fsf', payload: { queries: { q1: person('Kim') } } }, 404],
      [{ method: 'POST' as const, url: '/match/default', payload: { queries: { q1: person('y'.repeat(MAX_BODY_BYTES)) } } }, 413],
      [form({ q0: { query: 'MKRTYCHEV, Ashot', type: 'Person' } }), 200],
      [form('{nope'), 400],
    ];
    for (const [request, status] of posts) expect((await inject(request)).statusCode, JSON.stringify(request).slice(0, 80)).toBe(status);

    expect(contract.failures).toEqual([]);
    expect(contract.undeclared).toEqual([]);
    expect(contract.checked.length - before).toBe(1 + gets.length + posts.length);
  });

  it('answers what the web app reads, under the names the schema declares', async () => {
    const match = (await inject({ method: 'POST' as const, url: '/match/default', payload: { queries: { q1: person('Ashot Mkrtychev', '1964-07-04') } } })).json();
    const best = match.responses.q1.results[0];
    expect(best).toMatchObject({ id: 'us-ofac-sdn-41736', band: expect.stringMatching(/^(match|review)$/), target: true });
    // The explanation is {feature, weight, detail, query?, candidate?}: the web reads it as it is.
    expect(best.explanations[0]).toEqual({ feature: expect.stringMatching(/^name\./), weight: expect.any(Number), detail: expect.any(String), query: expect.any(String), candidate: expect.any(String) });
    // The CSV files carry no publication date: the answer says so rather than guess.
    expect(match.lists).toEqual([{ dataset: 'us_ofac_sdn', version: 'undated.2', published_at: null, age_days: null, stale: true, retired: null, warning: expect.stringMatching(/publication date unknown/) }]);
    const entity = (await inject('/entities/us-ofac-sdn-41736?provenance=true')).json();
    expect(entity.provenance.name[0]).toMatchObject({ value: 'MKRTYCHEV, Ashot', dataset: 'us_ofac_sdn', evidenceGrade: 'official' });
    expect(entity.members).toEqual([expect.objectContaining({ id: 'us-ofac-sdn-41736', referent: 'us_ofac_sdn:41736', judgements: [] })]);
  });

  it('writes a screened batch as the CLI\'s CSV and JSON lines, each record held to the schema', async () => {
    const answer = (await inject({ method: 'POST', url: '/match/default', payload: { queries: { r0: person('Ashot Mkrtychev') } } })).json();
    const brief = answer.responses.r0.results.map((r: any) => ({ ...Object.fromEntries(['id', 'caption', 'schema', 'score', 'band', 'match', 'target', 'reason', 'referents', 'datasets', 'explanations'].map((k) => [k, r[k]])) }));
    const records = [
      { id: '=1+1', line: 2, status: 'screened', band: answer.responses.r0.band, results: brief, warnings: [], lists: 'us_ofac_sdn undated.2 STALE', note: 'not in the schema' },
      { id: 'line-3', line: 3, status: 'unscreenable', band: null, results: [], warnings: [], error: 'no name: a row needs a name to be screened', lists: '' },
    ];
    const csv = await inject({ method: 'POST', url: '/batch/results.csv', payload: { records } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...BATCH_CSV_COLUMNS]);
    // A cell a spreadsheet would run as a formula is written as text.
    expect(rows[0]).toMatchObject({ id: "'=1+1", entity_id: 'us-ofac-sdn-41736', lists: 'us_ofac_sdn undated.2 STALE' });
    expect(rows.at(-1)).toMatchObject({ id: 'line-3', status: 'unscreenable', error: 'no name: a row needs a name to be screened' });

    const jsonl = await inject({ method: 'POST', url: '/batch/results.jsonl', payload: { records } });
    const written = jsonl.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(written).toHaveLength(2);
    expect(written[0]).not.toHaveProperty('note'); // what the schema does not name is not written
    expect(written[0].results[0].explanations[0]).toHaveProperty('feature');

    const bad = await inject({ method: 'POST', url: '/batch/results.csv', payload: { records: [{ id: 'x', line: 1 }] } });
    expect(bad.statusCode).toBe(400);
    expect(contract.failures).toEqual([]);
  });

  it('/openapi.json describes every answer of these routes, errors included', () => {
    const doc = openapi();
    const match = doc.paths['/match/{dataset}'].post;
    expect(Object.keys(match.responses)).toEqual(['200', '400', '401', '403', '404', '413', '429', '500', '503']);
    const byKey = match.responses['200'].content['application/json'].schema.properties.responses.patternProperties;
    const result = (Object.values(byKey)[0] as any).properties.results.items;
    expect(Object.keys(result.properties.explanations.items.properties)).toEqual(['feature', 'weight', 'detail', 'query', 'candidate']);
    expect(match.parameters.map((p: any) => p.name)).toEqual(['dataset', 'limit', 'threshold', 'cutoff', 'algorithm', 'include_dataset', 'exclude_dataset', 'exclude_schema', 'topics']);
    expect(doc.paths['/entities/{id}'].get.parameters.map((p: any) => [p.name, p.required])).toEqual([['id', true], ['provenance', false], ['nested', false]]);
    expect(Object.keys(doc.paths['/readyz'].get.responses)).toEqual(['200', '503']);
    expect(doc.paths['/datasets/{name}/diff'].get.responses['200'].content['application/json'].schema.properties.results.items.required).toEqual(['kind', 'id', 'schema', 'caption', 'target']);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
