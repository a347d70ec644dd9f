// Issue 13: every screening answer is in the audit trail before it is sent (who, what was asked, the
// scope and list versions, matcher, threshold, top results), and a key limited to datasets screens only those.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditTrail, type AuditRecord } from '../../src/access/audit.ts';
import { apiKey } from '../support/credentials.ts';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
let audit: AuditTrail;

beforeAll(async () => {
  server = await startServer({ writable: true });
  audit = AuditTrail.of(server.store);
}, 240_000);
afterAll(async () => server?.stop());

const person = (name: string, birthDate?: string) => ({ schema: 'Person', properties: { name: [name], ...(birthDate ? { birthDate: [birthDate] } : {}) } });

async function post(path: string, body: unknown, key: string) {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `ApiKey ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

async function newest(): Promise<AuditRecord> {
  return (await audit.list({ action: 'screening', limit: 1 })).results[0];
}

/** The id part of a key secret `idk_<id>_<secret>`: how the trail names the key's actor. */
const keyActor = (secret: string) => `key:${secret.split('_')[1]}`;

describe('screening audit records', () => {
  it('records a match with the key, the query, the list versions, the matcher and the result ids', async () => {
    const key = await apiKey(server.store, 'viewer');
    const answer = await post('/match/default', { queries: { q1: person('Ashot Mkrtychev', '1964') } }, key);
    expect(answer.status).toBe(200);
    const results = answer.body.responses.q1.results as { id: string; score: number; band: string }[];
    expect(results.length).toBeGreaterThan(0);

    const record = await newest();
    expect(record).toMatchObject({ actor: keyActor(key), action: 'screening', subject: 'default' });
    const detail = record.detail as any;
    expect(detail.query.properties.name).toEqual(['Ashot Mkrtychev']);
    expect(detail.results.map((r: { id: string }) => r.id)).toEqual(results.slice(0, 10).map((r) => r.id));
    expect(detail.results[0]).toMatchObject({ band: results[0].band });
    expect(detail.threshold).toBe(answer.body.matcher.threshold);
    expect(detail.algorithm).toBe(answer.body.matcher.name);
    expect(detail.lists).toEqual(Object.fromEntries(answer.body.lists.map((l: { dataset: string; version: string }) => [l.dataset, l.version])));
    expect(Object.keys(detail.lists).length).toBeGreaterThan(0);
    expect((await audit.verify()).ok).toBe(true);
  });

  it('records a batch as one record with each row and its top results', async () => {
    const key = await apiKey(server.store, 'analyst');
    const before = (await audit.head()).seq;
    const queries = { r1: person('Ashot Mkrtychev'), r2: person('Nobody Inparticular'), r3: person('Kim Jong Un') };
    const answer = await post('/match/default', { queries }, key);
    expect(answer.status).toBe(200);
    expect((await audit.head()).seq).toBe(before + 1);
    const detail = (await newest()).detail as any;
    expect(detail.rows.map((r: { ref: string }) => r.ref).sort()).toEqual(['r1', 'r2', 'r3']);
    const r1 = detail.rows.find((r: { ref: string }) => r.ref === 'r1');
    expect(r1.results[0].id).toBe(answer.body.responses.r1.results[0].id);
    expect(r1.results.length).toBeLessThanOrEqual(3);
  });

  it('records searches and reconciliation too', async () => {
    const key = await apiKey(server.store, 'viewer');
    const search = await fetch(`${server.url}/search/default?q=Mkrtychev`, { headers: { authorization: `ApiKey ${key}` } });
    expect(search.status).toBe(200);
    const found = (await search.json()) as { results: { id: string }[] };
    const searched = (await newest()).detail as any;
    expect(searched).toMatchObject({ route: 'search', query: { q: 'Mkrtychev' } });
    expect(searched.results.map((r: { id: string }) => r.id)).toEqual(found.results.slice(0, 10).map((r) => r.id));

    const reconciled = await post('/reconcile/default', { queries: JSON.stringify({ q0: { query: 'Ashot Mkrtychev', type: 'Person' } }) }, key);
    expect(reconciled.status).toBe(200);
    const record = (await newest()).detail as any;
    expect(record.route).toBe('reconcile');
    expect(record.rows[0].ref).toBe('q0');
    expect(record.rows[0].query.name).toEqual(['Ashot Mkrtychev']);
    expect(record.rows[0].results[0].id).toBe(reconciled.body.q0.result[0].id);
    expect(Object.keys(record.lists).length).toBeGreaterThan(0);
  });
});

describe('API keys limited to datasets', () => {
  it('screens and searches only its datasets: 403 for another, the default scope narrowed to its own', async () => {
    const limited = await apiKey(server.store, 'viewer', ['gb_hmt_sanctions']);
    const everything = await apiKey(server.store, 'viewer');
    const query = { queries: { q1: person('Ashot Mkrtychev') } };

    expect((await post('/match/us_ofac_sdn', query, limited)).status).toBe(403);
    expect((await post('/match/default?include_dataset=us_ofac_sdn', query, limited)).status).toBe(403);
    const search = await fetch(`${server.url}/search/us_ofac_sdn?q=Kim`, { headers: { authorization: `ApiKey ${limited}` } });
    expect(search.status).toBe(403);
    expect((await post('/reconcile/us_ofac_sdn', { queries: '{}' }, limited)).status).toBe(403);

    const narrowed = await post('/match/default', query, limited);
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.scope.datasets).toEqual(['gb_hmt_sanctions']);
    expect(narrowed.body.lists.map((l: { dataset: string }) => l.dataset)).toEqual(['gb_hmt_sanctions']);
    const ids = (answer: any) => (answer.body.responses.q1.results as { id: string; datasets: string[] }[]);
    for (const r of ids(narrowed)) expect(r.datasets).toContain('gb_hmt_sanctions');
    // The same question with an unlimited key reaches further.
    const wide = await post('/match/default', query, everything);
    expect(wide.body.scope.datasets.length).toBeGreaterThan(1);
    expect(ids(wide).some((r) => !r.datasets.includes('gb_hmt_sanctions'))).toBe(true);

    const own = await fetch(`${server.url}/search/default?q=Mkrtychev`, { headers: { authorization: `ApiKey ${limited}` } });
    expect(own.status).toBe(200);
    const searched = (await own.json()) as { results: { datasets: string[] }[] };
    for (const r of searched.results) expect(r.datasets).toContain('gb_hmt_sanctions');
  });
});
