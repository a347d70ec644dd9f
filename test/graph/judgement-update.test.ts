// A judgement costs the graph the targets it touches: their nodes, the edges at them and the Sanctions
// naming them are redone, instead of a rebuild from every live statement (~20 s of CPU on the bundled
// lists, ~40 s under load), and the graph then holds what a graph built from scratch holds. So does an
// analyst edit to a member of a merged target (it used to rebuild too), and a start after judgements
// made since the graph was saved.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { buildGraph } from '../../src/graph/build.ts';
import { GraphService } from '../../src/graph/service.ts';
import { savedGraphKeys, snapshotKey } from '../../src/graph/snapshot.ts';
import { downstreamReader, Resolver, watchJudgements } from '../../src/resolve/service.ts';
import { loadShippedJudgements } from '../../src/resolve/shipped.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { copyOfBundledDbWithSnapshots } from '../support/bundled-db.ts';
import { counted } from '../support/counted-reader.ts';
import { graphContent } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'interdict-graph-judgement-'));
const path = join(dir, 'db.sqlite');
// RIM Yong Hyok on OFAC and in the DPRK–Russia case file (linked to KOMID there): two records until judged the same.
const RIM = { left: 'us_ofac_sdn:44294', right: 'case-dprk-russia-komid-syria-deputy-rep' };
// The older KIM Yong Chol, one target of OFAC's and the UK's records (shipped), each designated by its list.
const KIM_UK = 'gb_hmt_sanctions:12439';
// JO Yong Chol's OFAC record, one target with his UN and UK records (shipped).
const JO_OFAC = 'us_ofac_sdn:19610';
let store: Store;
let service: GraphService;
let calls: Record<string, number>;
let watch: ReturnType<typeof watchJudgements>;
let resolver: Resolver;

beforeAll(async () => {
  await copyOfBundledDbWithSnapshots(inject('bundledDb'), path, { judged: true });
  store = await openStore({ databaseUrl: null, sqlitePath: path });
  expect(await loadShippedJudgements(store)).toBeGreaterThan(2500);
  const c = counted(downstreamReader(store));
  calls = c.calls;
  // The graph the server saved for these lists and judgements: read back, not built.
  service = new GraphService(c.reader, { snapshotDir: `${path}.cache` });
  service.attach(store);
  await service.graph();
  resolver = new Resolver(store);
  watch = watchJudgements(store, (change) => (change ? service.retarget(change) : service.refresh()));
  await watch.check();
}, 240_000);
afterAll(async () => {
  watch?.stop();
  await service?.settled();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

// First: the analyst edit below changes the live versions, and a graph saved under other versions is not used.
it('starts from the graph saved before judgements made since (a restart), redoing only the targets they touch', async () => {
  const jo = (await resolver.entity(JO_OFAC))!;
  expect(jo.referents).toEqual(expect.arrayContaining([JO_OFAC, 'un_sc_sanctions:KPi.034']));
  await resolver.split(JO_OFAC, 'test', 'test: split off while the server was down');
  await watch.check();
  await service.settled();
  const c = counted(downstreamReader(store));
  const restarted = new GraphService(c.reader, { snapshotDir: `${path}.cache` });
  const g = await restarted.graph();
  expect(c.calls.iterateStatements ?? 0, 'a rebuild read every live statement').toBe(0);
  expect(c.calls.iterateEntities ?? 0).toBe(0);
  expect(g.indexOf('us-ofac-sdn-19610')).toBeGreaterThanOrEqual(0);
  // As the running service took the split in (a fresh build is compared with below, after more changes).
  expect(graphContent(g)).toEqual(graphContent(await service.graph()));
  // Saved under the judgements now in force, in place of the one it started from.
  expect(savedGraphKeys(`${path}.cache`)).toEqual([snapshotKey(await store.liveVersions(), await c.reader.resolutionKey!())]);
}, 240_000);

it('takes in a merge, a split and an edit to a member without reading the live data, and holds what a fresh build holds', async () => {
  const komid = (await resolver.entity('us_ofac_sdn:9345'))!;
  const kim = (await resolver.entity(KIM_UK))!;
  expect(komid.referents).toContain('un_sc_sanctions:KPe.001');
  expect(kim.id).toMatch(/^NK-/);
  const before = { ...calls };
  await store.addStatements('analyst_notes', [{ entityId: 'us-ofac-sdn-9345', schema: 'Company', prop: 'alias', value: 'Changgwang Sinyong Trading Bureau', sourceDocument: 'https://www.state.gov/briefings/dprk-arms-2023', evidenceGrade: 'reported' }], 'tester');
  await service.settled();
  await resolver.judge([{ ...RIM, verdict: 'same', author: 'test', reason: 'test: one person' }]);
  await resolver.split(KIM_UK, 'test', 'test: two people');
  await watch.check();
  await service.settled();
  expect(calls.iterateStatements ?? 0, 'a rebuild read every live statement').toBe(before.iterateStatements ?? 0);

  const g = await service.graph();
  const rim = (await resolver.entity(RIM.left))!.id;
  expect(rim).toMatch(/^NK-/);
  // The case file's link to KOMID now starts at the merged RIM; the split records are designated each by its own list.
  expect((await service.adjacent(rim, { limit: 50 })).results.map((r) => r.other.id)).toContain(komid.id);
  expect(g.indexOf(kim.id)).toBe(-1);
  expect(g.node(g.indexOf('gb-hmt-sanctions-12439')).sanctionedBy).toEqual(['gb_hmt_sanctions']);
  expect(g.node(g.indexOf(komid.id)).datasets).toContain('analyst_notes');
  expect(graphContent(g)).toEqual(graphContent(await buildGraph(downstreamReader(store))));
}, 240_000);
