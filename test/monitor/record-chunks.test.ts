// Monitor.recordChunks pages through every portfolio's records by key (portfolio, reference), 5,000 at a
// time, for the delta's sift. Its condition is a row-value comparison since session 12 (SQLite scanned the
// key from its start for the same condition written with `or`: 89 ms a page at 900,000 records, not 7;
// the speed is bench:monitor's). Every record must come exactly once, in key order, across pages that
// end inside a portfolio and at its last record.
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { Monitor } from '../../src/monitor/monitor.ts';
import type { MonitorTables } from '../../src/store/monitor-schema.ts';
import type { SqlStore } from '../../src/store/sql-store.ts';
import { ENGINES, freshStoreForBlock } from '../support/engines.ts';

const byBytes = (a: string, b: string) => (Buffer.compare(Buffer.from(a), Buffer.from(b)));

for (const engine of ENGINES) {
  describe(`the records paged for the sift on ${engine}`, () => {
    const t = freshStoreForBlock(engine);

    it('come once each, in key order, across portfolios and pages', async () => {
      const db = (t.store as SqlStore).db as unknown as Kysely<MonitorTables>;
      const at = new Date().toISOString();
      // Three portfolios: 5,000 records (a page ends at its last), 7,001 (one ends inside), 3.
      const sizes = { 'p-1': 5_000, 'p-2': 7_001, 'p-3': 3 };
      await db.insertInto('portfolios').values(Object.keys(sizes).map((id) => ({ id, name: id, created_at: at, created_by: 'test', workspace: null }))).execute();
      const expected: string[] = [];
      for (const [pid, n] of Object.entries(sizes)) {
        // References whose text order is not their number's (R10 before R2).
        const rows = Array.from({ length: n }, (_, i) => ({ portfolio_id: pid, ref: `R${i}`, query: '{}', digest: 'd', added_at: at, updated_at: at, screened_at: null }));
        for (let i = 0; i < rows.length; i += 500) await db.insertInto('portfolio_records').values(rows.slice(i, i + 500)).execute();
        expected.push(...rows.map((r) => `${pid} ${r.ref}`).sort(byBytes));
      }
      const seen: string[] = [];
      const pages: number[] = [];
      for await (const chunk of Monitor.of(t.store).recordChunks()) {
        pages.push(chunk.length);
        seen.push(...chunk.map((r) => `${r.portfolio_id} ${r.ref}`));
      }
      expect(pages).toEqual([5_000, 5_000, 2_004]);
      expect(seen).toEqual(expected);
    }, 60_000);
  });
}
