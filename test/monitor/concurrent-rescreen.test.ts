// Two re-screens of the same records at once (a job taken over from a worker that stalled but lived on)
// raise each alert once: a record's row is locked before its hits are read, so the second screening of
// it waits and then compares with the hits the first one wrote. On SQLite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { Monitor, type BatchScreenFn, type ListChange } from '../../src/monitor/monitor.ts';
import type { InputRow } from '../../src/screening/batch-input.ts';
import { ENGINES, freshStoreForBlock } from '../support/engines.ts';

const RECORDS = 400;
const rows: InputRow[] = Array.from({ length: RECORDS }, (_, i) => ({ line: i + 2, id: `R-${i}`, query: { id: `R-${i}`, schema: 'Person', properties: { name: [`Customer ${i}`] } } }));
const target = { id: 'NK-listed', schema: 'Person', caption: 'Listed Person', properties: { name: ['Listed Person'] }, datasets: ['us_ofac_sdn'] };
/** After the list change every record meets the newly listed target. */
const hitsTheTarget: BatchScreenFn = async (queries) => ({ results: queries.map(() => [{ entity: target, score: 0.9, match: true, band: 'match', explanations: [], features: {} }]) });
const hitsNothing: BatchScreenFn = async (queries) => ({ results: queries.map(() => []) });
const change: ListChange = { dataset: 'us_ofac_sdn', version: '2', addedTargets: new Set([target.id]), isListed: () => true };

for (const engine of ENGINES) {
  describe(`re-screens running at once on ${engine}`, () => {
    const t = freshStoreForBlock(engine);

    it('raise each alert once', async () => {
      const monitor = Monitor.of(t.store);
      const uploaded = await monitor.upload('book', rows, { mode: 'replace', screen: hitsNothing, actor: 'test' });
      expect(uploaded).toMatchObject({ added: RECORDS, alerts: 0 });
      const [first, second] = await Promise.all([monitor.rescreen({ screen: hitsTheTarget, change }), monitor.rescreen({ screen: hitsTheTarget, change })]);
      expect(first.records + second.records).toBe(2 * RECORDS);
      expect(first.alerts + second.alerts).toBe(RECORDS);
      const alerts = await monitor.alerts({ portfolio: 'book', limit: 500 });
      expect(alerts.total).toBe(RECORDS);
      expect(new Set(alerts.results.map((a) => a.ref)).size).toBe(RECORDS);
      expect(alerts.results.every((a) => a.kind === 'new-hit' && a.reason === 'added to us_ofac_sdn')).toBe(true);
    });
  });
}
