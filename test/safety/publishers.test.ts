// Issue 10, point 1: a publisher's list is written only by import and sync. Before the change a
// client could POST an entity "dataset": "us_ofac_sdn" (201; it matched at 1.0 as an OFAC
// designation and made the stale list look fresh), grade its claims `official`, and every edit
// copied the whole dataset (378,000 rows per POST on the bundled data).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { importFiles } from '../../src/ingest/import.ts';
import type { SqlStore } from '../../src/store/sql-store.ts';
import type { Store } from '../../src/store/types.ts';
import { authHeaders, keyAuthor } from '../support/credentials.ts';
import { ENGINES, freshStore, type TestStore } from '../support/engines.ts';

const FIX = new URL('../fixtures/', import.meta.url).pathname;
const OFAC_2023 = ['sdn', 'add', 'alt'].map((f) => join(FIX, 'ofac_xml/csv_2023-12-28', `${f}.csv`));
const source = { source_document: 'https://example.org/report', evidence_grade: 'reported' };

async function rowCount(store: Store): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from statements`.execute((store as SqlStore).db);
  return Number(r.rows[0].n);
}

describe.each(ENGINES)("publishers' lists on %s", (engine) => {
  let t: TestStore;
  let app: FastifyInstance;
  // As an analyst: the role that may edit, and no more.
  const post = async (url: string, payload: object) => app.inject({ method: 'POST', url, headers: await authHeaders(t.store, 'analyst'), payload });

  beforeAll(async () => {
    t = await freshStore(engine);
    await importFiles(t.store, OFAC_2023, { author: 'test' });
    ({ app } = await buildApp({ ...loadConfig({}), loadBundled: false }, t.store));
  });
  afterAll(async () => {
    await app.close();
    await t.dispose();
  });

  it('refuses analyst writes into a publisher dataset, and the catalog stays as it was', async () => {
    const before = await t.store.liveVersions();
    const fake = await post('/entities', { schema: 'Person', dataset: 'us_ofac_sdn', properties: { name: 'FAKE, Designee' }, ...source });
    expect(fake.statusCode).toBe(422);
    expect(fake.json()).toMatchObject({ field: 'dataset' });
    expect(fake.json().error).toMatch(/us_ofac_sdn is a publisher's list: it changes only through import and sync/);
    const claim = await post('/statements', { dataset: 'us_ofac_sdn', statements: [{ entity_id: 'us-ofac-sdn-21171', prop: 'alias', value: 'X', ...source }] });
    expect(claim.statusCode).toBe(422);
    // A publisher's list not imported yet is refused too, so an edit cannot plant it before the first sync.
    const early = await post('/entities', { schema: 'Person', dataset: 'un_sc_sanctions', properties: { name: 'FAKE' }, ...source });
    expect(early.statusCode).toBe(422);
    // The store itself refuses, whatever the caller.
    await expect(t.store.addStatements('us_ofac_sdn', [{ entityId: 'x-1', schema: 'Person', prop: 'name', value: 'FAKE', sourceDocument: source.source_document, evidenceGrade: 'reported' }], 'mallory')).rejects.toThrow(/publisher's list/);
    expect(await t.store.liveVersions()).toEqual(before);
    expect((await t.store.datasets()).map((d) => d.name)).toEqual(['us_ofac_sdn']);
  });

  it("refuses the grade `official` and ids in a publisher's id space from analysts", async () => {
    const official = await post('/entities', { schema: 'Person', properties: { name: 'FAKE' }, source_document: 'x', evidence_grade: 'official' });
    expect(official.statusCode).toBe(422);
    expect(official.json()).toMatchObject({ field: 'evidence_grade' });
    const officialClaim = await post('/statements', { statements: [{ entity_id: 'us-ofac-sdn-21171', prop: 'alias', value: 'X', source_document: 'x', evidence_grade: 'official' }] });
    expect(officialClaim.json()).toMatchObject({ status: 422, field: 'statements[0].evidence_grade' });
    const posing = await post('/entities', { schema: 'Person', id: 'us-ofac-sdn-99999', properties: { name: 'FAKE' }, ...source });
    expect(posing.statusCode).toBe(422);
    expect(posing.json()).toMatchObject({ field: 'id' });
  });

  it('writes claims about a listed entity into the analyst dataset, beside the list', async () => {
    const r = await post('/statements', { statements: [{ entity_id: 'us-ofac-sdn-21171', prop: 'notes', value: 'seen in Vladivostok', ...source }] });
    expect(r.statusCode).toBe(201);
    const ds = await t.store.datasets();
    expect(ds.map((d) => [d.name, d.kind])).toEqual([['analyst', 'analyst'], ['us_ofac_sdn', 'publisher']]);
    const ofac = ds.find((d) => d.name === 'us_ofac_sdn')!;
    expect(ofac.live?.publishedAt).toBeNull(); // an edit never makes a publisher's list look fresh
  });

  it('an edit costs what it changes: its own rows, no copy of the dataset, one version', async () => {
    const create = await post('/entities', { schema: 'Company', properties: { name: 'Front Co', country: 'kp' }, ...source });
    expect(create.statusCode).toBe(201);
    const id = create.json().id as string;
    const versionsBefore = await t.store.versions('analyst');
    const live = versionsBefore[0];
    const rows = await rowCount(t.store);
    const changes: [string, string[] | undefined][] = [];
    const off = t.store.onLiveChange((dataset, appended) => changes.push([dataset, appended]));
    for (let i = 0; i < 5; i++) {
      const r = await post('/statements', { statements: [{ entity_id: id, prop: 'alias', value: `Front ${i}`, ...source }] });
      expect(r.statusCode).toBe(201);
    }
    off();
    // The services are told what the edit touched, so they can take in just that.
    expect(changes).toEqual(Array(5).fill(['analyst', [id]]));
    expect(await rowCount(t.store)).toBe(rows + 5);
    const after = await t.store.versions('analyst');
    expect(after.map((v) => v.id)).toEqual(versionsBefore.map((v) => v.id));
    expect(after[0]).toMatchObject({ entityCount: live.entityCount, statementCount: live.statementCount + 5 });
    expect((await t.store.getEntity(id))?.properties.alias).toHaveLength(5);
  });

  it('a restated value takes the new claim, keeps first_seen, and archives the earlier claim', async () => {
    const create = await post('/entities', { schema: 'Person', properties: { name: 'KIM, Restated' }, ...source });
    const id = create.json().id as string;
    const first = (await t.store.getStatements(id)).find((s) => s.prop === 'name')!;
    const again = await app.inject({
      method: 'POST',
      url: '/statements',
      headers: await authHeaders(t.store, 'admin'), // another key: the restated claim has its own author
      payload: { statements: [{ entity_id: id, prop: 'name', value: 'KIM, Restated', source_document: 'https://example.org/second', evidence_grade: 'corroborated' }] },
    });
    expect(again.statusCode).toBe(201);
    const now = (await t.store.getStatements(id)).filter((s) => s.prop === 'name');
    expect(now).toHaveLength(1);
    expect(now[0]).toMatchObject({ author: await keyAuthor(t.store, 'admin'), evidenceGrade: 'corroborated', firstSeen: first.firstSeen, sourceDocument: 'https://example.org/second' });
    const archived = await (t.store as SqlStore).db
      .selectFrom('statements')
      .innerJoin('dataset_versions', 'dataset_versions.id', 'statements.version_id')
      .select(['statements.author', 'statements.source_document', 'dataset_versions.status'])
      .where('statements.id', '=', first.id)
      .where('dataset_versions.status', '=', 'archived')
      .execute();
    expect(archived).toEqual([{ author: await keyAuthor(t.store, 'analyst'), source_document: 'https://example.org/report', status: 'archived' }]);
    // The archive is not a version of the list.
    expect((await t.store.versions('analyst')).every((v) => v.status === 'live' || v.status === 'superseded')).toBe(true);
  });
});
