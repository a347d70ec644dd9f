// The foundation's HTTP surface over the bundled official lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server?.stop());

const get = async (path: string) => {
  const res = await fetch(server.url + path, { headers: server.headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
};

describe('health and description', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await get('/healthz')).body).toEqual({ status: 'ok' });
    expect(await get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('describes itself in OpenAPI, collected from the routes', async () => {
    const { body } = await get('/openapi.json');
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/catalog', '/entities/{id}', '/datasets/{name}/diff']));
    expect(body.paths['/entities/{id}'].get.parameters.map((p: any) => p.name)).toEqual(['id', 'provenance', 'nested']);
  });

  it('sends a strict Content-Security-Policy', async () => {
    const { headers } = await get('/healthz');
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});

describe('catalog of the bundled lists', () => {
  it('has every bundled list with its counts, publication date and a stale warning', async () => {
    const { body } = await get('/catalog');
    const byName = Object.fromEntries(body.datasets.map((d: any) => [d.name, d]));
    expect(byName.us_ofac_sdn).toMatchObject({ target_count: 13_821, published_at: '2023-12-28', stale: true });
    expect(byName.un_sc_sanctions).toMatchObject({ target_count: 1_003, published_at: '2026-02-27', stale: true });
    expect(byName.us_ofac_cons).toMatchObject({ target_count: 442, published_at: '2025-12-19' });
    expect(byName.gb_hmt_sanctions).toMatchObject({ target_count: 2_106, published_at: '2018-04-13' });
    expect(byName.un_sc_sanctions.schema_counts).toMatchObject({ Person: 730, Organization: 273 });
    expect(body.warnings.join('\n')).toMatch(/us_ofac_sdn: published 2023-12-28, \d+ days ago/);
  });
});

describe('entities', () => {
  it('shows OFAC entry 21171 with name, aliases, birth date, programs and Linked To relationships', async () => {
    const { status, body } = await get('/entities/us_ofac_sdn:21171');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'us-ofac-sdn-21171', schema: 'Person', caption: 'PRIGOZHIN, Yevgeniy Viktorovich', referents: ['us_ofac_sdn:21171'], target: true });
    expect(body.properties.alias).toContain('PRIGOZHIN, Evgeny');
    expect(body.properties.birthDate).toEqual(['1961-06-01']);
    const programs = body.properties.sanctions.flatMap((s: any) => s.properties.program);
    expect(programs).toEqual(expect.arrayContaining(['RUSSIA-EO14024', 'CYBER2', 'ELECTION-EO13848', 'UKRAINE-EO13661']));
    const linkedTo = body.properties.unknownLinkTo.map((l: any) => l.properties.object[0]);
    const ira = (await get(`/entities/${linkedTo[0]}`)).body;
    expect(ira.caption).toBe('INTERNET RESEARCH AGENCY LLC');
    const linkedFrom = body.properties.unknownLinkFrom.map((l: any) => l.properties.subject[0]);
    expect(linkedFrom).toContain('us-ofac-sdn-44294'); // RIM, Yong Hyok
  });

  it('gives each value its provenance on request', async () => {
    const { body } = await get('/entities/us-ofac-sdn-21171?provenance=true');
    const [dob] = body.provenance.birthDate;
    expect(dob).toMatchObject({ value: '1961-06-01', dataset: 'us_ofac_sdn', version: expect.stringMatching(/^2023-12-28\./), evidenceGrade: 'official' });
    expect(dob.locator).toMatch(/^sdn\.csv:\d+/);
    expect(dob.firstSeen).toBe('2023-12-28'); // the publication date of the first version with it, not the import time
  });

  it('finds UN entries by their reference number', async () => {
    const { body } = await get('/entities/un_sc_sanctions:KPi.066');
    expect(body.schema).toBe('Person');
    expect(body.properties.sanctions[0].properties.unscId).toEqual(['KPi.066']);
  });

  it('answers 404 with a message for an unknown entity, 404 for an unknown dataset', async () => {
    expect(await get('/entities/no-such-entity')).toMatchObject({ status: 404, body: { error: 'no entity no-such-entity' } });
    expect(await get('/datasets/nope/versions')).toMatchObject({ status: 404, body: { error: 'unknown dataset: nope' } });
    expect((await get('/datasets/un_sc_sanctions/diff')).status).toBe(409);
  });
});

describe('networks and transfers over the bundled data', () => {
  it('finds a path from RIM, Yong Hyok to the Wagner Group with each edge\'s own provenance', async () => {
    const { status, body } = await get('/graph/paths?from=us-ofac-sdn-44294&to=us-ofac-sdn-22543&max_hops=4&k=3');
    expect(status).toBe(200);
    expect(body.paths.length).toBeGreaterThan(0);
    const viaPrigozhin = body.paths.find((p: any) => JSON.stringify(p).includes('us-ofac-sdn-21171'));
    expect(viaPrigozhin).toBeDefined();
    // Every edge carries its own claims; the path mixes edges from the OFAC list and the case file.
    expect(viaPrigozhin.edges.length).toBe(viaPrigozhin.hops);
    for (const edge of viaPrigozhin.edges) expect(edge.provenance.length, edge.id).toBeGreaterThan(0);
    const datasets = new Set(viaPrigozhin.edges.flatMap((e: any) => e.provenance.map((p: any) => p.dataset)));
    expect(datasets).toContain('us_ofac_sdn');
    expect(datasets).toContain('case_dprk_russia');
  });

  it('says which provisions the November 2022 rail delivery breaches', async () => {
    const { status, body } = await get('/transfers/case-dprk-russia-tr-2022-11-dprk-wagner-rail/violations');
    expect(status).toBe(200);
    const breached = body.breaches.map((b: any) => b.instrument);
    expect(breached.some((i: string) => /1874/.test(i))).toBe(true);
    expect(body.verdict).toBe('possible breach'); // alleged in the seed article (issue 16)
  });
});
