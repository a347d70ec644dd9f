// Databases made before datasets had a kind get one on open: analysts' datasets from what wrote
// them, every other dataset a publisher's (so analysts cannot write it).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { importFiles } from '../../src/ingest/import.ts';
import type { SqlStore } from '../../src/store/sql-store.ts';
import { ENGINES, freshStore } from '../support/engines.ts';

const FIX = new URL('../fixtures/', import.meta.url).pathname;

describe.each(ENGINES)('dataset kinds in an older database on %s', (engine) => {
  it('are decided on open from what wrote each live version', async () => {
    const t = await freshStore(engine);
    try {
      await importFiles(t.store, ['sdn', 'add', 'alt'].map((f) => join(FIX, 'ofac_xml/csv_2023-12-28', `${f}.csv`)));
      await importFiles(t.store, [join(FIX, 'statements/claims-sample.csv')], { dataset: 'claims' });
      await t.store.addStatements('analyst', [{ entityId: 'a-1', schema: 'Person', prop: 'name', value: 'A', evidenceGrade: 'reported', sourceDocument: 'x' }], 'alice');
      await sql`alter table datasets drop column kind`.execute((t.store as SqlStore).db);
      await t.store.migrate();
      expect((await t.store.datasets()).map((d) => [d.name, d.kind])).toEqual([
        ['analyst', 'analyst'],
        ['claims', 'analyst'],
        ['us_ofac_sdn', 'publisher'],
      ]);
      await expect(t.store.addStatements('us_ofac_sdn', [{ entityId: 'x', schema: 'Person', prop: 'name', value: 'X', evidenceGrade: 'reported', sourceDocument: 'x' }], 'm')).rejects.toThrow(/publisher's list/);
    } finally {
      await t.dispose();
    }
  });
});
