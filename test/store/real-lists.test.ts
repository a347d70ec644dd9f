// The real UN list through the import pipeline on every engine: counts, lookups by referent, streaming,
// and a re-import of the same file that changes nothing but last_seen.
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/ingest/import.ts';
import { ENGINES, freshStoreForBlock } from '../support/engines.ts';

const UN = new URL('../../data/un_sc_sanctions/2026-02-27/consolidated.xml.gz', import.meta.url).pathname;

describe.each(ENGINES)('the UN list on %s', (engine) => {
  const t = freshStoreForBlock(engine);

  it('imports 1,003 entries with the publication date from the file', async () => {
    const [o] = await importFiles(t.store, [UN]);
    expect(o.dataset).toBe('un_sc_sanctions');
    expect(o.version.publishedAt).toBe('2026-02-27');
    expect(o.version.schemaCounts).toMatchObject({ $targets: 1003, Person: 730, Organization: 273 });
  });

  it('finds KPi.066 by referent with its provenance', async () => {
    const e = await t.store.getEntity('un_sc_sanctions:KPi.066');
    expect(e?.referents).toEqual(['un_sc_sanctions:KPi.066']);
    const statements = await t.store.getStatements('un_sc_sanctions:KPi.066');
    expect(statements.every((s) => s.evidenceGrade === 'official' && s.dataset === 'un_sc_sanctions')).toBe(true);
    const sanctions = await t.store.getReferencing(e!.id);
    expect(sanctions.find((s) => s.schema === 'Sanction')?.properties.unscId).toEqual(['KPi.066']);
  });

  it('streams every live entity once', async () => {
    let people = 0;
    const seen = new Set<string>();
    for await (const e of t.store.iterateEntities({ schemata: ['Person'] })) {
      people++;
      seen.add(e.id);
    }
    expect(people).toBe(730);
    expect(seen.size).toBe(730);
  });

  it('a re-import of the same file is a new version with nothing added, removed or changed', async () => {
    const firstSeen = (await t.store.getStatements('un_sc_sanctions:KPi.066'))[1].firstSeen;
    const [o] = await importFiles(t.store, [UN]);
    expect({ added: o.added, removed: o.removed, changed: o.changed }).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(o.previous).not.toBeNull();
    const again = (await t.store.getStatements('un_sc_sanctions:KPi.066'))[1];
    expect(again.firstSeen).toBe(firstSeen);
    expect(again.lastSeen).toBe(firstSeen); // the same file: seen in the same publication
    expect((await t.store.versions('un_sc_sanctions')).length).toBe(2);
  });
});
