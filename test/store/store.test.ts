// The store's contract, on every engine: versions, atomic switch, failed imports, diff, first/last seen.
import { describe, expect, it } from 'vitest';
import type { StatementDraft } from '../../src/model/statement.ts';
import type { ParsedItem } from '../../src/sources/types.ts';
import { ENGINES, PG_SKIP_REASON, freshStoreForBlock } from '../support/engines.ts';

function person(id: string, name: string, extra: Record<string, string[]> = {}): StatementDraft[] {
  const out: StatementDraft[] = [{ entityId: id, schema: 'Person', prop: 'id', value: id, evidenceGrade: 'official' }];
  out.push({ entityId: id, schema: 'Person', prop: 'name', value: name, evidenceGrade: 'official', locator: 'list.csv:1' });
  for (const [prop, values] of Object.entries(extra)) for (const value of values) out.push({ entityId: id, schema: 'Person', prop, value, evidenceGrade: 'official' });
  out.push({ entityId: `${id}-s`, schema: 'Sanction', prop: 'entity', value: id, evidenceGrade: 'official' });
  return out;
}

async function* stream(items: (StatementDraft | ParsedItem)[], failAt = -1): AsyncGenerator<StatementDraft | ParsedItem> {
  let i = 0;
  for (const item of items) {
    if (i++ === failAt) throw new Error('parser failed half-way');
    yield item;
  }
}

const req = (extra = {}) => ({ dataset: 'test_list', format: 'test', sourceFiles: ['list.csv'], ...extra });

if (ENGINES.length === 1) it.skip(PG_SKIP_REASON, () => undefined);

describe.each(ENGINES)('store on %s', (engine) => {
  const t = freshStoreForBlock(engine);

  it('imports a first version and makes it live', async () => {
    const r = await t.store.importDataset(req({ publishedAt: '2024-01-01' }), stream([...person('t-1', 'KIM, Jong Un', { birthDate: ['1984-01-08'] }), ...person('t-2', 'RI, Yong Ho')]));
    expect(r.version.status).toBe('live');
    expect(r.version.entityCount).toBe(4);
    expect(r.version.schemaCounts).toMatchObject({ Person: 2, Sanction: 2, $targets: 2 });
    expect(r.version.version).toBe(`2024-01-01.${r.version.id}`);
    expect(r.previous).toBeNull();
    const e = await t.store.getEntity('t-1');
    expect(e?.caption).toBe('KIM, Jong Un');
    expect(e?.properties.birthDate).toEqual(['1984-01-08']);
    expect(e?.referents).toEqual(['test_list:t-1']);
    const st = await t.store.getStatements('t-1');
    expect(st.find((s) => s.prop === 'name')).toMatchObject({ locator: 'list.csv:1', evidenceGrade: 'official', dataset: 'test_list' });
  });

  it('a failed import leaves the live version exactly as it was', async () => {
    const before = await t.store.liveVersions();
    await expect(t.store.importDataset(req(), stream(person('t-9', 'NEW PERSON'), 2))).rejects.toThrow('parser failed half-way');
    expect(await t.store.liveVersions()).toEqual(before);
    expect(await t.store.getEntity('t-9')).toBeUndefined();
    expect((await t.store.versions('test_list')).length).toBe(1);
  });

  it('rejects an empty list without touching the live version', async () => {
    await expect(t.store.importDataset(req(), stream([]))).rejects.toThrow(/no entities found/);
    expect((await t.store.versions('test_list')).length).toBe(1);
  });

  it('a second version switches live, keeps first_seen, and diffs against the first', async () => {
    const firstSeen = (await t.store.getStatements('t-1')).find((s) => s.prop === 'name')!.firstSeen;
    await new Promise((r) => setTimeout(r, 5));
    const r = await t.store.importDataset(
      req({ publishedAt: '2024-02-01' }),
      stream([...person('t-1', 'KIM, Jong Un', { birthDate: ['1984-01-08', '1983-01-08'] }), ...person('t-3', 'MKRTYCHEV, Ashot')]),
    );
    expect(r.previous?.publishedAt).toBe('2024-01-01');
    expect({ added: r.added, removed: r.removed, changed: r.changed }).toEqual({ added: 2, removed: 2, changed: 1 });
    const name = (await t.store.getStatements('t-1')).find((s) => s.prop === 'name')!;
    expect(name.firstSeen).toBe(firstSeen);
    expect(name.lastSeen > firstSeen).toBe(true);
    const diff = await t.store.diff('test_list');
    expect(diff.added.map((a) => a.caption)).toContain('MKRTYCHEV, Ashot');
    expect(diff.removed.map((a) => a.caption)).toContain('RI, Yong Ho');
    expect(diff.changed).toEqual([{ id: 't-1', schema: 'Person', caption: 'KIM, Jong Un', changes: { birthDate: { removed: [], added: ['1983-01-08'] } } }]);
    const byDate = await t.store.diff('test_list', '2024-01-01', '2024-02-01');
    expect(byDate.added.length).toBe(2);
    expect((await t.store.versions('test_list')).map((v) => v.status)).toEqual(['live', 'superseded']);
  });

  it('applies a delta on the live version', async () => {
    const r = await t.store.importDataset(req({ delta: true }), stream([{ deleteEntity: 't-3' }, ...person('t-4', 'CHOE, Ryong Hae')]));
    expect(r.version.publishedAt).toBe('2024-02-01');
    expect(await t.store.getEntity('t-3')).toBeUndefined();
    expect((await t.store.getEntity('t-1'))?.caption).toBe('KIM, Jong Un');
    expect((await t.store.getEntity('t-4'))?.caption).toBe('CHOE, Ryong Hae');
  });

  it('streams every live entity in id order and filters by schema', async () => {
    const all = [];
    for await (const e of t.store.iterateEntities()) all.push(e.id);
    expect(all).toEqual([...all].sort());
    const people = [];
    for await (const e of t.store.iterateEntities({ schemata: ['LegalEntity'] })) people.push(e.caption);
    // RI, Yong Ho left with the second version; Sanctions are not legal entities.
    expect(people.sort()).toEqual(['CHOE, Ryong Hae', 'KIM, Jong Un']);
  });

  it('adds analyst statements without overwriting, as a new version', async () => {
    const listener: string[] = [];
    const off = t.store.onLiveChange((d) => listener.push(d));
    const added = await t.store.addStatements(
      'analyst_notes',
      [{ entityId: 't-1', schema: 'Person', prop: 'notes', value: 'seen at the 2023 parade', evidenceGrade: 'reported', sourceDocument: 'https://example.org/report' }],
      'alice',
    );
    off();
    expect(added[0]).toMatchObject({ author: 'alice', evidenceGrade: 'reported', dataset: 'analyst_notes' });
    expect(listener).toEqual(['analyst_notes']);
    const e = await t.store.getEntity('t-1');
    expect(e?.datasets).toEqual(['analyst_notes', 'test_list']);
    expect(e?.properties.notes).toEqual(['seen at the 2023 parade']);
  });

  it('lists datasets and rejects unknown ones and bad names', async () => {
    const ds = await t.store.datasets();
    expect(ds.map((d) => d.name)).toEqual(['analyst_notes', 'test_list']);
    await expect(t.store.versions('nope')).rejects.toThrow(/unknown dataset/);
    await expect(t.store.importDataset(req({ dataset: 'Bad Name' }), stream(person('x', 'X')))).rejects.toThrow(/not a valid dataset name/);
  });
});

describe.each(ENGINES)('references on %s', (engine) => {
  const t = freshStoreForBlock(engine);

  it('finds what refers to an entity, the arms-transfer extension included', async () => {
    const transfer = (prop: string, value: string): StatementDraft => ({ entityId: 'tr-1', schema: 'ArmsTransfer', prop, value, evidenceGrade: 'reported', sourceDocument: 'doc' });
    await t.store.importDataset(
      { dataset: 'test_transfers', format: 'test', sourceFiles: ['t.csv'] },
      stream([transfer('name', 'Rockets by rail'), transfer('itemDesignation', 'Bulsae'), transfer('supplier', 'party-a'), transfer('recipient', 'party-b')]),
    );
    const refs = await t.store.getReferencing('party-b');
    expect(refs.map((e) => [e.id, e.schema, e.caption])).toEqual([['tr-1', 'ArmsTransfer', 'Rockets by rail']]);
    expect(await t.store.getReferencing('party-c')).toEqual([]);
    // A filter on a parent schema reaches the extension too, as the model says (ArmsTransfer is a Thing).
    const things: string[] = [];
    for await (const e of t.store.iterateEntities({ datasets: ['test_transfers'], schemata: ['Thing'] })) things.push(e.id);
    expect(things).toEqual(['tr-1']);
  });
});

describe.each(ENGINES)('kept diffs on %s', (engine) => {
  const t = freshStoreForBlock(engine);
  const db = () => (t.store as unknown as { db: import('kysely').Kysely<{ version_diffs: { from_id: number; to_id: number; stamp: string; body: string } }> }).db;

  it('a diff is kept at import, and the diff read back equals a fresh comparison', async () => {
    const first = await t.store.importDataset(req({ publishedAt: '2024-01-01' }), stream([...person('k-1', 'KIM, Jong Un'), ...person('k-2', 'RI, Yong Ho')]));
    expect(await db().selectFrom('version_diffs').selectAll().execute()).toEqual([]);
    const second = await t.store.importDataset(req({ publishedAt: '2024-02-01' }), stream([...person('k-1', 'KIM, Jong Un', { alias: ['KIM Jong-un'] }), ...person('k-3', 'PAK, Pong Ju')]));
    const kept = await db().selectFrom('version_diffs').selectAll().execute();
    expect(kept.map((r) => [Number(r.from_id), Number(r.to_id)])).toEqual([[first.version.id, second.version.id]]);
    const read = await t.store.diff('test_list');
    await db().deleteFrom('version_diffs').execute();
    const fresh = await t.store.diff('test_list');
    expect(read).toEqual(fresh);
    expect(read.added.map((e) => e.id).sort()).toEqual(['k-3', 'k-3-s']);
    expect(read.changed.map((e) => e.id)).toEqual(['k-1']);
  });

  it('a kept diff whose version changed since (an analyst edit in place) is compared again', async () => {
    const [to, from] = await t.store.versions('test_list');
    await db().updateTable('version_diffs').set({ stamp: 'stale', body: JSON.stringify({ added: [], removed: [], changed: [], targets: [] }) }).execute();
    const diff = await t.store.diff('test_list', from.id, to.id);
    expect(diff.changed.map((e) => e.id)).toEqual(['k-1']);
  });
});
