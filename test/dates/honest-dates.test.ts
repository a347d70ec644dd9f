// Issue 18: "First seen on list" was the import time, and a relationship's claim date was shown as
// its period, so a link "ended" the month it was reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWith, withDefaultPublished } from '../../src/ingest/import.ts';
import { parserByFormat } from '../../src/ingest/registry.ts';
import { GraphService } from '../../src/graph/service.ts';
import { MemoryReader } from '../../src/store/memory-reader.ts';
import type { StatementDraft } from '../../src/model/statement.ts';
import { ENGINES, freshStore, type TestStore } from '../support/engines.ts';
import { caseDrafts } from '../graph/support.ts';
import { SDN_2021_SUBSET, SDN_2023_SUBSET } from '../support/ofac-files.ts';

describe('relationship periods come only from the source', () => {
  let graph: GraphService;
  const edge = async (id: string) => {
    const g = await graph.graph();
    const i = g.edgeIds.indexOf(id);
    expect(i, id).toBeGreaterThanOrEqual(0);
    return g.edge(i);
  };
  beforeAll(async () => {
    const reader = new MemoryReader();
    reader.addDataset('case_dprk_russia', await caseDrafts(), { seen: '2026-11-28' });
    graph = new GraphService(reader);
  });

  it('a link attested in 2023-07 (RIM and Wagner, the designation) has not ended then; the claim date stays a claim date', async () => {
    const link = await edge('case-dprk-russia-rel-rim-wagner');
    expect(link.endDate).toBeNull();
    expect(link.provenance[0].claimDate).toBe('2023-07');
  });

  it('a posting the source gives no period for stays open: the diplomat in Moscow, reported in 2022', async () => {
    const job = await edge('case-dprk-russia-rel-diplomat-dprk');
    expect({ start: job.startDate, end: job.endDate, claimed: job.provenance[0].claimDate }).toEqual({ start: null, end: null, claimed: '2022' });
  });

  it('a period the source states is kept beside its claim date', async () => {
    const reader = new MemoryReader();
    const d = (prop: string, value: string): StatementDraft => ({ entityId: 'test-employment', schema: 'Employment', prop, value, claimDate: '2022' } as StatementDraft);
    reader.addDataset('test_claims', [
      { entityId: 'test-person', schema: 'Person', prop: 'name', value: 'Test Person' } as StatementDraft,
      { entityId: 'test-org', schema: 'Organization', prop: 'name', value: 'Test Org' } as StatementDraft,
      d('employee', 'test-person'), d('employer', 'test-org'), d('startDate', '2016'), d('endDate', '2021'),
    ], { seen: '2026-11-28' });
    const g = await new GraphService(reader).graph();
    const job = g.edge(g.edgeIds.indexOf('test-employment'));
    expect({ start: job.startDate, end: job.endDate, claimed: job.provenance[0].claimDate }).toEqual({ start: '2016-01-01', end: '2021-12-31', claimed: '2022' });
  });
});

async function* stream(items: StatementDraft[]) {
  yield* items;
}
const person = (id: string, name: string): StatementDraft[] => [
  { entityId: id, schema: 'Person', prop: 'name', value: name, evidenceGrade: 'official' },
  { entityId: `${id}-s`, schema: 'Sanction', prop: 'entity', value: id, evidenceGrade: 'official' },
];

describe.each(ENGINES)('first seen is the publication date of the first version with the record (%s)', (engine) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await freshStore(engine);
  });
  afterAll(async () => t?.dispose());

  it('not the import time; a record added later is first seen in the version that added it', async () => {
    const req = (publishedAt: string) => ({ dataset: 'test_list', format: 'test', sourceFiles: [], publishedAt });
    await t.store.importDataset(req('2024-01-01'), stream(person('t-1', 'KIM, Jong Un')));
    await t.store.importDataset(req('2024-02-01'), stream([...person('t-1', 'KIM, Jong Un'), ...person('t-2', 'MKRTYCHEV, Ashot')]));
    const kim = await t.store.getEntity('t-1');
    const ashot = await t.store.getEntity('t-2');
    expect({ first: kim?.first_seen, last: kim?.last_seen }).toEqual({ first: '2024-01-01', last: '2024-02-01' });
    expect({ first: ashot?.first_seen, last: ashot?.last_seen }).toEqual({ first: '2024-02-01', last: '2024-02-01' });
  });
});

// The real subset of both OFAC versions (test/support/ofac-files.ts): the dates, not the size, are the point.
describe.each(ENGINES)('an older version imported after a newer one (%s)', (engine) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await freshStore(engine);
    // Dated as the bundled data is (data/bundled.json) and as the fixture's folder says: OFAC's CSV states no date.
    const ofac = (date: string) => withDefaultPublished(parserByFormat('ofac-sdn-csv'), date);
    await importWith(t.store, ofac('2023-12-28'), SDN_2023_SUBSET);
    await importWith(t.store, ofac('2021-07-07'), SDN_2021_SUBSET, { allowShrink: true });
  }, 180_000);
  afterAll(async () => t?.dispose());

  it('a record in both is first seen on the older publication date, not the newer one it was compared with', async () => {
    // KIM, Jong Un (ent_num 20157) is listed in both.
    const kim = await t.store.getEntity('us-ofac-sdn-20157');
    expect(kim?.first_seen).toBe('2021-07-07');
    const statements = await t.store.getStatements('us-ofac-sdn-20157');
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.filter((s) => s.firstSeen > '2021-07-07').map((s) => `${s.prop}=${s.value} ${s.firstSeen}`)).toEqual([]);
  });
});
