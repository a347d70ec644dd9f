// A judgement costs the targets it touches: the screening index takes the members' entries out and
// the merged (or split) targets in, without reading the live data again (it used to rebuild whole,
// ~15 s under load), and answers exactly as an index built from scratch under the same judgements;
// a start after judgements made meanwhile does the same to the index saved before them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savedIndexKeys } from '../../src/screening/index-snapshot.ts';
import { liveResolvedReader, Resolver, watchJudgements } from '../../src/resolve/service.ts';
import { ScreeningService, serverIndexKey } from '../../src/screening/service.ts';
import { ENGINES, type TestStore } from '../support/engines.ts';
import { importedStoreOf } from '../support/imported.ts';
import { UN_THEN_UK } from '../support/list-imports.ts';
import { counted } from '../support/counted-reader.ts';

// JO Yong Chol: UN KPi.034, and the UK's group 13419 citing that reference.
const JO_UN = 'un-sc-sanctions-KPi.034';
const JO_UK = 'gb-hmt-sanctions-13419';
const queries = {
  jo: { schema: 'Person', properties: { name: ['Jo Yong Chol'] } },
  kim: { schema: 'Person', properties: { name: ['Kim Yong Chol'] } },
  komid: { schema: 'Company', properties: { name: ['Korea Mining Development Trading Corp'] } },
};

describe.each(ENGINES)('a judgement over the %s store', (engine) => {
  let t: TestStore;
  let service: ScreeningService;
  let calls: Record<string, number>;
  let resolver: Resolver;
  let watch: ReturnType<typeof watchJudgements>;
  const changes: unknown[] = [];
  beforeAll(async () => {
    t = await importedStoreOf(engine, UN_THEN_UK);
    resolver = new Resolver(t.store);
    const c = counted(liveResolvedReader(t.store));
    calls = c.calls;
    service = new ScreeningService(c.reader, { subscribe: (fn) => t.store.onLiveChange(fn) });
    await service.ready();
    watch = watchJudgements(t.store, (change) => {
      changes.push(change);
      if (change) service.retarget(change);
      else service.refresh();
    });
    await watch.check();
  }, 240_000);
  afterAll(async () => {
    watch?.stop();
    await service?.close();
    await t?.dispose();
  });

  /** The service's index and answers equal those of an index built from scratch now. */
  async function expectFreshAnswers(checked = service) {
    const scratch = new ScreeningService(liveResolvedReader(t.store));
    await scratch.ready();
    try {
      const [updated, built] = [(await checked.screener()).index, (await scratch.screener()).index];
      expect(updated.entities.map((e) => e.id)).toEqual(built.entities.map((e) => e.id));
      const jo = (index: typeof updated) => index.entities.filter((e) => e.referents?.some((r) => r.endsWith(':KPi.034') || r.endsWith(':13419')));
      expect(jo(updated)).toEqual(jo(built));
      for (const scope of ['default', 'all', 'gb_hmt_sanctions']) expect((await checked.match(scope, { queries })).responses).toEqual((await scratch.match(scope, { queries })).responses);
      expect((await checked.search('default', { q: 'Jo Yong Chol', limit: 20 })).results).toEqual((await scratch.search('default', { q: 'Jo Yong Chol', limit: 20 })).results);
    } finally {
      await scratch.close();
    }
  }

  it('merges: the two records leave the index, their target comes in, and nothing else is read', async () => {
    const before = { ...calls };
    await resolver.judge([{ left: JO_UK, right: JO_UN, verdict: 'same', author: 'analyst-a', reason: 'UK entry cites UN Ref KPi.034' }]);
    await watch.check();
    await service.settled();
    expect(changes.at(-1)).toEqual({ removed: expect.arrayContaining([JO_UK, JO_UN]), targets: [expect.stringMatching(/^NK-/)] });
    expect(calls.iterateEntities ?? 0).toBe(before.iterateEntities ?? 0);
    expect(calls.iterateStatements ?? 0).toBe(before.iterateStatements ?? 0);
    expect(service.stats().lastError).toBeNull();
    const [jo] = (await service.match('default', { queries })).responses.jo.results.filter((r) => r.referents.includes('un_sc_sanctions:KPi.034'));
    expect(jo.referents).toEqual(['gb_hmt_sanctions:13419', 'un_sc_sanctions:KPi.034']);
    await expectFreshAnswers();
  });

  it('takes an analyst edit of one member in as the whole target, without reading the live data again', async () => {
    const before = { ...calls };
    const claim = { sourceDocument: 'https://www.state.gov/briefings/dprk-arms-2023', evidenceGrade: 'reported' as const };
    // Both members at once, as one edit of each: the target is read once per member, taken in once.
    await t.store.addStatements('analyst_notes', [
      { entityId: JO_UN, schema: 'Person', prop: 'alias', value: 'Jo Yong Chul', ...claim },
      { entityId: JO_UK, schema: 'Person', prop: 'alias', value: 'Cho Yong Chol', ...claim },
    ], 'tester');
    await service.settled();
    expect(calls.iterateEntities ?? 0).toBe(before.iterateEntities ?? 0);
    expect(calls.iterateStatements ?? 0).toBe(before.iterateStatements ?? 0);
    expect(service.stats().lastError).toBeNull();
    const found = (await service.match('all', { queries: { jo: { schema: 'Person', properties: { name: ['Cho Yong Chol'] } } } })).responses.jo.results;
    const [jo] = found.filter((r) => r.referents.includes('un_sc_sanctions:KPi.034'));
    expect(jo.id).toMatch(/^NK-/);
    expect(jo.referents).toEqual(['gb_hmt_sanctions:13419', 'un_sc_sanctions:KPi.034']);
    expect(jo.datasets).toContain('analyst_notes');
    expect(found.filter((r) => r.referents.includes('gb_hmt_sanctions:13419'))).toHaveLength(1);
    await expectFreshAnswers();
  });

  it('splits: the target leaves, both records come back, as a fresh build has them', async () => {
    const before = { ...calls };
    await resolver.split(JO_UK, 'analyst-b', 'test: split again');
    await watch.check();
    await service.settled();
    expect(changes.at(-1)).toEqual({ removed: expect.arrayContaining([JO_UK, JO_UN, expect.stringMatching(/^NK-/)]), targets: [JO_UK, JO_UN].sort() });
    expect(calls.iterateEntities ?? 0).toBe(before.iterateEntities ?? 0);
    const jo = (await service.match('default', { queries })).responses.jo.results.filter((r) => r.referents.some((x: string) => x === 'un_sc_sanctions:KPi.034' || x === 'gb_hmt_sanctions:13419'));
    expect(jo.map((r) => r.id).sort()).toEqual([JO_UK, JO_UN].sort());
    await expectFreshAnswers();
  });

  it('starts from the index saved before judgements made meanwhile, reading only the targets they touch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interdict-judged-restart-'));
    try {
      const first = new ScreeningService(liveResolvedReader(t.store), { snapshotDir: dir });
      await first.ready();
      await first.close();
      const [savedBefore] = savedIndexKeys(dir, 'screening-');
      // Judged while no service runs (the CLI beside a stopped server): JO's two records one target again.
      await resolver.judge([{ left: JO_UK, right: JO_UN, verdict: 'same', author: 'analyst-a', reason: 'test: merged while stopped' }]);
      const c = counted(liveResolvedReader(t.store));
      const next = new ScreeningService(c.reader, { snapshotDir: dir });
      try {
        await next.ready();
        expect(c.calls.iterateEntities ?? 0, 'a full build read every live entity').toBe(0);
        expect(c.calls.getStatements).toBe(1); // the one target judged
        const [jo] = (await next.match('default', { queries })).responses.jo.results.filter((r) => r.referents.includes('un_sc_sanctions:KPi.034'));
        expect(jo.referents).toEqual(['gb_hmt_sanctions:13419', 'un_sc_sanctions:KPi.034']);
        await expectFreshAnswers(next);
        // Saved under the judgements now in force, in place of the older one.
        const now = serverIndexKey(await t.store.liveVersions(), await c.reader.resolutionKey!());
        expect(savedIndexKeys(dir, 'screening-')).toEqual([now]);
        expect(now).not.toBe(savedBefore);
      } finally {
        await next.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
