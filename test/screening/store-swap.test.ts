// The index follows the store: built from the live version at start, rebuilt and swapped when an
// import switches the live version (Store.onLiveChange), on every store engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatementDraft } from '../../src/model/statement.ts';
import { ScreeningService } from '../../src/screening/service.ts';
import { ENGINES, freshStore, type TestStore } from '../support/engines.ts';

function listed(id: string, schema: string, props: Record<string, string[]>): StatementDraft[] {
  const out: StatementDraft[] = [{ entityId: id, schema, prop: 'id', value: id, evidenceGrade: 'official' }];
  for (const [prop, values] of Object.entries(props)) for (const value of values) out.push({ entityId: id, schema, prop, value, evidenceGrade: 'official' });
  out.push({ entityId: `${id}-sanction`, schema: 'Sanction', prop: 'entity', value: id, evidenceGrade: 'official' });
  return out;
}

async function* stream(items: StatementDraft[]) {
  yield* items;
}

const kim = listed('test-list-20157', 'Person', { name: ['KIM, Jong Un'], birthDate: ['1984-01-08'] });
const prigozhin = listed('test-list-21171', 'Person', { name: ['PRIGOZHIN, Yevgeniy Viktorovich'], alias: ['Евгений Пригожин'] });
const vessel = listed('test-list-36696', 'Vessel', { name: ['SPARTA II'], imoNumber: ['9160994'] });

describe.each(ENGINES)('screening index over the %s store', (engine) => {
  let t: TestStore;
  let service: ScreeningService;
  beforeAll(async () => {
    t = await freshStore(engine);
    await t.store.importDataset({ dataset: 'test_list', format: 'test', sourceFiles: ['v1.csv'], publishedAt: '2024-01-01' }, stream([...kim, ...vessel]));
    service = new ScreeningService(t.store, { subscribe: (fn) => t.store.onLiveChange(fn) });
    await service.ready();
  });
  afterAll(async () => {
    await service?.close();
    await t?.dispose();
  });

  const top = async (name: string) => (await service.match('test_list', { queries: { q: { schema: 'Person', properties: { name: [name] } } } })).responses.q.results[0];

  it('builds from the live version: screenable entities only, with referents from the store', async () => {
    expect(service.stats()).toMatchObject({ ready: true, entities: 2, datasets: [{ name: 'test_list', publishedAt: '2024-01-01' }] });
    expect(await top('Kim Chong-un')).toMatchObject({ id: 'test-list-20157', referents: ['test_list:20157'], match: true, datasets: ['test_list'] });
  });

  it('rebuilds when an import switches the live version, and swaps the new index in', async () => {
    await t.store.importDataset({ dataset: 'test_list', format: 'test', sourceFiles: ['v2.csv'], publishedAt: '2024-02-01' }, stream([...prigozhin, ...vessel]));
    await service.close(); // waits for the rebuild the import triggered
    expect(service.stats()).toMatchObject({ entities: 2, datasets: [{ publishedAt: '2024-02-01' }], lastError: null });
    expect(await top('Пригожин Евгений')).toMatchObject({ id: 'test-list-21171', match: true });
    const gone = await top('Kim Jong Un');
    expect(gone?.id).not.toBe('test-list-20157');
  });
});
