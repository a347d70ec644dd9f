// The one rule for "sanctioned" on every store engine, with real files: the UN list designates its
// entries; the case file (people named in reports, an undesignated RIM Yong Hyok) designates no one,
// and a Sanction an analyst writes into their own dataset makes no one a target either.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityView } from '../../src/server/entities.ts';
import { ScreeningService } from '../../src/screening/service.ts';
import { ENGINES, type TestStore } from '../support/engines.ts';
import { importedStoreOf } from '../support/imported.ts';
import { UN_THEN_CASE_FILE } from '../support/list-imports.ts';

describe.each(ENGINES)('targets over the %s store', (engine) => {
  let t: TestStore;
  let service: ScreeningService;
  beforeAll(async () => {
    t = await importedStoreOf(engine, UN_THEN_CASE_FILE);
    await t.store.addStatements('analyst_notes', [
      { entityId: 'analyst-claim-kirby', schema: 'Sanction', prop: 'entity', value: 'case-dprk-russia-kirby', sourceDocument: 'a note', evidenceGrade: 'alleged' },
    ], 'tester');
    service = new ScreeningService(t.store);
    await service.ready();
  }, 240_000);
  afterAll(async () => {
    await service?.close();
    await t?.dispose();
  });

  it('/search and /entities agree: the case file\'s people are no targets, UN entries are', async () => {
    const search = await service.search('default', { q: 'Kirby', limit: 5 });
    const kirby = search.results.find((r) => r.id === 'case-dprk-russia-kirby');
    expect(kirby?.target).toBe(false);
    expect((await entityView(t.store, 'case-dprk-russia-kirby', { provenance: false, nested: true }))?.target).toBe(false);
    const rim = (await service.search('default', { q: 'Rim Yong Hyok', limit: 10 })).results.find((r) => r.id === 'case-dprk-russia-komid-syria-deputy-rep');
    expect(rim?.target).toBe(false);
    const kp = (await service.search('un_sc_sanctions', { q: 'Korea Mining Development Trading Corporation', limit: 1 })).results[0];
    expect(kp.target).toBe(true);
    expect((await entityView(t.store, kp.id, { provenance: false, nested: true }))?.target).toBe(true);
  });

  it('/match/default screens the UN list only; the case file needs /match/all', async () => {
    const q = { queries: { q: { schema: 'Person', properties: { name: ['John Kirby'] } } } };
    const byDefault = await service.match('default', q);
    expect(byDefault.scope.datasets).toEqual(['un_sc_sanctions']);
    expect(byDefault.responses.q.results.some((r) => r.datasets.includes('case_dprk_russia'))).toBe(false);
    const all = await service.match('all', q);
    expect(all.responses.q.results[0]).toMatchObject({ id: 'case-dprk-russia-kirby', target: false });
  });
});
