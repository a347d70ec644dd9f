// Screening end to end on the real OFAC SDN list of 2023-12-28 with the real matcher: the service,
// candidate generation recall, batch input and worker threads.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FtmEntity } from '../../src/model/entity.ts';
import { readScreeningInput } from '../../src/screening/batch-input.ts';
import { matcherEngine } from '../../src/screening/engine.ts';
import { labelledQueries } from './helpers/evaluation.ts';
import { ScreeningPool } from '../../src/screening/pool.ts';
import { briefResult, Screener } from '../../src/screening/screener.ts';
import { ScreeningService } from '../../src/screening/service.ts';
import { ofacSdnEntities, ofacSdnReader } from './helpers/ofac.ts';

let service: ScreeningService;
let screener: Screener;
let entities: FtmEntity[];

beforeAll(async () => {
  entities = await ofacSdnEntities();
  service = new ScreeningService(await ofacSdnReader());
  await service.ready();
  screener = await service.screener();
});

const person = (name: string, extra: Record<string, string[]> = {}) => ({ queries: { q: { schema: 'Person', properties: { name: [name], ...extra } } } });

describe('screening the OFAC SDN list of 2023-12-28', () => {
  it('finds KIM, Jong Un first for Kim Chong-un, 김정은 and Jong Un Kim, and explains why', async () => {
    for (const name of ['Kim Chong-un', '김정은', 'Jong Un Kim', 'KIM Jong-Un']) {
      const res = await service.match('us_ofac_sdn', person(name));
      const top = res.responses.q.results[0];
      expect(top, name).toMatchObject({ caption: 'KIM, Jong Un', referents: ['us_ofac_sdn:20157'], match: true, schema: 'Person' });
      expect(top.properties.birthDate).toEqual(['1984-01-08']);
      expect(JSON.stringify(top.explanations)).toMatch(/name/);
    }
  });

  it('does not flag Moon Jae-in, and a birth date against the listed one lowers the score', async () => {
    const moon = await service.match('default', person('Moon Jae-in'));
    expect(moon.responses.q.results.filter((r) => r.match)).toEqual([]);
    const right = (await service.match('default', person('Kim Jong Un', { birthDate: ['1984-01-08'] }))).responses.q.results[0];
    const wrong = (await service.match('default', person('Kim Jong Un', { birthDate: ['1950-05-05'] }))).responses.q.results.find((r) => r.id === right.id);
    expect(right.referents).toEqual(['us_ofac_sdn:20157']);
    expect(wrong!.score).toBeLessThan(right.score);
  });

  it('finds a vessel by name and IMO number, and not with a conflicting IMO number', async () => {
    const vessel = (imo: string) => ({ queries: { v: { schema: 'Vessel', properties: { name: ['Sparta II'], imoNumber: [imo] } } } });
    const hit = (await service.match('default', vessel('9160994'))).responses.v.results[0];
    expect(hit).toMatchObject({ referents: ['us_ofac_sdn:36696'], match: true });
    const other = (await service.match('default', vessel('1234567'))).responses.v.results;
    expect(other.filter((r) => r.match)).toEqual([]);
    const byImoOnly = await service.match('default', { queries: { v: { schema: 'Vessel', properties: { imoNumber: ['IMO 8807416'] } } } });
    expect(byImoOnly.responses.v.results[0].referents).toEqual(['us_ofac_sdn:36697']);
  });

  it('candidate generation keeps ≥ 99.5% of the correct entities the matcher accepts (mangled list names)', () => {
    const { index, engine } = screener;
    const queries = labelledQueries(entities, 1000, 2024);
    let reachable = 0;
    let kept = 0;
    let keptAll = 0;
    for (const l of queries) {
      const hits = index.candidates(index.queryKeys(l.query, engine), index.scope(null, l.query.schema), 32);
      const found = hits.some((h) => l.expected.includes(index.entities[h.slot].id));
      if (found) keptAll++;
      const slot = index.entities.findIndex((e) => e.id === l.expected[0]);
      if (engine.compare(l.query, index.preparedAt(slot)).score >= engine.defaultThreshold) {
        reachable++;
        if (found) kept++;
      }
    }
    expect(reachable).toBeGreaterThan(700);
    expect(kept / reachable).toBeGreaterThanOrEqual(0.995);
    expect(keptAll / queries.length).toBeGreaterThanOrEqual(0.98);
  });

  it('screens the public DPRK/Russia development set from its CSV: ≥ 95% right entity first and marked, no negative marked', async () => {
    const file = fileURLToPath(new URL('../fixtures/screening/dprk_russia_dev.csv', import.meta.url));
    const warnings: string[] = [];
    const rows = await readScreeningInput(file, { map: { qid: 'id' }, warn: (m) => warnings.push(m) });
    expect(warnings).toEqual(expect.arrayContaining([expect.stringContaining('column "expected" ignored')]));
    const labels = new Map((await import('node:fs')).readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => {
      const c = l.split(',');
      return [c[0], { kind: c[1], expected: c[7].split(';').filter(Boolean).map((e) => `us_ofac_sdn:${e}`) }] as const;
    }));
    let pos = 0;
    let ok = 0;
    const marked: string[] = [];
    for (const row of rows) {
      expect(row.error).toBeUndefined();
      const results = screener.screen(row.query!, { limit: 5, threshold: matcherEngine.defaultThreshold }).results.map(briefResult);
      const label = labels.get(row.id)!;
      if (label.kind === 'pos') {
        pos++;
        if (results[0]?.match && label.expected.some((e) => results[0].referents.includes(e))) ok++;
      } else if (results.some((r) => r.match)) marked.push(row.id);
    }
    expect(pos).toBe(34);
    expect(ok / pos).toBeGreaterThanOrEqual(0.95);
    expect(marked).toEqual([]);
  });

  it('worker threads (started with tsx) give the same results as in-process screening, in input order', async () => {
    const subset = entities.filter((e) => e.schema === 'Person').slice(0, 800);
    const local = Screener.build(subset, matcherEngine);
    // Each name again 300 rows later with a birth date: the pool screens them side by side (name order).
    const named = labelledQueries(subset, 300, 5).map((l) => l.query);
    const queries = [...named, ...named.map((q) => ({ ...q, properties: { ...q.properties, birthDate: ['1970'] } }))];
    const options = { limit: 3, threshold: matcherEngine.defaultThreshold };
    const pool = await ScreeningPool.start(subset, 2);
    try {
      const got: unknown[] = [];
      await pool.screen(queries, options, (start, results) => {
        expect(start).toBe(got.length);
        got.push(...results.map((r) => JSON.parse(r.json)));
      });
      expect(got).toEqual(queries.map((q) => JSON.parse(JSON.stringify(local.screen(q, options).results.map(briefResult)))));
    } finally {
      await pool.close();
    }
  });
});
