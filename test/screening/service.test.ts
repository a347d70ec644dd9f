// The service's plumbing with a plain stand-in matcher: response shapes, scopes, validation, and the
// atomic index swap on live-version changes. Real matching is tested in ofac-screening.test.ts.
import { describe, expect, it } from 'vitest';
import type { FtmEntity } from '../../src/model/entity.ts';
import { NotFoundError, ValidationError } from '../../src/model/errors.ts';
import { MemoryReader } from '../../src/store/memory-reader.ts';
import { MAX_QUERIES_PER_REQUEST } from '../../src/screening/limits.ts';
import { ScreeningService } from '../../src/screening/service.ts';
import { tokenEngine } from './helpers/token-engine.ts';

const person = (id: string, name: string, extra: Record<string, string[]> = {}): FtmEntity => ({
  id,
  schema: 'Person',
  caption: name,
  properties: { name: [name], topics: ['sanction'], ...extra },
});

function fixture() {
  const reader = new MemoryReader();
  reader.addEntities('us_ofac_sdn', [
        person('us-ofac-sdn-20157', 'KIM, Jong Un', { birthDate: ['1984-01-08'], nationality: ['kp'] }),
        person('us-ofac-sdn-1', 'KIM, Yo Jong', { nationality: ['kp'] }),
        { id: 'us-ofac-sdn-9', schema: 'Vessel', caption: 'SPARTA II', properties: { name: ['SPARTA II'], imoNumber: ['IMO 9160994'], flag: ['ru'] } },
        { id: 'us-ofac-sdn-5', schema: 'Company', caption: 'KOREA KWANGSON BANKING CORP', properties: { name: ['KOREA KWANGSON BANKING CORP'], country: ['kp'] } },
        { id: 'us-ofac-sdn-5-sanction', schema: 'Sanction', properties: { entity: ['us-ofac-sdn-5'], program: ['DPRK'] } },
  ]);
  reader.addEntities('un_sc_sanctions', [person('un-sc-sanctions-KPi.066', 'KIM JONG UN', { nationality: ['kp'] })]);
  const service = new ScreeningService(reader, { engine: tokenEngine, subscribe: (fn) => reader.onLiveChange(fn) });
  return { reader, service };
}

const q = (name: string, schema = 'Person') => ({ queries: { q1: { schema, properties: { name: [name] } } } });

describe('ScreeningService', () => {
  it('answers /match in the yente shape, best first, across all datasets for `default`', async () => {
    const { service } = fixture();
    await service.ready();
    const res = await service.match('default', q('Jong Un Kim'), { limit: '5' });
    expect(res.limit).toBe(5);
    expect(res.matcher.name).toBe('interdict-v1');
    const r = res.responses.q1;
    expect(r.status).toBe(200);
    expect(r.query).toEqual({ id: 'q1', schema: 'Person', properties: { name: ['Jong Un Kim'] } });
    expect(r.results.map((x) => x.id)).toEqual(['un-sc-sanctions-KPi.066', 'us-ofac-sdn-20157', 'us-ofac-sdn-1']);
    expect(r.total).toEqual({ value: 2, relation: 'eq' });
    const top = r.results[1];
    expect(Object.keys(top).sort()).toEqual(
      ['band', 'caption', 'datasets', 'explanations', 'features', 'first_seen', 'id', 'last_change', 'last_seen', 'match', 'properties', 'reason', 'referents', 'schema', 'score', 'target'].sort(),
    );
    expect(top).toMatchObject({ caption: 'KIM, Jong Un', schema: 'Person', datasets: ['us_ofac_sdn'], referents: ['us_ofac_sdn:20157'], match: true, target: true });
    expect(top.properties.birthDate).toEqual(['1984-01-08']);
  });

  it('scopes to one dataset, honours threshold, limit, exclude_schema and include_dataset', async () => {
    const { service } = fixture();
    const one = await service.match('us_ofac_sdn', q('Kim Jong Un'), {});
    expect(one.responses.q1.results.every((x) => x.datasets.includes('us_ofac_sdn'))).toBe(true);
    const strict = await service.match('default', q('Kim Jong Un'), { threshold: '1' });
    expect(strict.responses.q1.results.filter((x) => x.match).map((x) => x.id)).toEqual(['un-sc-sanctions-KPi.066', 'us-ofac-sdn-20157']);
    const limited = await service.match('default', q('Kim Jong Un'), { limit: 1 });
    expect(limited.responses.q1.results).toHaveLength(1);
    const included = await service.match('default', q('Kim Jong Un'), { include_dataset: 'un_sc_sanctions' });
    expect(included.responses.q1.results.map((x) => x.id)).toEqual(['un-sc-sanctions-KPi.066']);
    const legal = await service.match('default', q('Kim Jong Un', 'LegalEntity'), { exclude_schema: ['Person'] });
    expect(legal.responses.q1.results).toEqual([]);
  });

  it('matches schemata by compatibility: a Company query never returns a Person or a Vessel', async () => {
    const { service } = fixture();
    const res = await service.match('default', { queries: { c: { schema: 'Company', properties: { name: ['Kim Jong Un'] } } } });
    expect(res.responses.c.results).toEqual([]);
    const legal = await service.match('default', { queries: { c: { schema: 'LegalEntity', properties: { name: ['Korea Kwangson Banking Corp'] } } } });
    expect(legal.responses.c.results[0].id).toBe('us-ofac-sdn-5');
  });

  it('reaches a vessel by its IMO number alone', async () => {
    const { service } = fixture();
    const res = await service.match('default', { queries: { v: { schema: 'Vessel', properties: { imoNumber: ['9160994'] } } } });
    expect(res.responses.v.results.map((x) => x.id)).toEqual([]); // the stand-in matcher scores names only
    const { screener } = { screener: await service.screener() };
    const keys = screener.index.queryKeys({ id: 'v', schema: 'Vessel', properties: { imoNumber: ['IMO9160994'] } }, tokenEngine);
    expect(screener.index.candidates(keys, screener.index.scope(null, 'Vessel'), 10).map((h) => screener.index.entities[h.slot].id)).toEqual(['us-ofac-sdn-9']);
  });

  it('rejects bad requests with the field named, and unknown datasets with a 404 error', async () => {
    const { service } = fixture();
    await expect(service.match('eu_fsf', q('Kim'))).rejects.toThrow(NotFoundError);
    await expect(service.match('eu_fsf', q('Kim'))).rejects.toThrow(/eu_fsf.*live datasets: default, all, un_sc_sanctions, us_ofac_sdn/);
    const field = async (p: Promise<unknown>) => ((await p.catch((e) => e)) as ValidationError).field;
    expect(await field(service.match('default', q('Kim'), { algorithm: 'magic' }))).toBe('algorithm');
    expect(await field(service.match('default', q('Kim'), { limit: '0' }))).toBe('limit');
    expect(await field(service.match('default', q('Kim'), { threshold: 'high' }))).toBe('threshold');
    expect(await field(service.match('default', { queries: {} }))).toBe('queries');
    expect(await field(service.match('default', []))).toBe('body');
    const many = Object.fromEntries(Array.from({ length: MAX_QUERIES_PER_REQUEST + 1 }, (_, i) => [`q${i}`, { schema: 'Person', properties: { name: ['Kim'] } }]));
    expect(await field(service.match('default', { queries: many }))).toBe('queries');
    expect(await field(service.match('default', q('  ')))).toBe('queries.q1.properties.name[0]');
    for (const algorithm of ['logic-v1', 'name-based', 'best', 'interdict-v1']) {
      expect((await service.match('default', q('Kim Jong Un'), { algorithm })).matcher.requested).toBe(algorithm);
    }
  });

  it('rebuilds on a live-version change and swaps atomically; a failed rebuild keeps the old index', async () => {
    const { reader, service } = fixture();
    await service.ready();
    expect(service.stats()).toMatchObject({ ready: true, entities: 5 });
    reader.replaceEntities('un_sc_sanctions', [person('un-sc-sanctions-KPi.999', 'PAK Jong Chol')]);
    // The old snapshot still answers while the new one builds.
    const during = await service.match('default', q('Pak Jong Chol'));
    expect(during.responses.q1.results.map((x) => x.id)).not.toContain('un-sc-sanctions-KPi.999');
    await service.close();
    const after = await service.match('default', q('Pak Jong Chol'));
    expect(after.responses.q1.results[0]).toMatchObject({ id: 'un-sc-sanctions-KPi.999', match: true });
    expect(after.responses.q1.results.map((x) => x.id)).not.toContain('un-sc-sanctions-KPi.066');
    expect(service.stats().entities).toBe(5);

    const broken = Object.create(reader) as MemoryReader;
    const failing = new ScreeningService(broken, { engine: tokenEngine, subscribe: (fn) => reader.onLiveChange(fn) });
    await failing.ready();
    broken.liveVersions = async () => {
      throw new Error('database went away');
    };
    reader.replaceEntities('un_sc_sanctions', []);
    await failing.close();
    expect(failing.stats()).toMatchObject({ ready: true, entities: 5, lastError: 'database went away' });
  });

  it('searches with facets and paging', async () => {
    const { service } = fixture();
    const res = await service.search('default', { q: 'kim', limit: '1', offset: '1' });
    expect(res.total).toEqual({ value: 3, relation: 'eq' });
    expect(res.results).toHaveLength(1);
    expect(res.facets.datasets.values).toEqual([
      { name: 'us_ofac_sdn', label: 'us_ofac_sdn', count: 2 },
      { name: 'un_sc_sanctions', label: 'un_sc_sanctions', count: 1 },
    ]);
    expect(res.facets.countries.values).toEqual([{ name: 'kp', label: 'North Korea', count: 3 }]);
    expect(res.facets.topics.values[0]).toMatchObject({ name: 'sanction', count: 3 });
    const vessels = await service.search('default', { schema: 'Vessel' });
    expect(vessels.results.map((r) => r.id)).toEqual(['us-ofac-sdn-9']);
    const byCountry = await service.search('us_ofac_sdn', { countries: 'ru' });
    expect(byCountry.results.map((r) => r.id)).toEqual(['us-ofac-sdn-9']);
    const byId = await service.search('default', { q: 'IMO 9160994' });
    expect(byId.results.map((r) => r.id)).toEqual(['us-ofac-sdn-9']);
    await expect(service.search('default', { limit: '9999' })).rejects.toThrow(ValidationError);
    await expect(service.search('default', { schema: 'Nope' })).rejects.toThrow(/schema/);
  });

  it('reconciles OpenRefine batches', async () => {
    const { service } = fixture();
    const res = await service.reconcile(
      'default',
      JSON.stringify({ q0: { query: 'Kim Jong Un', type: 'Person', limit: 2, properties: [{ pid: 'nationality', v: 'kp' }, { pid: 'Person:unknownColumn', v: 'x' }] } }),
    );
    expect(res.q0.result).toHaveLength(2);
    expect(res.q0.result[0]).toMatchObject({ name: 'KIM JONG UN', match: true, type: [{ id: 'Person', name: 'People' }] });
    await expect(service.reconcile('default', '{not json')).rejects.toThrow(/queries: is not valid JSON/);
    await expect(service.reconcile('default', JSON.stringify({ q0: { query: '' } }))).rejects.toThrow(/queries.q0.properties.name/);
  });
});
