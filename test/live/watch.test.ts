// The watcher fires onLiveChange once for a switch made through another connection to the same
// database, and never a second time for a switch this store made (its services rebuild once).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatementDraft } from '../../src/model/statement.ts';
import { openStore } from '../../src/store/open.ts';
import { watchStore, type LiveWatch } from '../../src/store/live-watch.ts';
import type { Store } from '../../src/store/types.ts';
import { ENGINES, freshStore, type TestStore } from '../support/engines.ts';

async function* listOf(...names: string[]): AsyncIterable<StatementDraft> {
  for (const name of names) {
    const id = `test-list-${name.toLowerCase()}`;
    yield { entityId: id, schema: 'Person', prop: 'name', value: name };
    yield { entityId: `${id}-sanction`, schema: 'Sanction', prop: 'entity', value: id };
  }
}

const importList = (store: Store, ...names: string[]) =>
  store.importDataset({ dataset: 'test_list', format: 'test', sourceFiles: [], publishedAt: '2026-01-01' }, listOf(...names));

describe.each(ENGINES)('live-version watcher on %s', (engine) => {
  let t: TestStore;
  let other: Store;
  let watch: LiveWatch;
  const fired: string[] = [];

  beforeAll(async () => {
    t = await freshStore(engine);
    await importList(t.store, 'Alpha');
    other = await openStore({ databaseUrl: t.url, sqlitePath: t.sqlitePath });
    t.store.onLiveChange((d) => fired.push(d));
    watch = watchStore(t.store, { databaseUrl: t.url, intervalMs: 60_000 })!;
    await watch.check();
  });
  afterAll(async () => {
    await watch?.stop();
    await other?.close();
    await t?.dispose();
  });

  it('announces a version switched by another connection, once', async () => {
    await importList(other, 'Alpha', 'Beta');
    await watch.check(); // on PostgreSQL the NOTIFY may have had it looked at already
    expect(fired).toEqual(['test_list']);
    expect(await watch.check()).toEqual([]);
    expect(fired).toEqual(['test_list']);
  });

  it('does not announce again what this store switched itself', async () => {
    fired.length = 0;
    await importList(t.store, 'Gamma');
    expect(await watch.check()).toEqual([]);
    expect(fired).toEqual(['test_list']);
  });

  it('tells its own switch apart even when it looks between the commit and the store\'s own announcement', async () => {
    // Under load a look once ran in that gap: the switch was announced twice, and the stale mark then
    // swallowed another connection's next switch. Here the look is made to run exactly there.
    const store = t.store as unknown as { emit: (dataset: string, appended?: string[]) => void };
    const emit = store.emit;
    let lookedInGap: Promise<string[]> | null = null;
    store.emit = (dataset, appended) => {
      store.emit = emit;
      lookedInGap = watch.check().then((changed) => {
        emit.call(store, dataset, appended);
        return changed;
      });
    };
    fired.length = 0;
    await importList(t.store, 'Gamma', 'Kappa');
    expect(await lookedInGap).toEqual([]);
    expect(fired).toEqual(['test_list']);
    fired.length = 0;
    await importList(other, 'Gamma', 'Kappa', 'Lambda');
    await watch.check(); // on PostgreSQL the NOTIFY may have had it looked at already
    expect(fired).toEqual(['test_list']);
  });

  it('announces an analyst edit another connection appended in place to a live version', async () => {
    const claim = { entityId: 'case-note-1', schema: 'Person', prop: 'name', value: 'Epsilon', sourceDocument: 'doc-1', evidenceGrade: 'reported' } as StatementDraft;
    await other.addStatements('analyst_notes', [claim], 'tester');
    await watch.check();
    fired.length = 0;
    await other.addStatements('analyst_notes', [{ ...claim, entityId: 'case-note-2', value: 'Zeta' }], 'tester');
    await watch.check();
    expect(fired).toEqual(['analyst_notes']);
  });

  it.runIf(engine === 'postgres')('hears a NOTIFY at once, without waiting for the interval', async () => {
    fired.length = 0;
    await importList(other, 'Delta');
    const started = Date.now();
    while (fired.length === 0 && Date.now() - started < 3_000) await new Promise((r) => setTimeout(r, 20));
    expect(fired).toEqual(['test_list']);
  });
});
