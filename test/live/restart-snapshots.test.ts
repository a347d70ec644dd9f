// Issue 18: a restart with data already imported took ≈ 22 s to ready, nearly all of it building the
// screening index and the graph again from the same live versions. Both are now saved after a build
// and read back on the next start; these tests check that what is read back answers exactly as a
// fresh build does, and that a new live version is never answered from an old snapshot.
// (The time itself is measured by `npm run bench:import`.) The read-back is checked over the bundled
// lists (the size of a real index); the new version over a small store (nine OFAC entries and the
// case file), since what it checks is the snapshot's key, not its size: a second build of the
// bundled lists cost ≈ 15 CPU-s.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { GraphService } from '../../src/graph/service.ts';
import { ScreeningService } from '../../src/screening/service.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { importFiles, importWith } from '../../src/ingest/import.ts';
import { caseFileCsv } from '../../src/sources/transfers/case-file.ts';
import { copyOfBundledDb } from '../support/bundled-db.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
/** Nine real entries of OFAC's SDN list of 2023-12-28, RIM Yong Hyok among them (test/fixtures/ofac_xml/ORIGIN.md). */
const OFAC_NINE = ['sdn', 'add', 'alt'].map((f) => join(ROOT, 'test/fixtures/ofac_xml/csv_2023-12-28', `${f}.csv`));
const CASE_FILE = ['statements', 'transfers'].map((f) => join(ROOT, 'data/case_dprk_russia', `${f}.csv`));
const RIM = 'us-ofac-sdn-44294';
const PRIGOZHIN = 'us-ofac-sdn-21171';
const queries = { queries: { kim: { schema: 'Person', properties: { name: ['Kim Jong Un'] } }, rim: { schema: 'Person', properties: { name: ['Рим Ён Хёк'] } } } };

/** A throwaway directory with a snapshot directory in it, and its snapshot files by modification time. */
function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'interdict-snapshots-'));
  const snapshotDir = join(dir, 'cache');
  const files = () => Object.fromEntries(readdirSync(snapshotDir).map((f) => [f, statSync(join(snapshotDir, f)).mtimeMs]));
  return { dir, snapshotDir, files };
}

describe('indexes saved for the next start', () => {
  const { dir, snapshotDir, files } = scratch();
  let store: Store;

  beforeAll(async () => {
    store = await openStore({ databaseUrl: null, sqlitePath: copyOfBundledDb(inject('bundledDb'), join(dir, 'copy.db')) });
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a restart answers /match and paths from the saved snapshots exactly as the build it saved', async () => {
    const built = new ScreeningService(store, { snapshotDir });
    const builtGraph = new GraphService(store, { snapshotDir });
    const expected = await built.match('default', queries);
    const expectedPaths = await builtGraph.paths(RIM, PRIGOZHIN, { k: 2 });
    // Warmed (every entity prepared for the matcher), it saves the prepared forms beside the index.
    await built.warmed();
    const saved = files();
    expect(Object.keys(saved).sort()).toEqual([expect.stringMatching(/^graph-\w+\.v8$/), expect.stringMatching(/^screening-\w+\.prepared$/), expect.stringMatching(/^screening-\w+\.v8$/)]);

    const restarted = new ScreeningService(store, { snapshotDir });
    const restartedGraph = new GraphService(store, { snapshotDir });
    expect(await restarted.match('default', queries)).toEqual(expected);
    expect(await restartedGraph.paths(RIM, PRIGOZHIN, { k: 2 })).toEqual(expectedPaths);
    expect(restarted.stats().entities).toBe(built.stats().entities);
    await restarted.warmed();
    expect(files()).toEqual(saved); // read back (the prepared forms too), not built and written again
    await Promise.all([built.close(), restarted.close()]);
  }, 180_000);
});

describe('a snapshot after a new live version', () => {
  const { dir, snapshotDir, files } = scratch();
  let store: Store;

  beforeAll(async () => {
    store = await openStore({ databaseUrl: null, sqlitePath: join(dir, 'small.db') });
    await importFiles(store, OFAC_NINE);
    await importWith(store, caseFileCsv, CASE_FILE);
    // Built and saved over the versions live now: the snapshots the new version must not be answered from.
    const screening = new ScreeningService(store, { snapshotDir });
    await screening.match('all', queries);
    await new GraphService(store, { snapshotDir }).adjacent(RIM);
    await screening.warmed();
    await screening.close();
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a new live version is built afresh, never answered from the snapshot of the old one', async () => {
    const before = files();
    expect(Object.keys(before)).toHaveLength(3); // the index, its prepared forms and the graph
    await store.addStatements(
      'case_dprk_russia',
      [
        { entityId: 'case-dprk-russia-test-snapshot-person', schema: 'Person', prop: 'name', value: 'Snapshotova Vera Testovna', sourceDocument: 'test', evidenceGrade: 'reported' },
        { entityId: 'case-dprk-russia-test-snapshot-link', schema: 'UnknownLink', prop: 'subject', value: 'case-dprk-russia-test-snapshot-person', sourceDocument: 'test', evidenceGrade: 'reported' },
        { entityId: 'case-dprk-russia-test-snapshot-link', schema: 'UnknownLink', prop: 'object', value: RIM, sourceDocument: 'test', evidenceGrade: 'reported' },
      ],
      'test',
    );
    const screening = new ScreeningService(store, { snapshotDir });
    const graph = new GraphService(store, { snapshotDir });
    const r = await screening.match('all', { queries: { q: { schema: 'Person', properties: { name: ['Vera Snapshotova'] } } } });
    expect(r.responses.q.results[0]?.id).toBe('case-dprk-russia-test-snapshot-person');
    expect((await graph.adjacent('case-dprk-russia-test-snapshot-person')).total).toBe(1);
    await screening.warmed();
    const after = files();
    expect(Object.keys(after)).toHaveLength(3); // the old snapshots replaced, not piled up
    for (const name of Object.keys(after)) expect(before[name]).toBeUndefined();
    await screening.close();
  }, 180_000);
});
