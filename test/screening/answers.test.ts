// Issue 18, observations a compliance officer saw: people on no list shown as sanctioned, a
// conflicting birth year turning an exact name "Clear", malformed details leaving a record
// unscreened, and answers that do not say how old the lists behind them are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
}, 240_000);
afterAll(async () => {
  await server?.stop();
});

async function get(path: string) {
  const res = await fetch(server.url + path, { headers: server.headers });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}
async function match(path: string, queries: Record<string, unknown>) {
  const res = await fetch(server.url + path, { method: 'POST', headers: { ...server.headers, 'content-type': 'application/json' }, body: JSON.stringify({ queries }) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}
const person = (name: string, more: Record<string, string[]> = {}) => ({ schema: 'Person', properties: { name: [name], ...more } });

describe('one rule for "sanctioned"', () => {
  it('John Kirby (a case-file person, a US official) is no target in /search, and /search and /entities agree', async () => {
    const search = await get('/search/default?q=John%20Kirby&limit=5');
    const kirby = search.body.results.find((r: { id: string }) => r.id === 'case-dprk-russia-kirby');
    expect(kirby).toBeDefined();
    expect(kirby.target).toBe(false);
    const entity = await get('/entities/case-dprk-russia-kirby');
    expect(entity.body.target).toBe(false);
  });

  it('the case file\'s undesignated RIM Yong Hyok is no target; the OFAC listing is', async () => {
    const search = await get('/search/default?q=Rim%20Yong%20Hyok&limit=10');
    const byId = new Map(search.body.results.map((r: { id: string; target: boolean }) => [r.id, r.target]));
    expect(byId.get('case-dprk-russia-komid-syria-deputy-rep')).toBe(false);
    expect(byId.get('us-ofac-sdn-44294')).toBe(true);
    expect((await get('/entities/case-dprk-russia-komid-syria-deputy-rep')).body.target).toBe(false);
    expect((await get('/entities/us-ofac-sdn-44294')).body.target).toBe(true);
  });

  it('/match/default screens the sanctions lists only and says so; a case file is an explicit choice', async () => {
    const byDefault = await match('/match/default', { q: person('John Kirby'), r: person('Rim Yong Hyok') });
    expect(byDefault.status).toBe(200);
    expect(byDefault.body.scope).toMatchObject({ name: 'default' });
    expect(byDefault.body.scope.datasets).not.toContain('case_dprk_russia');
    expect(byDefault.body.scope.datasets).toContain('us_ofac_sdn');
    const kirby = byDefault.body.responses.q.results;
    expect(kirby.filter((r: { datasets: string[] }) => r.datasets.includes('case_dprk_russia'))).toEqual([]);
    expect(kirby.filter((r: { band: string }) => r.band === 'match')).toEqual([]);
    expect(byDefault.body.responses.r.results[0]).toMatchObject({ id: 'us-ofac-sdn-44294', target: true, band: 'match' });

    const all = await match('/match/all', { q: person('John Kirby') });
    expect(all.body.scope.name).toBe('all');
    expect(all.body.responses.q.results[0]).toMatchObject({ id: 'case-dprk-russia-kirby', target: false });
  });
});

describe('three bands', () => {
  it('Ashot Mkrtychev born 1963 (listed 1966) is at least review, never clear; every result has a band and a reason', async () => {
    const res = await match('/match/default', { q: person('Ashot Mkrtychev', { birthDate: ['1963'] }) });
    const top = res.body.responses.q.results[0];
    expect(top.id).toBe('us-ofac-sdn-41736');
    expect(['match', 'review']).toContain(top.band);
    expect(res.body.responses.q.band).not.toBe('clear');
    expect(top.reason).toMatch(/^(match|review) \d\.\d\d/);
    expect(top.reason).toMatch(/birth/);
  });

  it('a name that agrees with nothing is clear', async () => {
    const res = await match('/match/default', { q: person('Moon Jae-in', { nationality: ['kr'] }) });
    expect(res.body.responses.q.band).toBe('clear');
  });
});

describe('every record is screened', () => {
  it('a birth date written 1969-7-16 or 1974-01-32 is read leniently with a warning naming it, and the record is screened', async () => {
    const res = await match('/match/default', {
      a: person('Ayman al-Zawahiri', { birthDate: ['1951-6-19'] }),
      b: person('Saddam Hussein', { birthDate: ['1937-04-32'] }),
      c: person('Saddam Hussein', { birthDate: ['circa nineteen-thirty'] }),
    });
    expect(res.status).toBe(200);
    const { a, b, c } = res.body.responses;
    expect(a.query.properties.birthDate).toEqual(['1951-06-19']);
    expect(a.warnings[0]).toContain('"1951-6-19" read as 1951-06-19');
    expect(b.query.properties.birthDate).toEqual(['1937-04']);
    expect(b.warnings[0]).toContain('"1937-04-32" read as 1937-04');
    expect(c.query.properties.birthDate).toBeUndefined();
    expect(c.warnings[0]).toContain('left out');
    for (const r of [a, b, c]) expect(r.results.length).toBeGreaterThan(0);
    expect(a.results[0].target).toBe(true);
  });
});

describe('freshness wherever an answer is given', () => {
  it('/match and /search name the list versions used and the stale warnings', async () => {
    const m = await match('/match/default', { q: person('Kim Jong Un') });
    const ofac = m.body.lists.find((l: { dataset: string }) => l.dataset === 'us_ofac_sdn');
    expect(ofac).toMatchObject({ published_at: '2023-12-28', stale: true });
    expect(ofac.version).toMatch(/^2023-12-28/);
    expect(m.body.warnings.some((w: string) => w.includes('us_ofac_sdn'))).toBe(true);
    const s = await get('/search/default?q=Kim%20Jong%20Un');
    expect(s.body.lists.map((l: { dataset: string }) => l.dataset)).toContain('case_dprk_russia');
    expect(s.body.warnings.some((w: string) => w.includes('us_ofac_sdn'))).toBe(true);
  });
});
