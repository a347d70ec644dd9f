// An analyst edit redoes just the edited entities in the graph (it used to rebuild the whole graph from
// every live statement, seconds that stalled /match), and the graph then holds what a graph built from
// scratch over the same store holds: the same nodes, edges and claims, on every engine. A graph saved
// before edits is read back at a start with those entities redone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build.ts';
import { GraphService } from '../../src/graph/service.ts';
import { savedGraphKeys } from '../../src/graph/snapshot.ts';
import { ENGINES, type TestStore } from '../support/engines.ts';
import { importedStoreOf } from '../support/imported.ts';
import { UN_THEN_CASE_FILE } from '../support/list-imports.ts';
import { counted } from '../support/counted-reader.ts';
import { graphContent as content } from '../graph/support.ts';

const claim = { sourceDocument: 'https://www.state.gov/briefings/dprk-arms-2023', evidenceGrade: 'reported' as const };
const PRIGOZHIN_OWNS_WAGNER = 'case-dprk-russia-rel-prigozhin-owns-wagner';

describe.each(ENGINES)('the graph after an analyst edit over the %s store', (engine) => {
  let t: TestStore;
  let service: GraphService;
  let calls: Record<string, number>;
  let detach: () => void;
  let komid: string;
  beforeAll(async () => {
    t = await importedStoreOf(engine, UN_THEN_CASE_FILE);
    const c = counted(t.store);
    calls = c.calls;
    service = new GraphService(c.reader);
    detach = service.attach(t.store);
    komid = await service.resolve('Korea Mining Development Trading Corporation');
  }, 240_000);
  afterAll(async () => {
    detach?.();
    await service?.settled();
    await t?.dispose();
  });

  it('redoes only the edited entities, and answers with the new claims', async () => {
    const before = { ...calls };
    const owns = 'analyst-rel-pak-owns-komid';
    await t.store.addStatements('analyst_notes', [{ entityId: 'analyst-pak-chol-jin', schema: 'Person', prop: 'name', value: 'PAK Chol Jin', ...claim }], 'tester');
    await t.store.addStatements('analyst_notes', [
      { entityId: owns, schema: 'Ownership', prop: 'owner', value: 'analyst-pak-chol-jin', ...claim },
      { entityId: owns, schema: 'Ownership', prop: 'asset', value: komid, ...claim },
      { entityId: owns, schema: 'Ownership', prop: 'percentage', value: '30', ...claim },
    ], 'tester');
    // A claim on the case file's link: its period, and a second source behind it.
    await t.store.addStatements('analyst_notes', [{ entityId: PRIGOZHIN_OWNS_WAGNER, schema: 'Ownership', prop: 'startDate', value: '2014', ...claim }], 'tester');
    await service.settled();
    expect(calls.iterateStatements ?? 0).toBe(before.iterateStatements ?? 0);
    expect(calls.iterateEntities ?? 0).toBe(before.iterateEntities ?? 0);
    expect((calls.getStatements ?? 0) - (before.getStatements ?? 0)).toBe(3);

    const paths = await service.paths('analyst-pak-chol-jin', komid);
    expect(paths.from).toMatchObject({ caption: 'PAK Chol Jin', known: true, datasets: ['analyst_notes'] });
    expect(paths.paths[0].edges).toEqual([expect.objectContaining({ id: owns, percentage: 30, evidenceGrade: 'reported' })]);
    const exposure = await service.exposure('analyst-pak-chol-jin', { hops: 1 });
    expect(exposure.hits.map((h) => h.entity.id)).toContain(komid);
    const wagner = (await service.adjacent('us-ofac-sdn-21171')).results.find((r) => r.edge.id === PRIGOZHIN_OWNS_WAGNER)!;
    expect(wagner.edge.startDate).toBe('2014-01-01');
    expect(wagner.edge.provenance.map((p) => p.dataset)).toContain('analyst_notes');
  });

  it('holds what a graph built from scratch holds', async () => {
    expect(content(await service.graph())).toEqual(content(await buildGraph(t.store)));
  });

  it('is read back at a start after more edits, with just the entities the analyst datasets touch redone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interdict-graph-edited-'));
    try {
      await new GraphService(t.store, { snapshotDir: dir }).graph();
      const [saved] = savedGraphKeys(dir);
      // Edited while no service runs: a new link, and a claim on a case-file record.
      await t.store.addStatements('analyst_notes', [
        { entityId: 'analyst-rel-pak-directs-komid', schema: 'Directorship', prop: 'director', value: 'analyst-pak-chol-jin', ...claim },
        { entityId: 'analyst-rel-pak-directs-komid', schema: 'Directorship', prop: 'organization', value: komid, ...claim },
      ], 'tester');
      await t.store.addStatements('analyst_retractions', [{ entityId: PRIGOZHIN_OWNS_WAGNER, schema: 'Ownership', prop: 'startDate', value: '2014', ...claim, evidenceGrade: 'denied' }], 'tester');
      const c = counted(t.store);
      const g = await new GraphService(c.reader, { snapshotDir: dir }).graph();
      expect(c.calls.iterateStatements ?? 0, 'a build read every live statement').toBe(0);
      expect(c.calls['iterateStatements(datasets)']).toBe(1);
      expect(content(g)).toEqual(content(await buildGraph(t.store)));
      expect((await new GraphService(t.store, { snapshotDir: dir }).adjacent('analyst-pak-chol-jin')).results.map((r) => r.edge.id)).toContain('analyst-rel-pak-directs-komid');
      // Its name leaves the analyst datasets out: the saved graph stays as it was.
      expect(savedGraphKeys(dir)).toEqual([saved]);
      // Reading an edited entity again failing (the database going away for a moment), a start builds instead.
      const failing = new Proxy(t.store, { get: (target, prop, receiver) => (prop === 'getStatements' ? () => Promise.reject(new Error('connection lost')) : Reflect.get(target, prop, receiver)) });
      expect(content(await new GraphService(failing, { snapshotDir: dir }).graph())).toEqual(content(g));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
