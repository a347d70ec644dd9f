// Everywhere downstream of the resolver (issue 12): a server over the bundled lists with the shipped
// judgements answers /match, /search, /reconcile with one result per target carrying every member
// record, its graph joins the edges of every member at one node, a new judgement (this process's or
// another's) makes it rebuild, and a restart never serves an index saved under other judgements.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildApp, type AppHandle } from '../../src/server/app.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { loadShippedJudgements } from '../../src/resolve/shipped.ts';
import { Resolver } from '../../src/resolve/service.ts';
import { copyOfBundledDbWithSnapshots } from '../support/bundled-db.ts';
import { authHeaders, keyAuthor } from '../support/credentials.ts';

const dir = mkdtempSync(join(tmpdir(), 'interdict-downstream-'));
const path = join(dir, 'db.sqlite');
const config = { ...loadConfig({}), sqlitePath: path, databaseUrl: null, loadBundled: false };
let store: Store;
let handle: AppHandle;

async function start(): Promise<void> {
  store = await openStore(config);
  handle = await buildApp(config, store, { logger: false });
  await handle.prepare();
}
async function stop(): Promise<void> {
  await handle?.app.close();
  await store?.close();
}

beforeAll(async () => {
  await copyOfBundledDbWithSnapshots(inject('bundledDb'), path, { judged: true });
  const s = await openStore(config);
  expect(await loadShippedJudgements(s)).toBeGreaterThan(2500);
  await s.close();
  await start();
}, 240_000);
afterAll(async () => {
  await stop();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (url: string) => {
  const res = await handle.app.inject({ method: 'GET', url, headers: await authHeaders(store) });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json();
};
async function match(name: string, dataset = 'default', schema = 'Person'): Promise<any[]> {
  const res = await handle.app.inject({ method: 'POST', url: `/match/${dataset}`, headers: await authHeaders(store), payload: { queries: { q: { schema, properties: { name: [name] } } } } });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json().responses.q.results;
}
/** Asks until `check` holds (a rebuild runs in the background) or the time is up. */
async function eventually<T>(ask: () => Promise<T>, check: (answer: T) => boolean, ms = 90_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const answer = await ask();
    if (check(answer) || Date.now() > until) return answer;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
const holding = (results: any[], referent: string) => results.filter((r) => r.referents.includes(referent));

describe('screening over resolved targets', () => {
  it('gives 김영철 once per target, each with every member record and dataset', async () => {
    const results = await match('김영철');
    const referents = results.flatMap((r) => r.referents);
    expect(new Set(referents).size, 'a record in two results').toBe(referents.length);
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
    const [younger] = holding(results, 'us_ofac_sdn:17614');
    expect(younger.id).toMatch(/^NK-/);
    expect(younger.match).toBe(true);
    expect(younger.referents).toEqual(expect.arrayContaining(['us_ofac_sdn:17614', 'un_sc_sanctions:KPi.024', 'gb_hmt_sanctions:13334']));
    expect(younger.datasets).toEqual(expect.arrayContaining(['us_ofac_sdn', 'un_sc_sanctions', 'gb_hmt_sanctions']));
    const [older] = holding(results, 'us_ofac_sdn:12211');
    expect(older.referents).toEqual(['gb_hmt_sanctions:12439', 'us_ofac_sdn:12211']);
  });

  it('gives /search and /reconcile one result per target too', async () => {
    const found = (await get(`/search/default?q=${encodeURIComponent('KIM Yong Chol')}&limit=50`)).results as any[];
    const referents = found.flatMap((r) => r.referents);
    expect(new Set(referents).size).toBe(referents.length);
    expect(holding(found, 'un_sc_sanctions:KPi.024')[0].referents).toContain('us_ofac_sdn:17614');
    const res = await handle.app.inject({ method: 'POST', url: '/reconcile/default', headers: await authHeaders(store), payload: { queries: JSON.stringify({ q0: { query: '김영철', type: 'Person', limit: 10 } }) } });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const ids = (res.json().q0.result as any[]).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(younger());
  });
});

let youngerId = '';
const younger = () => youngerId;
beforeAll(async () => {
  youngerId = (await new Resolver(store).entity('un_sc_sanctions:KPi.024'))!.id;
});

describe('the graph over resolved targets', () => {
  it('answers adjacency and paths for canonical ids, joining the UN record\'s links to the OFAC record\'s', async () => {
    const komid = (await new Resolver(store).entity('us_ofac_sdn:9345'))!;
    expect(komid.referents).toContain('un_sc_sanctions:KPe.001');
    const adjacent = await get(`/entities/${komid.id}/adjacent?limit=50`);
    expect(adjacent.entity.id).toBe(komid.id);
    const others = adjacent.results.map((r: any) => r.other.id);
    // RIM Yong Hyok (a case file's link to the UN record) and HUSSAIN (an OFAC link) meet at KOMID
    expect(others).toEqual(expect.arrayContaining(['case-dprk-russia-komid-syria-deputy-rep', 'us-ofac-sdn-20602']));
    const paths = await get('/graph/paths?from=case-dprk-russia-komid-syria-deputy-rep&to=us-ofac-sdn-20602&max_hops=2');
    expect(paths.paths).toHaveLength(1);
    expect(paths.paths[0].nodes).toEqual(['case-dprk-russia-komid-syria-deputy-rep', komid.id, 'us-ofac-sdn-20602']);
    // a member's id or referent finds the target's node
    expect((await get('/entities/un_sc_sanctions:KPe.001/adjacent?limit=1')).entity.id).toBe(komid.id);
    expect((await get(`/entities/${komid.id}/exposure`)).entity.id).toBe(komid.id);
  });
});

describe('an analyst edit', () => {
  const claim = { sourceDocument: 'https://www.state.gov/briefings/dprk-arms-2023', evidenceGrade: 'reported' as const };

  it('to a member of a merged target reaches the whole target, and a new entity is taken in', async () => {
    const komid = (await new Resolver(store).entity('us_ofac_sdn:9345'))!.id;
    await store.addStatements('analyst_notes', [{ entityId: 'us-ofac-sdn-9345', schema: 'Company', prop: 'alias', value: 'Changgwang Sinyong Trading Bureau', ...claim }], 'tester');
    await store.addStatements('analyst_notes', [{ entityId: 'analyst-pak-chol-jin', schema: 'Person', prop: 'name', value: 'PAK Chol Jin', ...claim }], 'tester');
    const alias = () => match('Changgwang Sinyong Trading Bureau', 'all', 'Company');
    const results = await eventually(alias, (r) => r.some((x) => x.id === komid));
    const target = results.find((x) => x.id === komid);
    expect(target?.referents).toEqual(expect.arrayContaining(['us_ofac_sdn:9345', 'un_sc_sanctions:KPe.001']));
    expect(results.filter((x) => x.referents.includes('us_ofac_sdn:9345'))).toHaveLength(1);
    const pak = await eventually(() => match('PAK Chol Jin', 'all'), (r) => r.some((x) => x.id === 'analyst-pak-chol-jin'));
    expect(pak.some((x) => x.id === 'analyst-pak-chol-jin')).toBe(true);
  }, 180_000);
});

describe('a new judgement', () => {
  // RIM Yong Hyok on OFAC and in the DPRK–Russia case file: two records until an analyst says otherwise
  const pair = { left: 'us_ofac_sdn:44294', right: 'case-dprk-russia-komid-syria-deputy-rep' };
  const rim = () => match('RIM Yong Hyok', 'all');
  const merged = (results: any[]) => results.some((r) => r.referents.includes(pair.left) && r.referents.some((x: string) => x.endsWith('komid-syria-deputy-rep')));
  /** The OFAC record reaches KOMID's OFAC links in two hops only through the case file's record. */
  const joinedInGraph = async () => (await get('/graph/paths?from=us-ofac-sdn-44294&to=us-ofac-sdn-20602&max_hops=2')).paths.length > 0;

  it('made here is answered with by the running server', async () => {
    expect(merged(await rim())).toBe(false);
    expect(await joinedInGraph()).toBe(false);
    const res = await handle.app.inject({ method: 'POST', url: '/judgements', headers: await authHeaders(store, 'analyst'), payload: { ...pair, judgement: 'same', reason: 'test: a merge the services must follow' } });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    expect(res.json().judgements[0].author).toBe(await keyAuthor(store, 'analyst'));
    const results = await eventually(rim, merged);
    expect(merged(results)).toBe(true);
    expect(holding(results, pair.left)[0].id).toMatch(/^NK-/);
    expect(await eventually(joinedInGraph, (joined) => joined)).toBe(true);
  }, 180_000);

  it('made by another process (the CLI beside a server) is answered with too', async () => {
    const other = await openStore(config);
    try {
      await new Resolver(other).judge([{ ...pair, verdict: 'undo', author: 'test', reason: 'test: undone by another process' }]);
    } finally {
      await other.close();
    }
    expect(merged(await eventually(rim, (r) => !merged(r)))).toBe(false);
    expect(await eventually(joinedInGraph, (joined) => !joined)).toBe(false);
  }, 180_000);

  it('is never hidden by an index saved under other judgements when the server restarts', async () => {
    await eventually(async () => readdirSync(`${path}.cache`), (names) => names.some((n) => n.startsWith('screening-') && n.endsWith('.v8')), 30_000);
    await stop();
    const other = await openStore(config);
    try {
      await new Resolver(other).judge([{ ...pair, verdict: 'same', author: 'test', reason: 'test: merged while the server was down' }]);
    } finally {
      await other.close();
    }
    await start();
    expect(merged(await rim())).toBe(true);
    expect(await joinedInGraph()).toBe(true);
  }, 240_000);
});
