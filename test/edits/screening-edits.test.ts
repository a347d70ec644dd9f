// An analyst edit costs what it changes: the screening index takes in the edited entities without
// reading the live data again (a full rebuild stalled /match for seconds after every claim), and
// answers exactly as an index built from scratch over the same store would, on every engine; an index
// saved before edits is read back at a start with those entities read again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savedIndexKeys } from '../../src/screening/index-snapshot.ts';
import { ScreeningService } from '../../src/screening/service.ts';
import { ENGINES, type TestStore } from '../support/engines.ts';
import { importedStoreOf } from '../support/imported.ts';
import { UN_THEN_CASE_FILE } from '../support/list-imports.ts';
import { counted } from '../support/counted-reader.ts';

const claim = { sourceDocument: 'https://www.state.gov/briefings/dprk-arms-2023', evidenceGrade: 'reported' as const };
const queries = {
  komid: { schema: 'Company', properties: { name: ['Korea Mining Development Trading Corp'] } },
  alias: { schema: 'Company', properties: { name: ['Changgwang Sinyong Trading'] } },
  fresh: { schema: 'Person', properties: { name: ['Pak Chol Jin'], birthDate: ['1971-03-02'] } },
  kirby: { schema: 'Person', properties: { name: ['John Kirby'] } },
};

describe.each(ENGINES)('an analyst edit over the %s store', (engine) => {
  let t: TestStore;
  let service: ScreeningService;
  let calls: Record<string, number>;
  let komid: string;
  beforeAll(async () => {
    t = await importedStoreOf(engine, UN_THEN_CASE_FILE);
    await t.store.addStatements('analyst_notes', [{ entityId: 'analyst-note-1', schema: 'Person', prop: 'name', value: 'Jon Kirbi', ...claim }], 'tester');
    const c = counted(t.store);
    calls = c.calls;
    service = new ScreeningService(c.reader, { subscribe: (fn) => t.store.onLiveChange(fn) });
    await service.ready();
    komid = (await service.search('un_sc_sanctions', { q: 'Korea Mining Development Trading Corporation', limit: 1 })).results[0].id;
  }, 240_000);
  afterAll(async () => {
    await service?.close();
    await t?.dispose();
  });

  it('takes a claim in without reading the live data again, and /match answers with it', async () => {
    const before = { ...calls };
    await t.store.addStatements('analyst_notes', [{ entityId: komid, schema: 'Company', prop: 'alias', value: 'Changgwang Sinyong Trading', ...claim }], 'tester');
    await t.store.addStatements('analyst_notes', [{ entityId: 'analyst-pak-chol-jin', schema: 'Person', prop: 'name', value: 'PAK Chol Jin', ...claim }], 'tester');
    await service.settled();
    expect(calls.iterateEntities ?? 0).toBe(before.iterateEntities ?? 0);
    expect(calls.iterateStatements ?? 0).toBe(before.iterateStatements ?? 0);
    expect((calls.getStatements ?? 0) - (before.getStatements ?? 0)).toBe(2);
    expect(service.stats().lastError).toBeNull();

    const byDefault = await service.match('default', { queries });
    // The alias is screened with the UN entry it was written on; the analyst's own person is not a list entry.
    expect(byDefault.responses.alias.results[0]).toMatchObject({ id: komid, target: true, match: true });
    expect(byDefault.responses.alias.results[0].datasets).toEqual(expect.arrayContaining(['un_sc_sanctions', 'analyst_notes']));
    expect(byDefault.responses.fresh.results.some((r) => r.id === 'analyst-pak-chol-jin')).toBe(false);
    const all = await service.match('all', { queries });
    expect(all.responses.fresh.results[0]).toMatchObject({ id: 'analyst-pak-chol-jin', target: false, datasets: ['analyst_notes'] });
  });

  it('answers as an index built from scratch would, in every scope', async () => {
    const scratch = new ScreeningService(t.store);
    await scratch.ready();
    try {
      const [updated, built] = [(await service.screener()).index, (await scratch.screener()).index];
      expect(updated.entities.map((e) => e.id)).toEqual(built.entities.map((e) => e.id));
      const edited = (index: typeof updated) => index.entities.filter((e) => e.id === komid || e.id === 'analyst-pak-chol-jin');
      expect(edited(updated)).toEqual(edited(built));
      for (const scope of ['default', 'all', 'analyst_notes', 'un_sc_sanctions']) {
        const a = await service.match(scope, { queries });
        const b = await scratch.match(scope, { queries });
        expect(a.responses).toEqual(b.responses);
        const search = (s: ScreeningService) => s.search(scope === 'un_sc_sanctions' ? scope : 'default', { q: 'Pak Chol', limit: 20 });
        expect((await search(service)).results).toEqual((await search(scratch)).results);
      }
    } finally {
      await scratch.close();
    }
  });

  it('is read back at a start after more edits, with just the entities the analyst datasets touch read again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interdict-screening-edited-'));
    try {
      const first = new ScreeningService(t.store, { snapshotDir: dir });
      await first.ready();
      await first.close();
      const [saved] = savedIndexKeys(dir, 'screening-');
      // Edited while no service runs: a new entity, and an alias on a list entry (a new analyst dataset's).
      await t.store.addStatements('analyst_notes', [{ entityId: 'analyst-kirby-2', schema: 'Person', prop: 'name', value: 'John Kirbey', ...claim }], 'tester');
      await t.store.addStatements('analyst_aliases', [{ entityId: komid, schema: 'Company', prop: 'alias', value: 'KOMID Trading Bureau', ...claim }], 'tester');
      const c = counted(t.store);
      const next = new ScreeningService(c.reader, { snapshotDir: dir });
      const scratch = new ScreeningService(t.store);
      try {
        await next.ready();
        expect(c.calls.iterateEntities ?? 0, 'a build read every live entity').toBe(0);
        expect(c.calls['iterateStatements(datasets)']).toBe(1);
        await scratch.ready();
        const [updated, built] = [(await next.screener()).index, (await scratch.screener()).index];
        expect(updated.entities).toEqual(built.entities);
        const asked = { ...queries, bureau: { schema: 'Company', properties: { name: ['KOMID Trading Bureau'] } } };
        for (const scope of ['default', 'all', 'analyst_notes']) expect((await next.match(scope, { queries: asked })).responses).toEqual((await scratch.match(scope, { queries: asked })).responses);
        expect((await next.match('default', { queries: asked })).responses.bureau.results[0]).toMatchObject({ id: komid, target: true });
        expect(savedIndexKeys(dir, 'screening-')).toEqual([saved]);
        // Reading an edited entity again failing (the database going away for a moment), a start builds instead.
        const failing = new Proxy(t.store, { get: (target, prop, receiver) => (prop === 'getStatements' ? () => Promise.reject(new Error('connection lost')) : Reflect.get(target, prop, receiver)) });
        const d = counted(failing);
        const rebuilt = new ScreeningService(d.reader, { snapshotDir: dir });
        try {
          await rebuilt.ready();
          expect(d.calls.iterateEntities).toBe(1);
          expect((await rebuilt.match('default', { queries: asked })).responses).toEqual((await scratch.match('default', { queries: asked })).responses);
        } finally {
          await rebuilt.close();
        }
      } finally {
        await next.close();
        await scratch.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
